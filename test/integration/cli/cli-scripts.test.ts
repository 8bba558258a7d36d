/**
 * The CLI as scripts use it: no terminal, exit codes to branch on, bytes on a pipe, JSON in one style, a time
 * limit, and shell completion. Real child processes, the real keychain, the simulator on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliCommand, cliSandbox, runCliTty, type CliResult, type CliSandbox } from '../../support/cli';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

const CLASSIC = { appid: 'wx3d4e5f6a7b8c9d0e', secret: 'scr1pt5c1a55ic5ecret0000aaaabbbbcc', kind: 'oa' as const };
const MINI = { appid: 'wx4e5f6a7b8c9d0e1f', secret: 'scr1ptm1n1pr0gram5ecret11112222333', kind: 'mp' as const };
const CLASSIC_PATH = '/cgi-bin/token';
const STABLE_PATH = '/cgi-bin/stable_token';
const WXACODE = '/wxa/getwxacodeunlimit';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const hasShell = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken CLI in scripts', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  const run = (args: string[], options?: Parameters<CliSandbox['run']>[1]): Promise<CliResult> => cli.run(args, options);
  const add = (name: string, account: { appid: string; secret: string; kind: string }, ...extra: string[]) =>
    run(['account', 'add', name, '--appid', account.appid, '--kind', account.kind, '--api-base', sim.url, ...extra], { input: `${account.secret}\n` });

  beforeAll(async () => {
    sim = await startSimulator();
    for (const a of [DEMO_ACCOUNT, CLASSIC, MINI]) sim.addAccount(a);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    sim.resetCounts();
  });
  afterEach(async () => {
    sim.setFault('*', undefined);
    sim.setFault('/cgi-bin/getcallbackip', undefined);
    await cli.cleanup();
  });

  it('refuses a classic --force without a terminal unless --yes is given, and fetches nothing', async () => {
    expect((await add('old', CLASSIC, '--mode', 'classic')).code).toBe(0);
    const first = (await run(['token', 'old'])).stdout.trim();
    expect(sim.count(CLASSIC_PATH)).toBe(1);

    const refused = await run(['token', 'old', '--force']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('cannot ask for confirmation without a terminal');
    expect(refused.stderr).toContain('stops working 5 minutes later');
    expect(refused.stderr).toContain('--yes');
    expect(sim.count(CLASSIC_PATH)).toBe(1);
    expect((await run(['token', 'old'])).stdout.trim()).toBe(first);

    const forced = await run(['token', 'old', '--force', '--yes']);
    expect(forced.code).toBe(0);
    expect(forced.stdout.trim()).not.toBe(first);
    expect(sim.count(CLASSIC_PATH)).toBe(2);
  });

  it('writes a binary body to a piped stdout as is; a terminal is told to use --out before anything is sent', async () => {
    expect((await add('mini', MINI)).code).toBe(0);
    const piped = await run(['call', 'mini', 'POST', WXACODE, '--data', '{"scene":"a=1"}']);
    expect(piped.code, piped.stderr).toBe(0);
    const bytes = piped.stdoutBytes!;
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(sim.count(WXACODE)).toBe(1);

    sim.resetCounts();
    const tty = await runCliTty(['call', 'mini', 'POST', WXACODE, '--data', '{"scene":"a=1"}'], { env: cli.env, steps: [] });
    expect(tty.code).toBe(2);
    expect(tty.stdout).toContain(`POST ${WXACODE} answers with binary content`);
    expect(tty.stdout).toContain('--out FILE');
    expect(sim.counts()).toEqual({});
  });

  it('reads the body from stdin with --data @-', async () => {
    expect((await add('prod', DEMO_ACCOUNT)).code).toBe(0);
    const result = await run(['call', 'prod', 'POST', '/cgi-bin/openapi/quota/get', '--data', '@-', '--json'], { input: '{"cgi_path":"/cgi-bin/user/get"}\n' });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).body.quota).toMatchObject({ daily_limit: 500 });
    const notJson = await run(['call', 'prod', 'POST', '/cgi-bin/openapi/quota/get', '--data', '@-'], { input: 'not json' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('not valid JSON');
  });

  it('exits 2 for an unknown account, whatever the command', async () => {
    for (const args of [['token', 'nobody'], ['call', 'nobody', 'GET', '/cgi-bin/getcallbackip'], ['history', 'nobody'], ['account', 'show', 'nobody'], ['account', 'remove', 'nobody', '--yes']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('No such account');
    }
  });

  it('prints every --json in one style: snake_case keys and ISO 8601 times', async () => {
    expect((await add('prod', DEMO_ACCOUNT, '--note', 'n')).code).toBe(0);
    await run(['call', 'prod', 'GET', '/cgi-bin/getcallbackip']);
    const outputs = {
      list: JSON.parse((await run(['account', 'list', '--json'])).stdout),
      token: JSON.parse((await run(['token', 'prod', '--json'])).stdout),
      show: JSON.parse((await run(['account', 'show', 'prod', '--json'])).stdout),
      call: JSON.parse((await run(['call', 'prod', 'GET', '/cgi-bin/getcallbackip', '--json'])).stdout),
      history: JSON.parse((await run(['history', 'prod', '--json'])).stdout),
    };
    expect(outputs.list).toEqual([
      { name: 'prod', kind: 'oa', appid: DEMO_ACCOUNT.appid, mode: 'stable', api_base: sim.url, note: 'n', has_secret: true, created_at: expect.stringMatching(ISO), token_source: { type: 'local' } },
    ]);
    expect(outputs.show).toMatchObject({ name: 'prod', api_base: sim.url, token: { state: 'fresh', fetch_blocked: false, expires_at: expect.stringMatching(ISO), fetched_at: expect.stringMatching(ISO) } });
    expect(outputs.call).toMatchObject({ status: 200, content_type: expect.stringContaining('json'), time_ms: expect.any(Number), errcode: 0, retried: false });
    expect(outputs.history[0]).toMatchObject({ at: expect.stringMatching(ISO), time_ms: expect.any(Number), path: '/cgi-bin/getcallbackip', status: 200 });

    // Every key a script reads is snake_case; every time is an ISO string. (A response body is WeChat's, as sent.)
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'body' || key === 'headers') continue;
        expect(key, `${where}.${key}`).toMatch(/^[a-z0-9_]+$/);
        if (/(_at|^at)$/.test(key)) expect(inner, `${where}.${key}`).toMatch(ISO);
        walk(inner, `${where}.${key}`);
      }
    };
    walk(outputs, 'json');
  });

  it('cancels a call at --timeout with exit 4, and the history keeps its columns', async () => {
    expect((await add('prod', DEMO_ACCOUNT)).code).toBe(0);
    for (const bad of ['0', 'abc', '601', '1e3', ' ']) {
      const refused = await run(['call', 'prod', 'GET', '/cgi-bin/getcallbackip', '--timeout', bad]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr, bad).toContain('--timeout takes seconds');
    }
    expect(sim.count('/cgi-bin/getcallbackip')).toBe(0);

    expect((await run(['call', 'prod', 'GET', '/cgi-bin/getcallbackip', '--query', 'note=a-long-value-for-the-path-column-that-goes-on-and-on-and-on'])).code).toBe(0);
    sim.setFault('/cgi-bin/getcallbackip', { kind: 'hang' });
    const started = Date.now();
    const hung = await run(['call', 'prod', 'GET', '/cgi-bin/getcallbackip', '--timeout', '1.5'], { timeoutMs: 20_000 });
    expect(hung.code).toBe(4);
    expect(hung.stderr).toContain('[timeout]');
    expect(hung.stderr).toContain('did not complete within 1.5 s (--timeout 1.5)');
    expect(Date.now() - started).toBeLessThan(15_000); // the simulator never answers: only the limit ends it
    expect(sim.count('/cgi-bin/getcallbackip')).toBe(2);

    const table = (await run(['history', 'prod'])).stdout.trimEnd().split('\n');
    expect(table).toHaveLength(3);
    // Where each column starts: PATH and STATUS keep a bounded width although the texts in them are long.
    const starts = (line: string) => [...line.matchAll(/(?<=\S\s{2,})\S/g)].map((m) => m.index);
    const [method, path, status, errcode] = starts(table[0]);
    for (const row of table.slice(1)) expect(starts(row).slice(0, 4)).toEqual([method, path, status, errcode]);
    expect(status - path - 2).toBeLessThanOrEqual(60);
    expect(errcode - status - 2).toBeLessThanOrEqual(24);
    expect(table.filter((row) => row.includes('…'))).toHaveLength(2);
    const entries: { error?: string; status?: number }[] = JSON.parse((await run(['history', 'prod', '--json'])).stdout);
    expect(entries.find((e) => e.error)?.error).toMatch(/did not complete within 1\.5 s and was cancelled$/);
  });

  it("speaks the settings' language unless WXTOKEN_LANG says otherwise; system follows LANG", async () => {
    const speak = async (language: string, LANG: string, WXTOKEN_LANG = '') => {
      await writeFile(join(cli.home, 'settings.json'), JSON.stringify({ version: 1, language }));
      return (await run(['account', 'list'], { env: { WXTOKEN_LANG, LANG, LC_ALL: '' } })).stderr;
    };
    expect(await speak('zh-CN', 'en_US.UTF-8')).toContain('还没有账号');
    expect(await speak('en', 'zh_CN.UTF-8')).toContain('No accounts yet');
    expect(await speak('system', 'zh_CN.UTF-8')).toContain('还没有账号');
    expect(await speak('system', 'en_US.UTF-8')).toContain('No accounts yet');
    expect(await speak('zh-CN', 'zh_CN.UTF-8', 'en')).toContain('No accounts yet');
  });

  describe('shell completion', () => {
    let bin: string;
    beforeEach(async () => {
      // A `wxtoken` as a user has one: the completion script calls it back for the account names.
      bin = await mkdtemp(join(tmpdir(), 'wxtoken-bin-'));
      const quoted = cliCommand([]).map((p) => `'${p}'`).join(' ');
      await writeFile(join(bin, 'wxtoken'), `#!/bin/sh\nexec ${quoted} "$@"\n`);
      await chmod(join(bin, 'wxtoken'), 0o755);
    });
    afterEach(() => rm(bin, { recursive: true, force: true }));

    it('bash: completes commands, subcommands, options, values and the saved account names', async () => {
      expect((await add('prod', DEMO_ACCOUNT)).code).toBe(0);
      expect((await add('mini', MINI)).code).toBe(0);
      const script = await run(['completion', 'bash']);
      expect(script.code).toBe(0);
      const file = join(bin, 'wxtoken.bash');
      await writeFile(file, script.stdout);
      const complete = (...words: string[]) => {
        const r = spawnSync('bash', ['-c', 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _wxtoken; printf "%s\\n" "${COMPREPLY[@]}"', '_', file, 'wxtoken', ...words], {
          env: { ...process.env, ...cli.env, PATH: `${bin}:${process.env.PATH}` },
          encoding: 'utf8',
        });
        expect(r.status, r.stderr).toBe(0);
        return r.stdout.split('\n').filter(Boolean).sort();
      };
      // With the toolbox commands (issue 11): callback, clear-quota, push, quota, rid, sign, ticket.
      expect(complete('')).toEqual(['account', 'call', 'callback', 'clear-quota', 'completion', 'help', 'history', 'push', 'quota', 'redis', 'resume', 'rid', 'serve', 'sign', 'ticket', 'token']);
      expect(complete('callback', '')).toEqual(['set']);
      expect(complete('account', '')).toEqual(['add', 'edit', 'list', 'remove', 'set-secret', 'show']);
      expect(complete('token', '')).toEqual(['mini', 'prod']);
      expect(complete('token', 'p')).toEqual(['prod']);
      expect(complete('token', 'prod', '--')).toEqual(['--expires-in', '--force', '--help', '--json', '--refresh', '--set', '--yes']);
      expect(complete('call', '--timeout', '5', 'mini', '')).toEqual(['GET', 'POST']);
      expect(complete('call', 'mini', 'POST', '/wxa/getwxacodeu')).toEqual([WXACODE]); // /wxa/getwxacode is a catalogue path of its own
      expect(complete('account', 'add', 'x', '--kind', '')).toEqual(['mp', 'oa', 'wecom']);
      expect(complete('account', 'remove', '')).toEqual(['mini', 'prod']);
      expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
      // Names are read from the data folder, never the keychain: a keychain out of reach changes nothing.
      const [node, ...args] = cliCommand(['__complete', 'accounts']);
      const noBus = spawnSync(node, args, {
        env: { ...process.env, ...cli.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
        encoding: 'utf8',
      });
      expect(noBus.stdout.split('\n').filter(Boolean).sort()).toEqual(['mini', 'prod']);
      expect(noBus.stderr).toBe('');
    });

    it.skipIf(!hasShell('zsh'))('zsh: the script parses and defines the completion (needs zsh)', async () => {
      const script = await run(['completion', 'zsh']);
      const file = join(bin, '_wxtoken');
      await writeFile(file, script.stdout);
      expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
      const loaded = spawnSync('zsh', ['-c', 'source "$1" && whence -w _wxtoken', '_', file], { encoding: 'utf8' });
      expect(loaded.stdout).toContain('_wxtoken: function');
    });

    it.skipIf(!hasShell('fish'))('fish: the script parses and completes account names (needs fish)', async () => {
      expect((await add('prod', DEMO_ACCOUNT)).code).toBe(0);
      const script = await run(['completion', 'fish']);
      const file = join(bin, 'wxtoken.fish');
      await writeFile(file, script.stdout);
      expect(spawnSync('fish', ['-n', file]).status).toBe(0);
      const r = spawnSync('fish', ['-c', 'source $argv[1]; complete -C "wxtoken token "; complete -C "wxtoken account "', file], {
        env: { ...process.env, ...cli.env, PATH: `${bin}:${process.env.PATH}` },
        encoding: 'utf8',
      });
      const words = r.stdout.split('\n').map((l) => l.split('\t')[0]);
      expect(words).toContain('prod');
      expect(words).toEqual(expect.arrayContaining(['add', 'list', 'show', 'edit', 'set-secret', 'remove']));
    });
  });
});
