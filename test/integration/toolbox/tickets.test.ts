import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshAt } from '../../../src/main/core/tokens/refresh-policy';
import { hasTestKeyring } from '../../support/keychain/keychain';
import { makeCoreEnv, until, type CoreEnv } from '../../support/core-env';

const GETTICKET = '/cgi-bin/ticket/getticket';
const CLASSIC = '/cgi-bin/token';

function burst(env: CoreEnv, account: string, at: number): Promise<{ tickets: string[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/toolbox/ticket-burst.ts'], {
      env: { ...process.env, BURST_HOME: env.home, BURST_SERVICE: env.service, BURST_ACCOUNT: account, BURST_AT: String(at), BURST_COUNT: '100' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
  });
}

describe.skipIf(!hasTestKeyring())('JS-SDK tickets, kept like tokens', () => {
  let env: CoreEnv;
  afterEach(async () => env?.close());

  it('fetches once, then serves the cache; a restart does not refetch, and the file holds no ticket in clear', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    const first = await env.core.api.getTicket({ name: 'oa' });
    expect(first.ok && first.value.source).toBe('fetch');
    expect(first.ok && first.value.type).toBe('jsapi');
    const again = await env.core.api.getTicket({ name: 'oa', type: 'jsapi' });
    expect(again.ok && again.value.source).toBe('cache');
    await env.core.close();
    const restarted = await env.reopen();
    const afterRestart = await restarted.api.getTicket({ name: 'oa' });
    expect(afterRestart.ok && afterRestart.value.ticket).toBe(first.ok && first.value.ticket);
    expect(afterRestart.ok && afterRestart.value.source).toBe('cache');
    expect(env.sim.count(GETTICKET)).toBe(1);
    const file = await readFile(join(env.home, 'tickets.json'), 'utf8');
    expect(file).not.toContain(first.ok ? first.value.ticket : 'unreachable');
  });

  it('keeps jsapi and wx_card tickets apart', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    const jsapi = await env.core.api.getTicket({ name: 'oa', type: 'jsapi' });
    const card = await env.core.api.getTicket({ name: 'oa', type: 'wx_card' });
    expect(jsapi.ok && card.ok && jsapi.value.ticket !== card.value.ticket).toBe(true);
    expect((await env.core.api.getTicket({ name: 'oa', type: 'wx_card' })).ok).toBe(true);
    expect(env.sim.count(GETTICKET)).toBe(2);
  });

  it('joins 100 concurrent requests in one process onto one fetch', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    const results = await Promise.all(Array.from({ length: 100 }, () => env.core.api.getTicket({ name: 'oa' })));
    expect(new Set(results.map((r) => (r.ok ? r.value.ticket : r.error.code))).size).toBe(1);
    expect(env.sim.count(GETTICKET)).toBe(1);
  });

  it('makes exactly one ticket fetch for 100 concurrent requests from each of two processes at expiry', async () => {
    env = await makeCoreEnv({ expiresIn: 2 });
    await env.addAccount('shared', {}, 'stable');
    const warm = await env.core.api.getTicket({ name: 'shared' });
    expect(warm.ok).toBe(true);
    await until(warm.ok ? warm.value.expiresAt + 50 : 0);
    env.sim.resetCounts();
    const at = Date.now() + 2_500;
    const [one, two] = await Promise.all([burst(env, 'shared', at), burst(env, 'shared', at)]);
    expect(one.failures).toEqual([]);
    expect(two.failures).toEqual([]);
    expect(one.tickets).toHaveLength(1);
    expect(two.tickets).toEqual(one.tickets);
    expect(env.sim.count(GETTICKET)).toBe(1);
  });

  it('refreshes ahead of expiry, and keeps serving the valid ticket while WeChat is busy', async () => {
    let stoppedAt: number | undefined;
    env = await makeCoreEnv({ core: { now: () => stoppedAt ?? Date.now() } });
    await env.addAccount('oa', {}, 'stable');
    const first = await env.core.api.getTicket({ name: 'oa' });
    if (!first.ok) throw new Error(first.error.message.en);
    stoppedAt = refreshAt(first.value) + 10;
    env.sim.setFault(GETTICKET, { kind: 'busy' });
    const during = await env.core.api.getTicket({ name: 'oa' });
    expect(during.ok && during.value.ticket).toBe(first.value.ticket);
    expect(env.sim.count(GETTICKET)).toBe(1 + 3); // FAST_RETRY: 3 attempts, then the valid ticket is served
    env.sim.setFault(GETTICKET, undefined);
    const renewed = await env.core.api.getTicket({ name: 'oa' });
    expect(renewed.ok && renewed.value.source).toBe('fetch');
    expect(renewed.ok && renewed.value.ticket).not.toBe(first.value.ticket);
  });

  it('a long-lived host refreshes a stable account\'s ticket ahead of expiry on its own; never a classic one', async () => {
    // Tickets live 3 s here: the engine's margin (10 %) plans the refresh 0.3 s before expiry.
    env = await makeCoreEnv({ expiresIn: 3, renewWindowSeconds: 1 });
    await env.addAccount('auto', {}, 'stable');
    await env.addAccount('prod', {}, 'classic');
    const host = await env.reopen({ autoRefresh: true });
    const first = await host.api.getTicket({ name: 'auto' });
    const classic = await host.api.getTicket({ name: 'prod' });
    if (!first.ok || !classic.ok) throw new Error('no ticket');
    // The background refresh is due 2.7 s after the fetch; when it reaches WeChat depends on the machine's load
    // (keychain, lock, token first), so wait for it rather than for a time. When it is planned is unit-tested.
    await expect.poll(() => env.sim.count(GETTICKET), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    // Past the classic ticket's expiry, nothing fetched another in the background.
    await until(classic.value.expiresAt + 300);
    expect(env.sim.count(GETTICKET)).toBe(3);
    const now = await host.api.getTicket({ name: 'auto' });
    expect(now.ok && now.value.source).toBe('cache');
    expect(now.ok && now.value.ticket).not.toBe(first.value.ticket);
    expect(env.sim.count(CLASSIC)).toBe(1);
  });

  it('a 40001 on the ticket fetch expires the token it used (compare-and-expire), fetches one token and retries once', async () => {
    env = await makeCoreEnv();
    const account = await env.addAccount('oa', {}, 'classic');
    expect((await env.core.api.revealToken({ name: 'oa' })).ok).toBe(true);
    env.sim.revokeTokens(account.appid);
    const got = await env.core.api.getTicket({ name: 'oa' });
    expect(got.ok && got.value.source).toBe('fetch');
    expect(env.sim.count(CLASSIC)).toBe(2);
    expect(env.sim.count(GETTICKET)).toBe(2);
  });

  it('fails with the explained error when the token cannot be had, and fetches no ticket', async () => {
    env = await makeCoreEnv({ callerIp: '203.0.113.7' });
    await env.addAccount('walled', { ipWhitelist: ['198.51.100.1'] }, 'stable');
    const got = await env.core.api.getTicket({ name: 'walled' });
    expect(!got.ok && got.error.errcode).toBe(40164);
    expect(env.sim.count(GETTICKET)).toBe(0);
  });

  it("fetches WeCom's corp and agent tickets from their own paths; a Mini Program has none", async () => {
    env = await makeCoreEnv();
    await env.addAccount('corp', { kind: 'wecom' });
    const corp = await env.core.api.getTicket({ name: 'corp' });
    const agent = await env.core.api.getTicket({ name: 'corp', type: 'agent_config' });
    expect(corp.ok && agent.ok && corp.value.ticket !== agent.value.ticket).toBe(true);
    expect(env.sim.count('/cgi-bin/get_jsapi_ticket')).toBe(1);
    expect(env.sim.count('/cgi-bin/ticket/get')).toBe(1);
    const card = await env.core.api.getTicket({ name: 'corp', type: 'wx_card' });
    expect(!card.ok && card.error.code).toBe('validation');
    await env.addAccount('mini', { kind: 'mp' });
    const mini = await env.core.api.getTicket({ name: 'mini' });
    expect(!mini.ok && mini.error.message.en).toContain('Mini Programs have no jsapi ticket');
  });
});
