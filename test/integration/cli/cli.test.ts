/**
 * The `wxtoken` CLI as a user runs it: a real child process, a real data folder, the real keychain (the test
 * run's private keyring) and the WeChat simulator on 127.0.0.1.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../support/http/free-port';
import { cliSandbox, type CliResult, type CliSandbox } from '../../support/cli';
import { startHungDbus } from '../../support/keychain/keychain';
import { DEMO_ACCOUNT, SIM_MEDIA_ID, startSimulator, type Simulator } from '../../simulator/index';

const CLASSIC = { appid: 'wx0a1b2c3d4e5f6a7b', secret: 'c1a55ic5ecret0000aaaabbbbccccdddd', kind: 'oa' as const };
const MINI = { appid: 'wx1b2c3d4e5f6a7b8c', secret: 'm1n1pr0gram5ecret1111222233334444', kind: 'mp' as const };
const STABLE_PATH = '/cgi-bin/stable_token';
const CLASSIC_PATH = '/cgi-bin/token';

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken CLI', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  /** Every output of this test, to check that no secret leaked into any of it. */
  let outputs: string[];

  const run = async (args: string[], options?: Parameters<CliSandbox['run']>[1]): Promise<CliResult> => {
    const result = await cli.run(args, options);
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const add = (name: string, account: { appid: string; secret: string; kind: string }, ...extra: string[]) =>
    run(['account', 'add', name, '--appid', account.appid, '--kind', account.kind, '--api-base', sim.url, ...extra], { input: `${account.secret}\n` });
  const accounts = async () => JSON.parse((await run(['account', 'list', '--json'])).stdout) as { name: string; has_secret: boolean; note?: string; mode: string }[];

  beforeAll(async () => {
    sim = await startSimulator();
    for (const a of [DEMO_ACCOUNT, CLASSIC, MINI]) sim.addAccount(a);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    outputs = [];
    sim.resetCounts();
  });
  afterEach(() => cli.cleanup());

  it('adds an account with the secret from stdin and keeps it out of every file and every output', async () => {
    const added = await add('prod', DEMO_ACCOUNT, '--note', 'main account');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added account prod');

    const list = await run(['account', 'list']);
    expect(list.stdout).toMatch(/prod\s+oa\s+wx5f3c9a1e7b2d4c60\s+stable\s+stored/);
    expect(await accounts()).toMatchObject([{ name: 'prod', has_secret: true, note: 'main account' }]);
    expect(await keytar.findCredentials(cli.service)).not.toHaveLength(0);

    const token = await run(['token', 'prod']);
    expect(token.code).toBe(0);
    await run(['call', 'prod', 'GET', '/cgi-bin/getcallbackip']);
    await run(['history', 'prod', '--json']);
    await run(['account', 'show', 'prod', '--json']);

    const files = await cli.files();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.data.includes(DEMO_ACCOUNT.secret), file.path).toBe(false);
      expect(file.data.includes(token.stdout.trim()), `token in ${file.path}`).toBe(false);
    }
    for (const text of outputs) expect(text).not.toContain(DEMO_ACCOUNT.secret);
  });

  it('rejects bad input with exit 2 and changes nothing', async () => {
    expect((await add('prod', DEMO_ACCOUNT)).code).toBe(0);
    const before = await accounts();

    const badAppid = await run(['account', 'add', 'x', '--appid', 'wx123', '--api-base', sim.url], { input: 'abc\n' });
    expect(badAppid.code).toBe(2);
    expect(badAppid.stderr).toContain('AppID');
    const duplicate = await add('prod', CLASSIC);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/exists already/);
    const badUrl = await run(['account', 'add', 'y', '--appid', CLASSIC.appid, '--api-base', 'ftp://example'], { input: 'abc\n' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('http(s) URL');
    const noSecret = await run(['account', 'add', 'z', '--appid', CLASSIC.appid, '--api-base', sim.url], { input: '' });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('AppSecret is empty');
    const badEdit = await run(['account', 'edit', 'prod', '--kind', 'bank']);
    expect(badEdit.code).toBe(2);
    const noAppid = await run(['account', 'add', 'w'], { input: 'abc\n' });
    expect(noAppid.code).toBe(2);
    expect(noAppid.stderr).toContain('usage: wxtoken account add NAME --appid ID');

    expect(await accounts()).toEqual(before);
    expect((await keytar.findCredentials(cli.service)).map((c) => c.account).filter((a) => a.startsWith('appsecret:'))).toEqual(['appsecret:prod']);
  });

  it('shows, edits, renames and removes accounts; removal needs --yes without a terminal', async () => {
    expect((await add('prod', DEMO_ACCOUNT)).code).toBe(0);
    const show = await run(['account', 'show', 'prod']);
    expect(show.stdout).toMatch(/AppID\s+wx5f3c9a1e7b2d4c60/);
    expect(show.stdout).toContain('stored in the OS keychain');

    expect((await run(['account', 'edit', 'prod', '--note', 'hello', '--mode', 'classic'])).code).toBe(0);
    expect(await accounts()).toMatchObject([{ name: 'prod', note: 'hello', mode: 'classic' }]);
    expect((await run(['account', 'edit', 'prod', '--no-note', '--rename', 'live'])).code).toBe(0);
    const renamed = await accounts();
    expect(renamed).toMatchObject([{ name: 'live', has_secret: true }]);
    expect(renamed[0].note).toBeUndefined();
    expect((await run(['token', 'live'])).code).toBe(0); // the secret moved with the name

    const refused = await run(['account', 'remove', 'live']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(await accounts()).toHaveLength(1);

    const removed = await run(['account', 'remove', 'live', '--yes']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('AppSecret, cached token and request history');
    expect(await accounts()).toEqual([]);
    // Only the token cache's own key may stay; no AppSecret item is left behind.
    expect((await keytar.findCredentials(cli.service)).map((c) => c.account).filter((a) => a.startsWith('appsecret:'))).toEqual([]);
    expect((await run(['account', 'show', 'live'])).code).toBe(2); // no such account: a usage mistake
  });

  it('prints the token alone, or as JSON, and a second run uses the cache instead of fetching', async () => {
    await add('prod', DEMO_ACCOUNT);
    const plain = await run(['token', 'prod']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^\S{16,}\n$/);
    expect(plain.stderr).toBe('');
    expect(sim.count(STABLE_PATH)).toBe(1);

    const again = await run(['token', 'prod', '--json']);
    expect(again.code).toBe(0);
    const info = JSON.parse(again.stdout);
    expect(info).toMatchObject({ access_token: plain.stdout.trim(), mode: 'stable', source: 'cache' });
    expect(info.expires_in).toBeGreaterThan(7000);
    expect(info.expires_in).toBeLessThanOrEqual(7200);
    expect(Date.parse(info.expires_at)).toBeGreaterThan(Date.now());
    expect(Date.parse(info.fetched_at)).toBeLessThanOrEqual(Date.now());
    expect(sim.count(STABLE_PATH)).toBe(1);

    const refreshed = JSON.parse((await run(['token', 'prod', '--refresh', '--json'])).stdout);
    expect(refreshed.source).toBe('fetch');
    expect(sim.count(STABLE_PATH)).toBe(2);
  });

  it('warns before a classic force refresh and counts what is left of the stable ones', async () => {
    await add('old', CLASSIC, '--mode', 'classic');
    const first = await run(['token', 'old']);
    expect(sim.count(CLASSIC_PATH)).toBe(1);
    const forced = await run(['token', 'old', '--force', '--yes']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('stops working 5 minutes later');
    expect(forced.stdout.trim()).not.toBe(first.stdout.trim());
    expect(sim.count(CLASSIC_PATH)).toBe(2);

    await add('prod', DEMO_ACCOUNT);
    const stable = await run(['token', 'prod', '--force']);
    expect(stable.code).toBe(0);
    expect(stable.stderr).toContain('19 stable force refreshes left today');
    const tooSoon = await run(['token', 'prod', '--force']);
    expect(tooSoon.code).toBe(1);
    expect(tooSoon.stderr).toContain('[force_limited]');
  });

  it('calls endpoints with query, data, @file and --out, and explains a WeChat errcode', async () => {
    await add('prod', DEMO_ACCOUNT);
    const get = await run(['call', 'prod', 'GET', '/cgi-bin/user/get']);
    expect(get.code).toBe(0);
    const page = JSON.parse(get.stdout);
    expect(page.count).toBeGreaterThan(0);

    const bad = await run(['call', 'prod', 'GET', '/cgi-bin/user/get', '--query', 'next_openid=nobody']);
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stdout).errcode).toBe(40003);
    expect(bad.stderr).toContain('40003');

    const data = await run(['call', 'prod', 'POST', '/cgi-bin/openapi/quota/get', '--data', '{"cgi_path":"/cgi-bin/user/get"}']);
    expect(data.code).toBe(0);
    expect(JSON.parse(data.stdout).quota).toMatchObject({ daily_limit: 500, used: expect.any(Number) });

    const dir = await mkdtemp(join(tmpdir(), 'wxtoken-call-'));
    try {
      await writeFile(join(dir, 'body.json'), '{"cgi_path":"/cgi-bin/getcallbackip"}');
      const fromFile = await run(['call', 'prod', 'post', '/cgi-bin/openapi/quota/get', '--data', '@body.json', '--json'], { cwd: dir });
      expect(fromFile.code).toBe(0);
      const view = JSON.parse(fromFile.stdout);
      expect(view).toMatchObject({ status: 200, errcode: 0, body: { quota: { daily_limit: 10_000 } } });
      expect(view.time_ms).toBeGreaterThanOrEqual(0);
      expect(view.size).toBeGreaterThan(0);

      // stdout is a pipe here: the bytes go to it as they came (a terminal would be told to use --out).
      const media = await run(['call', 'prod', 'GET', '/cgi-bin/media/get', '--query', `media_id=${SIM_MEDIA_ID}`]);
      expect(media.code).toBe(0);
      expect(media.stdoutBytes!.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(media.stderr).toBe('');

      const saved = await run(['call', 'prod', 'GET', '/cgi-bin/media/get', '--query', `media_id=${SIM_MEDIA_ID}`, '--out', 'media.jpg'], { cwd: dir });
      expect(saved.code).toBe(0);
      const bytes = await readFile(join(dir, 'media.jpg'));
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(saved.stderr).toContain(`Saved ${bytes.length} bytes (image/jpeg)`);

      const nowhere = await run(['call', 'prod', 'GET', '/cgi-bin/media/get', '--query', `media_id=${SIM_MEDIA_ID}`, '--out', 'body.json/m.jpg'], { cwd: dir });
      expect(nowhere.code).toBe(1);
      expect(nowhere.stderr).toContain('Could not write body.json/m.jpg');

      await add('mini', MINI);
      const code = await run(['call', 'mini', 'POST', '/wxa/getwxacodeunlimit', '--data', '{"scene":"a=1"}', '--json']);
      expect(code.code).toBe(0);
      const json = JSON.parse(code.stdout);
      expect(Buffer.from(json.body_base64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(json.headers['content-type']).toBe('image/jpeg');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps a history without tokens, and clears it', async () => {
    await add('prod', DEMO_ACCOUNT);
    await run(['call', 'prod', 'GET', '/cgi-bin/user/get']);
    await run(['call', 'prod', 'POST', '/cgi-bin/openapi/quota/get', '--data', '{"cgi_path":"/cgi-bin/user/get"}']);
    const token = (await run(['token', 'prod'])).stdout.trim();

    const table = await run(['history', 'prod']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('/cgi-bin/user/get');
    expect(table.stdout).toContain('/cgi-bin/openapi/quota/get');
    const entries = JSON.parse((await run(['history', 'prod', '--json'])).stdout);
    expect(entries).toHaveLength(2);
    for (const text of outputs) expect(text.includes(token) && !text.startsWith(token)).toBe(false);

    expect((await run(['history', 'prod', '--clear'])).code).toBe(0);
    expect(JSON.parse((await run(['history', 'prod', '--json'])).stdout)).toEqual([]);
  });

  it('shows the caller IP for 40164 and exits 3', async () => {
    const walled = await startSimulator({ callerIp: '203.0.113.7' });
    try {
      walled.addAccount({ ...DEMO_ACCOUNT, ipWhitelist: ['198.51.100.0/24'] });
      await run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', walled.url], { input: DEMO_ACCOUNT.secret });
      const denied = await run(['token', 'prod']);
      expect(denied.code).toBe(3);
      expect(denied.stdout).toBe('');
      expect(denied.stderr).toContain('40164');
      expect(denied.stderr).toContain('caller IP: 203.0.113.7');
      expect(denied.stderr).toContain('IP whitelist');
    } finally {
      await walled.close();
    }
  });

  it('exits 4 when the API base does not answer', async () => {
    const port = await freePort();
    await run(['account', 'add', 'gone', '--appid', DEMO_ACCOUNT.appid, '--api-base', `http://127.0.0.1:${port}`], { input: DEMO_ACCOUNT.secret });
    const result = await run(['token', 'gone']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('[network]');
  });

  it('exits 5 at once when the keychain is unreachable, and 5 when the secret is gone', async () => {
    await add('prod', DEMO_ACCOUNT);
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const token = await run(['token', 'prod'], { env: noBus, timeoutMs: 15_000 });
    expect(token.code).toBe(5);
    expect(token.stderr).toContain('keychain');
    const adding = await run(['account', 'add', 'other', '--appid', CLASSIC.appid, '--api-base', sim.url], { input: CLASSIC.secret, env: noBus, timeoutMs: 15_000 });
    expect(adding.code).toBe(5);
    expect((await accounts()).map((a) => a.name)).toEqual(['prod']);
    // Removing needs the keychain too (the secret goes first): a failed remove changes nothing.
    const removing = await run(['account', 'remove', 'prod', '--yes'], { env: noBus, timeoutMs: 15_000 });
    expect(removing.code).toBe(5);
    expect((await accounts()).map((a) => a.name)).toEqual(['prod']);

    for (const item of await keytar.findCredentials(cli.service)) await keytar.deletePassword(cli.service, item.account);
    const missing = await run(['token', 'prod']);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('set-secret');
  });

  it('sets a corrupt accounts file aside, keeps what it can read, and says so', async () => {
    const valid = { name: 'kept', kind: 'oa', appid: DEMO_ACCOUNT.appid, mode: 'stable', apiBase: sim.url, createdAt: '2026-01-01T00:00:00.000Z' };
    const original = JSON.stringify({ version: 1, accounts: [valid, { name: 'broken', kind: 'zz' }] });
    await writeFile(join(cli.home, 'accounts.json'), original);
    const list = await run(['account', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((a: { name: string }) => a.name)).toEqual(['kept']);
    expect(list.stderr).toMatch(/accounts\.json was corrupt.*broken.*moved to accounts\.json\.corrupt-/);
    const files = (await cli.files()).map((f) => f.path);
    const aside = files.find((f) => /accounts\.json\.corrupt-/.test(f));
    expect(aside && (await readFile(aside, 'utf8'))).toBe(original);
    const again = await run(['account', 'list']);
    expect(again.stderr).toBe('');
  });

  it('exits 5 within seconds when the keychain accepts the call and never answers', async () => {
    await add('prod', DEMO_ACCOUNT);
    const hung = await startHungDbus();
    try {
      const token = await run(['token', 'prod'], { env: { DBUS_SESSION_BUS_ADDRESS: hung.address }, timeoutMs: 20_000 });
      expect(token.code).toBe(5);
      expect(token.stderr).toContain('keychain');
      expect(token.stdout).toBe('');
    } finally {
      await hung.close();
    }
  });

  it('replaces a secret from stdin; a wrong one is a WeChat error', async () => {
    await add('prod', DEMO_ACCOUNT);
    expect((await run(['account', 'set-secret', 'prod'], { input: 'wrongwrongwrongwrong\n' })).code).toBe(0);
    const wrong = await run(['token', 'prod']);
    expect(wrong.code).toBe(3);
    expect((await run(['account', 'set-secret', 'prod'], { input: `${DEMO_ACCOUNT.secret}\r\n` })).code).toBe(0);
    expect((await run(['token', 'prod'])).code).toBe(0);
  });

  it('answers --help for the program and each command', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('wxtoken serve [--port N]');
    const token = await run(['token', '--help'], { env: { WXTOKEN_LANG: 'zh' } });
    expect(token.code).toBe(0);
    expect(token.stdout).toContain('用法：wxtoken token NAME');
  });
});
