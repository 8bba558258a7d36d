import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsStore } from '../../../src/main/core/storage/accounts-store';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import { refreshAt } from '../../../src/main/core/tokens/refresh-policy';
import { KeytarSecretStore } from '../../../src/main/core/keychain/secret-store';
import { EncryptedTokenCache } from '../../../src/main/core/tokens/token-cache';
import { TokenEngine } from '../../../src/main/core/tokens/token-engine';
import { WechatClient } from '../../../src/main/core/wechat/wechat-client';
import { startTestProxy } from '../../support/http/http-proxy';
import { hasTestKeyring } from '../../support/keychain/keychain';
import { makeCoreEnv, nextEvent, until, type CoreEnv } from '../../support/core-env';

const CLASSIC = '/cgi-bin/token';
const STABLE = '/cgi-bin/stable_token';

describe.skipIf(!hasTestKeyring())('token engine against the simulator and the real keychain', () => {
  let env: CoreEnv;
  afterEach(async () => env?.close());

  it('fetches once, then serves the cache; a restart does not refetch', async () => {
    env = await makeCoreEnv();
    await env.addAccount('prod', {}, 'classic');
    const first = await env.core.api.revealToken({ name: 'prod' });
    expect(first.ok && first.value.source).toBe('fetch');
    const again = await env.core.api.revealToken({ name: 'prod' });
    expect(again.ok && again.value.source).toBe('cache');

    await env.core.close();
    const restarted = await env.reopen();
    const afterRestart = await restarted.api.revealToken({ name: 'prod' });
    expect(afterRestart.ok && afterRestart.value.accessToken).toBe(first.ok && first.value.accessToken);
    expect(afterRestart.ok && afterRestart.value.source).toBe('cache');
    expect(env.sim.count(CLASSIC)).toBe(1);
  });

  it('joins 100 concurrent requests in one process onto one fetch', async () => {
    env = await makeCoreEnv();
    await env.addAccount('a', {}, 'classic');
    const results = await Promise.all(Array.from({ length: 100 }, () => env.core.api.revealToken({ name: 'a' })));
    const tokens = new Set(results.map((r) => (r.ok ? r.value.accessToken : r.error.code)));
    expect(tokens.size).toBe(1);
    expect(env.sim.count(CLASSIC)).toBe(1);
  });

  it('makes exactly one upstream fetch for 100 concurrent requests from each of two processes at expiry', async () => {
    env = await makeCoreEnv({ expiresIn: 2 });
    await env.addAccount('shared', {}, 'classic');
    const warm = await env.core.api.revealToken({ name: 'shared' });
    expect(warm.ok).toBe(true);
    await until(warm.ok ? warm.value.expiresAt + 50 : 0);
    env.sim.resetCounts();

    const at = Date.now() + 2_500; // both processes start up, then fire together
    const burst = () =>
      new Promise<{ tokens: string[]; failures: string[] }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/token-burst.ts'], {
          env: { ...process.env, BURST_HOME: env.home, BURST_SERVICE: env.service, BURST_ACCOUNT: 'shared', BURST_AT: String(at), BURST_COUNT: '100' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
      });
    const [one, two] = await Promise.all([burst(), burst()]);
    expect(one.failures).toEqual([]);
    expect(two.failures).toEqual([]);
    expect(one.tokens).toHaveLength(1);
    expect(two.tokens).toEqual(one.tokens);
    expect(env.sim.count(CLASSIC)).toBe(1);
  });

  it('refreshes ahead of expiry on its own in a long-lived host, and announces the new token', async () => {
    // The platform renews a stable token 1 s before expiry here; the engine's margin (10 %) is 0.3 s.
    env = await makeCoreEnv({ expiresIn: 3, renewWindowSeconds: 1 });
    await env.addAccount('auto', {}, 'stable');
    const host = await env.reopen({ autoRefresh: true });
    const first = await host.api.revealToken({ name: 'auto' });
    expect(first.ok).toBe(true);
    const changed = await nextEvent(host, (e) => (e.name === 'tokenChanged' && e.payload.account === 'auto' ? e.payload : undefined));
    expect(changed.masked).toBeDefined();
    const now = await host.api.revealToken({ name: 'auto' });
    expect(now.ok && first.ok && now.value.accessToken).not.toBe(first.ok && first.value.accessToken);
    expect(now.ok && first.ok && now.value.expiresAt).toBeGreaterThan(first.ok ? first.value.expiresAt : 0);
  });

  it('leaves classic tokens alone in the background: each fetch would invalidate the one in use', async () => {
    env = await makeCoreEnv({ expiresIn: 2 });
    await env.addAccount('prod', {}, 'classic');
    const host = await env.reopen({ autoRefresh: true });
    const first = await host.api.revealToken({ name: 'prod' });
    expect(first.ok).toBe(true);
    await until(first.ok ? first.value.expiresAt + 300 : 0);
    expect(env.sim.count(CLASSIC)).toBe(1);
    const asked = await host.api.revealToken({ name: 'prod' });
    expect(asked.ok && asked.value.source).toBe('fetch');
  });

  it('never hands out a token past its expiry, even when the refetch fails', async () => {
    env = await makeCoreEnv({ expiresIn: 1 });
    await env.addAccount('short', {}, 'classic');
    const first = await env.core.api.revealToken({ name: 'short' });
    expect(first.ok).toBe(true);
    env.sim.setFault(CLASSIC, { kind: 'busy' });
    await until(first.ok ? first.value.expiresAt + 10 : 0);
    const after = await env.core.api.revealToken({ name: 'short' });
    expect(after.ok).toBe(false);
    expect(!after.ok && after.error.errcode).toBe(-1);
  });

  it('keeps serving a still-valid token while WeChat is busy, retrying with bounded backoff', async () => {
    // The engine's clock stops inside the refresh window: however long the retries take on a busy machine,
    // the cached token is due for a refresh and still valid.
    let stoppedAt: number | undefined;
    env = await makeCoreEnv({ core: { now: () => stoppedAt ?? Date.now() } });
    await env.addAccount('busy', {}, 'stable');
    const first = await env.core.api.revealToken({ name: 'busy' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    stoppedAt = refreshAt(first.value) + 10;
    env.sim.setFault(STABLE, { kind: 'busy' });
    env.sim.resetCounts();
    const during = await env.core.api.revealToken({ name: 'busy' });
    expect(during.ok && during.value.accessToken).toBe(first.value.accessToken);
    expect(env.sim.count(STABLE)).toBe(3); // FAST_RETRY: 3 attempts, then the valid token is served
    const status = await env.core.api.tokenStatus({ name: 'busy' });
    expect(status.ok && status.value.lastError?.errcode).toBe(-1);
  });

  it('retries -1 with backoff and succeeds when WeChat recovers', async () => {
    env = await makeCoreEnv();
    await env.addAccount('flaky', {}, 'stable');
    env.sim.setFault(STABLE, { kind: 'busy' }, 2);
    const got = await env.core.api.revealToken({ name: 'flaky' });
    expect(got.ok).toBe(true);
    expect(env.sim.count(STABLE)).toBe(3);
  });

  it.each([
    ['a hang', { kind: 'hang' as const }, 'timeout'],
    ['a truncated body', { kind: 'truncated' as const }, 'truncated'],
    ['a non-JSON body', { kind: 'nonjson' as const }, 'bad_response'],
    ['a reset connection', { kind: 'reset' as const }, 'network'],
    ['HTTP 502', { kind: 'http' as const, status: 502 }, 'http_status'],
  ])('reports %s as its own kind of error after bounded retries', async (_, fault, code) => {
    env = await makeCoreEnv({ core: { timeoutMs: 300 } });
    await env.addAccount('faulty', {}, 'stable');
    env.sim.setFault(STABLE, fault);
    const got = await env.core.api.revealToken({ name: 'faulty' });
    expect(!got.ok && got.error.code).toBe(code);
    expect(env.sim.count(STABLE)).toBe(3);
  });

  it.each([
    [40164, { ipWhitelist: ['198.51.100.1'] }, 'stable'],
    [40125, { secretOverride: 'wrong' }, 'stable'],
    [40001, { secretOverride: 'wrong' }, 'classic'],
    [40013, { appidOverride: 'wx00000000000000ff' }, 'stable'],
    [40243, { frozen: true }, 'stable'],
    [45009, { dailyQuota: 0 }, 'classic'],
    [61024, { component: true }, 'stable'],
    [89503, { needsAdminConfirm: true }, 'stable'],
  ] as const)('does not retry errcode %i (one fetch, explained)', async (errcode, setup, mode) => {
    env = await makeCoreEnv({ callerIp: '203.0.113.7' });
    const { secretOverride, appidOverride, ...simSetup } = setup as Record<string, unknown>;
    const account = await env.addAccount('stop', simSetup, mode);
    if (secretOverride) await env.core.api.setSecret({ name: 'stop', secret: String(secretOverride) });
    if (appidOverride) await env.core.api.editAccount({ name: 'stop', patch: { appid: String(appidOverride) } });
    const got = await env.core.api.revealToken({ name: 'stop' });
    expect(!got.ok && got.error.errcode).toBe(errcode);
    expect(!got.ok && got.error.next?.en).toBeTruthy();
    if (errcode === 40164) expect(!got.ok && got.error.ip).toBe('203.0.113.7');
    expect(env.sim.count(mode === 'classic' ? CLASSIC : STABLE)).toBe(1);
    expect(account.appid).toMatch(/^wx/);
  });

  it('does not ask again for a final error while the old token lasts, but an explicit refresh does', async () => {
    // The engine's clock stops inside the refresh window, so the old token lasts however slow the machine is.
    let stoppedAt: number | undefined;
    env = await makeCoreEnv({ callerIp: '203.0.113.7', core: { now: () => stoppedAt ?? Date.now() } });
    const account = await env.addAccount('walled', {}, 'stable');
    const first = await env.core.api.revealToken({ name: 'walled' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    env.sim.addAccount({ ...account, ipWhitelist: ['198.51.100.1'] });
    stoppedAt = refreshAt(first.value) + 10;
    env.sim.resetCounts();
    for (let i = 0; i < 3; i++) {
      const got = await env.core.api.revealToken({ name: 'walled' });
      expect(got.ok && got.value.accessToken).toBe(first.value.accessToken);
    }
    expect(env.sim.count(STABLE)).toBe(1);
    const status = await env.core.api.tokenStatus({ name: 'walled' });
    expect(status.ok && status.value.lastError?.errcode).toBe(40164);
    const asked = await env.core.api.refreshToken({ name: 'walled' });
    expect(!asked.ok && asked.error.errcode).toBe(40164);
    expect(env.sim.count(STABLE)).toBe(2);
  });

  it('renaming onto another account refuses without touching either secret', async () => {
    env = await makeCoreEnv();
    await env.addAccount('a', {}, 'stable');
    await env.addAccount('b', {}, 'stable');
    const clash = await env.core.api.editAccount({ name: 'a', patch: { name: 'B' } });
    expect(!clash.ok && clash.error.code).toBe('conflict');
    const list = await env.core.api.listAccounts({});
    expect(list.ok && list.value.map((v) => [v.name, v.hasSecret])).toEqual([['a', true], ['b', true]]);
    expect((await env.core.api.revealToken({ name: 'b' })).ok).toBe(true);
    const renamed = await env.core.api.editAccount({ name: 'a', patch: { name: 'c' } });
    expect(renamed.ok && renamed.value.hasSecret).toBe(true);
    expect((await env.core.api.revealToken({ name: 'c' })).ok).toBe(true);
  });

  it('stops fetching after 45009 until the user resumes', async () => {
    env = await makeCoreEnv();
    const account = await env.addAccount('quota', { dailyQuota: 0 }, 'classic');
    await env.core.api.revealToken({ name: 'quota' });
    const blocked = await env.core.api.revealToken({ name: 'quota' });
    expect(!blocked.ok && blocked.error.code).toBe('fetch_blocked');
    const otherProcess = await env.reopen();
    const alsoBlocked = await otherProcess.api.revealToken({ name: 'quota' });
    expect(!alsoBlocked.ok && alsoBlocked.error.code).toBe('fetch_blocked');
    expect(env.sim.count(CLASSIC)).toBe(1);
    expect((await env.core.api.tokenStatus({ name: 'quota' })).ok).toBe(true);

    env.sim.addAccount({ ...account, dailyQuota: 100 });
    const resumed = await env.core.api.resumeFetching({ name: 'quota' });
    expect(resumed.ok && resumed.value.fetchBlocked).toBe(false);
    const got = await env.core.api.revealToken({ name: 'quota' });
    expect(got.ok).toBe(true);
    expect(env.sim.count(CLASSIC)).toBe(2);
  });

  it('enforces the stable force-refresh rules locally and counts what is left', async () => {
    env = await makeCoreEnv();
    await env.addAccount('force', {}, 'stable');
    const before = await env.core.api.getToken({ name: 'force' });
    expect(before.ok && before.value.forceLeft).toBe(20);
    const forced = await env.core.api.refreshToken({ name: 'force', force: true });
    expect(forced.ok && forced.value.forceLeft).toBe(19);
    expect(forced.ok && forced.value.source).toBe('fetch');
    const tooSoon = await env.core.api.refreshToken({ name: 'force', force: true });
    expect(!tooSoon.ok && tooSoon.error.code).toBe('force_limited');
    expect(env.sim.count(STABLE)).toBe(2);
  });

  it('classic refresh does not fetch while the token is valid; force does, once', async () => {
    env = await makeCoreEnv();
    await env.addAccount('classic', {}, 'classic');
    const first = await env.core.api.revealToken({ name: 'classic' });
    const refreshed = await env.core.api.refreshToken({ name: 'classic' });
    expect(refreshed.ok && refreshed.value.source).toBe('cache');
    expect(env.sim.count(CLASSIC)).toBe(1);
    const forced = await env.core.api.refreshToken({ name: 'classic', force: true });
    expect(forced.ok && forced.value.source).toBe('fetch');
    const now = await env.core.api.revealToken({ name: 'classic' });
    expect(now.ok && first.ok && now.value.accessToken).not.toBe(first.ok && first.value.accessToken);
    expect(env.sim.count(CLASSIC)).toBe(2);
  });

  it('a business call that meets an invalidated token expires it, fetches once and retries once', async () => {
    env = await makeCoreEnv();
    const account = await env.addAccount('biz', {}, 'classic');
    await env.core.api.revealToken({ name: 'biz' });
    env.sim.revokeTokens(account.appid);
    const res = await env.core.api.sendRequest({ account: 'biz', method: 'GET', path: '/cgi-bin/get_api_domain_ip' });
    expect(res.ok && res.value.retried).toBe(true);
    expect(res.ok && res.value.errcode).toBeUndefined();
    expect(env.sim.count(CLASSIC)).toBe(2);
  });

  it('does not throw away a token that another caller already renewed (compare-and-expire)', async () => {
    env = await makeCoreEnv();
    await env.addAccount('cas', {}, 'classic');
    const old = await env.core.api.revealToken({ name: 'cas' });
    // Another host renews the token; this one then learns that the old token failed.
    const other = await env.reopen();
    const renewed = await other.api.refreshToken({ name: 'cas', force: true });
    expect(renewed.ok).toBe(true);
    const engine = engineOver(env);
    await engine.expireIfCurrent('cas', old.ok ? old.value.accessToken : '');
    const still = await env.core.api.revealToken({ name: 'cas' });
    expect(still.ok && still.value.source).toBe('cache');
    expect(still.ok && old.ok && still.value.accessToken).not.toBe(old.ok && old.value.accessToken);
    // The token that did fail is dropped, and the next request fetches.
    await engine.expireIfCurrent('cas', still.ok ? still.value.accessToken : '');
    const refetched = await env.core.api.revealToken({ name: 'cas' });
    expect(refetched.ok && refetched.value.source).toBe('fetch');
    expect(env.sim.count(CLASSIC)).toBe(3);
  });

  it('fetches WeCom tokens per corpid and app secret', async () => {
    env = await makeCoreEnv();
    await env.addAccount('corp', { kind: 'wecom' });
    const got = await env.core.api.getToken({ name: 'corp' });
    expect(got.ok && got.value.mode).toBe('wecom');
    expect(env.sim.count('/cgi-bin/gettoken')).toBe(1);
  });

  it('sends token fetches and console calls through the account proxy', async () => {
    env = await makeCoreEnv();
    const proxy = await startTestProxy();
    try {
      const { secret } = await env.addAccount('proxied', {}, 'stable');
      // Through the contract, a new proxy goes with the secret typed in again.
      expect((await env.core.api.editAccount({ name: 'proxied', patch: { proxy: proxy.url }, secret })).ok).toBe(true);
      expect((await env.core.api.revealToken({ name: 'proxied' })).ok).toBe(true);
      const res = await env.core.api.sendRequest({ account: 'proxied', method: 'GET', path: '/cgi-bin/getcallbackip' });
      expect(res.ok && res.value.status).toBe(200);
      expect(proxy.requests.map((r) => r.split('?')[0])).toEqual([
        `POST ${env.sim.url}/cgi-bin/stable_token`,
        `GET ${env.sim.url}/cgi-bin/getcallbackip`,
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('keeps secrets and tokens out of every file in the data directory', async () => {
    env = await makeCoreEnv();
    const account = await env.addAccount('leak', {}, 'stable');
    const token = await env.core.api.revealToken({ name: 'leak' });
    await env.core.api.sendRequest({ account: 'leak', method: 'GET', path: '/cgi-bin/user/get', query: [['next_openid', '']] });
    await env.core.api.sendRequest({ account: 'leak', method: 'POST', path: '/cgi-bin/message/custom/send', body: '{"touser":"x","msgtype":"text","text":{"content":"hi"}}' });
    const files = await walk(env.home);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      expect(text, file).not.toContain(account.secret);
      expect(text, file).not.toContain(token.ok ? token.value.accessToken : 'unreachable');
    }
  });
});

/** A bare engine over the same folder and keychain, to drive compare-and-expire directly. */
function engineOver(env: CoreEnv): TokenEngine {
  const lock = new FileProcessLock(env.home);
  const secrets = new KeytarSecretStore({ service: env.service });
  return new TokenEngine({
    accounts: new AccountsStore({ home: env.home, lock }),
    secrets,
    cache: new EncryptedTokenCache({ home: env.home, secrets, lock }),
    lock,
    client: new WechatClient(),
  });
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}
