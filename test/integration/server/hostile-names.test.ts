/**
 * Account names that are also keys of Object.prototype ("constructor", "toString" …): every store and the
 * core must treat them as any other name. The ones the name rule refuses ("__proto__" …) are refused at add
 * with a validation error. Through the core, the CLI and `GET /v1/token/NAME`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountName } from '../../../src/shared/schemas';
import { cliSandbox } from '../../support/cli';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';
import { startServeStack } from '../../support/e2e/e2e-serve';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const ALLOWED = PROTO_KEYS.filter((k) => accountName.safeParse(k).success);
const REFUSED = PROTO_KEYS.filter((k) => !accountName.safeParse(k).success);

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('account names that are Object.prototype keys', () => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await makeCoreEnv();
  });
  afterAll(() => env?.close());

  it('knows which names it is about', () => {
    expect(ALLOWED).toEqual(expect.arrayContaining(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString']));
    expect(REFUSED).toEqual(expect.arrayContaining(['__proto__', '__defineGetter__']));
  });

  it('refuses the names the name rule does not allow, with a validation error that names the field', async () => {
    for (const name of REFUSED) {
      const added = await env.core.api.addAccount({ account: { name, appid: 'wx0123456789abcdef', apiBase: env.sim.url }, secret: 's' });
      expect(added, name).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    }
    expect(await env.core.api.listAccounts({})).toMatchObject({ ok: true, value: [] });
  });

  it('adds, fetches, records, renames and removes each of them like any other name', async () => {
    const { api } = env.core;
    for (const name of ALLOWED) {
      await env.addAccount(name, {}, name.length % 2 ? 'classic' : 'stable');
      const first = await api.revealToken({ name });
      expect(first, name).toMatchObject({ ok: true, value: { account: name, source: 'fetch' } });
      const again = await api.revealToken({ name });
      expect(again, name).toMatchObject({ ok: true, value: { source: 'cache', accessToken: first.ok && first.value.accessToken } });
      expect(await api.tokenStatus({ name }), name).toMatchObject({ ok: true, value: { account: name, state: 'fresh', fetchBlocked: false } });
      expect(await api.refreshToken({ name }), name).toMatchObject({ ok: true, value: { account: name } });
      const sent = await api.sendRequest({ account: name, method: 'GET', path: '/cgi-bin/getcallbackip' });
      expect(sent, name).toMatchObject({ ok: true, value: { status: 200 } });
      expect(await api.listHistory({ name }), name).toMatchObject({ ok: true, value: [{ account: name, path: '/cgi-bin/getcallbackip' }] });
    }
    // Each renamed onto the next one's name, once that one has moved away: prototype keys on both sides.
    const renamed = ALLOWED.map((n) => `x${n}`);
    for (const [i, name] of ALLOWED.entries()) {
      expect(await api.editAccount({ name, patch: { name: renamed[i] } }), name).toMatchObject({ ok: true, value: { name: renamed[i] } });
    }
    for (const [i, name] of ALLOWED.entries()) {
      expect(await api.editAccount({ name: renamed[i], patch: { name } }), name).toMatchObject({ ok: true, value: { name } });
      expect(await api.revealToken({ name }), name).toMatchObject({ ok: true, value: { source: 'cache' } });
      expect(await api.listHistory({ name }), name).toMatchObject({ ok: true, value: [{ account: name }] });
    }
    // A second core reads every file afresh (tokens, state, history, accounts) with these names in it.
    const second = await env.reopen();
    for (const name of ALLOWED) {
      expect(await second.api.revealToken({ name }), name).toMatchObject({ ok: true, value: { source: 'cache' } });
      expect(await second.api.resumeFetching({ name }), name).toMatchObject({ ok: true });
      expect(await second.api.clearHistory({ name }), name).toMatchObject({ ok: true });
      expect(await second.api.removeAccount({ name }), name).toMatchObject({ ok: true });
      expect(await second.api.tokenStatus({ name }), name).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(second.problems()).toEqual([]);
    expect(env.core.problems()).toEqual([]);
  });

  it('answers a name that is a prototype key but no account with not_found', async () => {
    for (const name of ALLOWED) {
      expect(await env.core.api.revealToken({ name }), name).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await env.core.api.listHistory({ name }), name).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('gives the token to `wxtoken token constructor` and to GET /v1/token/constructor', async () => {
    const stack = await startServeStack();
    const cli = await cliSandbox();
    try {
      await stack.addAccount('constructor', {});
      await stack.addAccount('toString', {}, 'classic');
      for (const name of ['constructor', 'toString']) {
        const res = await fetch(`${stack.origin}/v1/token/${name}`, { headers: { Authorization: `Bearer ${stack.tokenKey}` } });
        expect(res.status, name).toBe(200);
        expect(((await res.json()) as { access_token: string }).access_token).toMatch(/\S{20,}/);
      }
      const missing = await fetch(`${stack.origin}/v1/token/valueOf`, { headers: { Authorization: `Bearer ${stack.tokenKey}` } });
      expect(missing.status).toBe(404);

      const account = { appid: 'wx00112233445566aa', secret: 'proto5ecret0000111122223333444455', kind: 'oa' as const };
      stack.sim.addAccount(account);
      const added = await cli.run(['account', 'add', 'hasOwnProperty', '--appid', account.appid, '--api-base', stack.sim.url], { input: `${account.secret}\n` });
      expect(added.code).toBe(0);
      const token = await cli.run(['token', 'hasOwnProperty']);
      expect(token.stderr).toBe('');
      expect(token.code).toBe(0);
      expect(token.stdout.trim()).toMatch(/\S{20,}/);
      expect((await cli.run(['token', 'valueOf'])).code).toBe(2); // no such account
    } finally {
      await cli.cleanup();
      await stack.close();
    }
  });
});
