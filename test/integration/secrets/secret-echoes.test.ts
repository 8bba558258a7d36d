/**
 * WeChat (or a proxy in front of it) may say back what it was sent: "invalid appsecret <value>", a token in
 * an errmsg. The simulator's `echo` fault does exactly that. Whatever is echoed, and a token a user pastes
 * into a query value, must not reach stderr, stdout, /api answers, the event stream or any file in the data
 * folder: the core knows the values and masks them.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../support/cli';
import { startServeStack, uniqueAppid, type ServeStack } from '../../support/e2e/e2e-serve';

const STABLE = '/cgi-bin/stable_token';

async function dataFolderText(home: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(home, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(`${entry.name}\n${await readFile(join(entry.parentPath, entry.name), 'utf8')}`);
  }
  return parts.join('\n');
}

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('secrets and tokens echoed back', () => {
  let stack: ServeStack;
  /** Everything any interface said during the test. */
  let said: string[];
  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, { env: { WXTOKEN_HOME: stack.home, WXTOKEN_KEYCHAIN_SERVICE: stack.service } });
    said.push(result.stdout, result.stderr);
    return result;
  };
  const api = async (method: string, input: unknown) => {
    const res = await fetch(`${stack.origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.uiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const text = await res.text();
    said.push(text);
    return JSON.parse(text) as { ok: boolean; value?: any; error?: any };
  };
  const nowhere = async (value: string) => {
    expect(said.join('\n')).not.toContain(value);
    expect(stack.eventText()).not.toContain(value);
    expect(await dataFolderText(stack.home)).not.toContain(value);
  };

  beforeEach(async () => {
    stack = await startServeStack();
    said = [];
  });
  afterEach(() => stack.close());

  it('masks a wrong AppSecret that WeChat echoes, in CLI stderr, /api answers, /v1/token and the event stream', async () => {
    const appid = uniqueAppid();
    const wrong = `wr0ng${randomUUID().replace(/-/g, '')}`;
    stack.sim.addAccount({ kind: 'oa', appid, secret: randomUUID().replace(/-/g, '') });
    const added = await api('addAccount', { account: { name: 'prod', appid, apiBase: stack.sim.url }, secret: wrong });
    expect(added.ok).toBe(true);
    stack.sim.setFault(STABLE, { kind: 'echo', errcode: 40125 });

    const refreshed = await api('refreshToken', { name: 'prod' });
    expect(refreshed).toMatchObject({ ok: false, error: { code: 'wechat', errcode: 40125, errmsg: expect.stringContaining('invalid appsecret ***') } });
    expect(await api('testCredentials', { name: 'prod' })).toMatchObject({ ok: false, error: { errcode: 40125 } });
    expect(await api('tokenStatus', { name: 'prod' })).toMatchObject({ ok: true, value: { lastError: { errcode: 40125 } } });
    const v1 = await fetch(`${stack.origin}/v1/token/prod`, { headers: { Authorization: `Bearer ${stack.tokenKey}` } });
    expect(v1.status).toBe(502);
    said.push(await v1.text());

    const token = await cli(['token', 'prod']);
    expect(token.code).toBe(3);
    expect(token.stderr).toContain('invalid appsecret ***');
    const forced = await cli(['token', 'prod', '--force']);
    expect(forced.code).toBe(3);

    await expect.poll(() => stack.eventText()).toContain('refreshFailed');
    expect(stack.sim.count(STABLE)).toBeGreaterThanOrEqual(4); // every one of them really asked, and was echoed to
    await nowhere(wrong);
  });

  it('masks a token echoed in an errmsg: on stderr, in the response body, in /api answers and in history', async () => {
    await stack.addAccount('prod', {});
    const token = (await cli(['token', 'prod'])).stdout.trim();
    expect(token.length).toBeGreaterThan(20);
    said = [];
    stack.sim.setFault('/cgi-bin/user/get', { kind: 'echo', errcode: 48001 });

    const call = await cli(['call', 'prod', 'GET', '/cgi-bin/user/get']);
    expect(call.code).toBe(3);
    expect(call.stderr).toContain('access_token *** is not latest');
    const json = await cli(['call', 'prod', 'GET', '/cgi-bin/user/get', '--json']);
    expect(json.stdout).toContain('access_token *** is not latest');
    const sent = await api('sendRequest', { account: 'prod', method: 'GET', path: '/cgi-bin/user/get' });
    expect(sent).toMatchObject({ ok: true, value: { errcode: 48001, error: { errmsg: expect.stringContaining('access_token ***') } } });
    expect(stack.sim.count('/cgi-bin/user/get')).toBe(3);

    // A stale token echoed (40001): the call is retried with a new one; neither may show.
    stack.sim.setFault('/cgi-bin/user/get', { kind: 'echo', errcode: 40001 }, 1);
    stack.sim.revokeTokens((await api('listAccounts', {})).value[0].appid);
    const retried = await cli(['call', 'prod', 'GET', '/cgi-bin/user/get']);
    expect(retried.stderr).toContain('retried once');
    const fresh = (await cli(['token', 'prod'])).stdout.trim();
    expect(fresh).not.toBe(token);
    said.pop(); // the output of `wxtoken token` is the one place a token belongs
    said.pop();

    await cli(['history', 'prod', '--json']);
    await nowhere(token);
    await nowhere(fresh);
  });

  it("keeps the account's token and secret pasted into query values out of the history", async () => {
    const { secret } = await stack.addAccount('prod', {});
    const token = await stack.tokenOf('prod');
    const call = await cli(['call', 'prod', 'GET', '/cgi-bin/getcallbackip', '--query', `memo=${token}`, '--query', `note=used ${encodeURIComponent(token)} here`]);
    expect(call.code).toBe(0);
    const sent = await api('sendRequest', { account: 'prod', method: 'GET', path: '/cgi-bin/getcallbackip', query: [['memo', `x${token}x`], ['s', `k:${secret}`]] });
    expect(sent.ok).toBe(true);
    const history = await cli(['history', 'prod', '--json']);
    const entries = JSON.parse(history.stdout) as { query: [string, string][] }[];
    expect(entries.map((e) => e.query)).toEqual([[['memo', 'x***x'], ['s', 'k:***']], [['memo', '***'], ['note', 'used *** here']]]);
    expect((await api('listHistory', { name: 'prod' })).value).toHaveLength(2);
    await nowhere(token);
    await nowhere(secret);
  });
});
