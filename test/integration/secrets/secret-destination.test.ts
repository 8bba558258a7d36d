/**
 * "A secret stays with its host": through the contract (the desktop app's IPC, the loopback server) an
 * account can be pointed at another API base or proxy only with its secret typed in again, which then
 * replaces the stored one. The user at a terminal (the CLI) may move it freely.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desktopApis } from '../../../src/main/desktop/desktop-api';
import { startCaptureServer, type CaptureServer } from '../../support/http/capture-server';
import { cliSandbox } from '../../support/cli';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';
import { startSimulator, type SimAccount, type Simulator } from '../../simulator/index';

let capture: CaptureServer;
let other: Simulator;
let env: CoreEnv;
let account: SimAccount;

beforeAll(async () => {
  capture = await startCaptureServer();
  other = await startSimulator();
});
afterAll(async () => {
  await capture?.close();
  await other?.close();
});
beforeEach(async () => {
  env = await makeCoreEnv();
  account = await env.addAccount('prod', {});
});
afterEach(() => env?.close());

const accountsFile = () => readFile(join(env.home, 'accounts.json'), 'utf8');
/** The IPC copy of the contract the desktop window calls (the HTTP copy is the same object). */
const ipc = () => desktopApis(env.core, '0', { copy: async () => 'copied' as const }, () => ({ running: false })).ipc;

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('a secret stays with its host', () => {
  it('refuses a new API base or proxy without the secret, changes nothing and sends nothing', async () => {
    const before = await accountsFile();
    const patches = [{ apiBase: capture.url }, { proxy: capture.url }, { apiBase: capture.url, name: 'moved' }, { kind: 'mp' as const, apiBase: capture.url }, { apiBase: 'http://api.weixin.qq.com' }];
    for (const patch of patches) {
      for (const api of [env.core.api, ipc()]) {
        const result = await api.editAccount({ name: 'prod', patch });
        expect(result, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'validation', field: 'secret' } });
        if (!result.ok) {
          expect(result.error.message.en).toMatch(/AppSecret entered again/);
          expect(result.error.message.zh).toMatch(/重新输入 AppSecret/);
        }
      }
    }
    expect(await accountsFile()).toBe(before);
    expect((await env.core.api.testCredentials({ name: 'prod' })).ok).toBe(true);
    expect(capture.received()).toBe('');
  });

  it('removing a proxy is a move too', async () => {
    const withProxy = await env.core.terminalApi.editAccount({ name: 'prod', patch: { proxy: capture.url } });
    expect(withProxy.ok).toBe(true);
    const removed = await env.core.api.editAccount({ name: 'prod', patch: { proxy: null } });
    expect(removed).toMatchObject({ ok: false, error: { field: 'secret' } });
    expect(capture.received()).toBe('');
  });

  it('moves with the secret given in the same call, which replaces the stored one', async () => {
    const moved: SimAccount = { ...account, secret: randomUUID().replace(/-/g, '') };
    other.addAccount(moved);
    const result = await ipc().editAccount({ name: 'prod', patch: { apiBase: other.url, name: 'live' }, secret: moved.secret });
    expect(result).toMatchObject({ ok: true, value: { name: 'live', apiBase: other.url, hasSecret: true } });
    // The other server knows only the new secret: this works only if the new secret was sent.
    expect(await env.core.api.testCredentials({ name: 'live' })).toMatchObject({ ok: true });
    // Back to the first server with the old secret: the secret moves with it again.
    expect((await env.core.api.editAccount({ name: 'live', patch: { apiBase: env.sim.url } })).ok).toBe(false);
    expect((await env.core.api.editAccount({ name: 'live', patch: { apiBase: env.sim.url }, secret: account.secret })).ok).toBe(true);
    expect((await env.core.api.testCredentials({ name: 'live' })).ok).toBe(true);
  });

  it('a move refused by the store leaves the stored secret as it was', async () => {
    await env.addAccount('other', {});
    const wrong = 'not-the-secret-0000000000000000';
    const clash = await env.core.api.editAccount({ name: 'prod', patch: { apiBase: capture.url, name: 'other' }, secret: wrong });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const badAppid = await env.core.api.editAccount({ name: 'prod', patch: { apiBase: capture.url, appid: 'wx123' }, secret: wrong });
    expect(badAppid).toMatchObject({ ok: false, error: { code: 'validation', field: 'appid' } });
    // Still the real secret, at the real host.
    expect(await env.core.api.testCredentials({ name: 'prod' })).toMatchObject({ ok: true });
    expect(capture.received()).toBe('');
  });

  it('lets the rest of an account change without the secret, WeChat’s own access points included', async () => {
    const onDefault = await env.core.terminalApi.editAccount({ name: 'prod', patch: { apiBase: 'https://api.weixin.qq.com' } });
    expect(onDefault.ok).toBe(true);
    const edits = [
      { name: 'prod', patch: { note: 'n', mode: 'classic' as const } },
      { name: 'prod', patch: { name: 'renamed' } },
      { name: 'renamed', patch: { kind: 'wecom' as const, appid: 'ww0123456789abcdef' } },
      { name: 'renamed', patch: { apiBase: 'https://sh.api.weixin.qq.com' } },
    ];
    for (const edit of edits) expect((await env.core.api.editAccount(edit)).ok, JSON.stringify(edit)).toBe(true);
    const list = await env.core.api.listAccounts({});
    expect(list.ok && list.value[0]).toMatchObject({ name: 'renamed', kind: 'wecom', apiBase: 'https://sh.api.weixin.qq.com', hasSecret: true });
  });

  it('the user at a terminal may move an account without typing the secret', async () => {
    const cli = await cliSandbox();
    try {
      expect((await cli.run(['account', 'add', 'prod', '--appid', account.appid, '--api-base', env.sim.url], { input: account.secret })).code).toBe(0);
      other.addAccount(account);
      const edited = await cli.run(['account', 'edit', 'prod', '--api-base', other.url, '--proxy', 'http://127.0.0.1:1']);
      expect(edited.code, edited.stderr).toBe(0);
      expect((await cli.run(['account', 'edit', 'prod', '--no-proxy'])).code).toBe(0);
      expect((await cli.run(['token', 'prod'])).code).toBe(0);
    } finally {
      await cli.cleanup();
    }
  });
});
