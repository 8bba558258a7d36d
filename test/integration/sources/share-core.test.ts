/**
 * Two "machines" (separate data folders and keychain services, each its own core) sharing one token through
 * a real Redis: one fetch for both, compare-and-expire across them, the 45009 block shared, a member without
 * the AppSecret, and Redis paused — bounded errors and no fetch outside the lock.
 */
import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimAccount } from '../../simulator';
import { uniqueAppid } from '../../support/core-env';
import { useTeamRedis, type Machine } from './share-machines';

const team = useTeamRedis();

const machine = () => team.machine();

function join_(m: Machine, account: SimAccount, secret: string | undefined, mode: 'stable' | 'classic' = 'stable') {
  return m.join({ name: 'app', appid: account.appid, kind: account.kind, mode, apiBase: team.sim.url }, secret);
}

const fetches = () => team.sim.count('/cgi-bin/token') + team.sim.count('/cgi-bin/stable_token');
const newAccount = (): SimAccount => ({ kind: 'oa', appid: uniqueAppid(), secret: randomUUID().replace(/-/g, '') });

async function reveal(m: Machine) {
  const got = await m.core.api.revealToken({ name: 'app' });
  if (!got.ok) throw new Error(`${got.error.code}: ${got.error.message.en}`);
  return got.value;
}

describe('share', () => {
  it('one fetch for two machines, cold and at once; the AppSecret never reaches Redis', async () => {
    const account = newAccount();
    team.sim.addAccount(account);
    const [a, b] = [await machine(), await machine()];
    await join_(a, account, account.secret, 'classic');
    await join_(b, account, account.secret, 'classic');
    const all = await Promise.all([...Array(20)].flatMap(() => [reveal(a), reveal(b)]));
    expect(new Set(all.map((t) => t.accessToken)).size).toBe(1);
    expect(fetches()).toBe(1);
    expect(all[0].origin).toMatchObject({ type: 'share', where: 'team' });

    const keys = await team.client.keys('*');
    expect(keys).toContain(`{wxtoken:classic:${account.appid}}:token`);
    for (const key of keys) {
      const type = await team.client.type(key);
      const value = type === 'string' ? await team.client.get(key) : JSON.stringify(await team.client.hgetall(key));
      expect(value ?? '').not.toContain(account.secret);
    }
  });

  it('compare-and-expire across machines: a 40001 on one drops the team token once; the other gets the new one', async () => {
    const account = newAccount();
    team.sim.addAccount(account);
    const [a, b] = [await machine(), await machine()];
    await join_(a, account, account.secret, 'classic');
    await join_(b, account, account.secret, 'classic');
    const first = (await reveal(a)).accessToken;
    expect((await reveal(b)).accessToken).toBe(first);
    team.sim.revokeTokens(account.appid);
    const call = await a.core.api.sendRequest({ account: 'app', method: 'GET', path: '/cgi-bin/getcallbackip', noHistory: true });
    expect(call.ok && call.value.retried).toBe(true);
    expect(fetches()).toBe(2);
    // B still holds the old one; its 40001 must not throw away the token A just fetched.
    const callB = await b.core.api.sendRequest({ account: 'app', method: 'GET', path: '/cgi-bin/getcallbackip', noHistory: true });
    expect(callB.ok && callB.value.errcode).toBeFalsy();
    expect(fetches()).toBe(2);
    expect((await reveal(b)).accessToken).not.toBe(first);
  });

  it('a member without the AppSecret reads the team token, and says no member with the secret has fetched when there is none', async () => {
    const account = newAccount();
    team.sim.addAccount(account);
    const [a, b] = [await machine(), await machine()];
    await join_(b, account, undefined);
    const none = await b.core.api.revealToken({ name: 'app' });
    expect(!none.ok && none.error.message.en).toMatch(/no member with the AppSecret has fetched one yet/);
    await join_(a, account, account.secret);
    const t = await reveal(a);
    expect((await reveal(b)).accessToken).toBe(t.accessToken);
    expect(fetches()).toBe(1);
  });

  it('45009 blocks the whole team, and the force allowance is per AppID (team), not per machine', async () => {
    const account: SimAccount = { ...newAccount(), dailyQuota: 0 };
    team.sim.addAccount(account);
    const [a, b] = [await machine(), await machine()];
    await join_(a, account, account.secret, 'classic');
    await join_(b, account, account.secret, 'classic');
    const blocked = await a.core.api.revealToken({ name: 'app' });
    expect(!blocked.ok && blocked.error.errcode).toBe(45009);
    const before = fetches();
    const other = await b.core.api.revealToken({ name: 'app' });
    expect(!other.ok && other.error.code).toBe('fetch_blocked');
    expect(fetches()).toBe(before);

    const stable = newAccount();
    team.sim.addAccount(stable);
    const [c, d] = [await machine(), await machine()];
    await join_(c, stable, stable.secret);
    await join_(d, stable, stable.secret);
    expect((await c.core.api.refreshToken({ name: 'app', force: true })).ok).toBe(true);
    const tooSoon = await d.core.api.refreshToken({ name: 'app', force: true });
    expect(!tooSoon.ok && tooSoon.error.code).toBe('force_limited');
    // Each machine's status shows the team's allowance and block.
    const status = await d.core.api.tokenStatus({ name: 'app' });
    expect(status.ok && status.value.forceLeft).toBe(19);
    const blockedStatus = await b.core.api.tokenStatus({ name: 'app' });
    expect(blockedStatus.ok && blockedStatus.value.fetchBlocked).toBe(true);
  });

  it('Redis paused: a still-valid token serves on; with none, a bounded error and no fetch; recovery once it answers', async () => {
    const account = newAccount();
    team.sim.addAccount(account);
    const [a, b] = [await machine(), await machine()];
    await join_(a, account, account.secret);
    await join_(b, account, account.secret);
    const held = await reveal(a);
    team.redis.pause();
    try {
      expect((await reveal(a)).accessToken).toBe(held.accessToken);
      const started = Date.now();
      const down = await b.core.api.revealToken({ name: 'app' });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(!down.ok && down.error.code).toBe('redis_unreachable');
      expect(!down.ok && down.error.next?.en).toMatch(/never fetches outside the team lock/);
    } finally {
      team.redis.resume();
    }
    expect(fetches()).toBe(1);
    expect((await reveal(b)).accessToken).toBe(held.accessToken);
    expect(fetches()).toBe(1);
  });

  it('keeps the Redis password out of every file', async () => {
    const m = await machine();
    for (const entry of await readdir(m.home, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) expect((await readFile(join(entry.parentPath, entry.name))).includes(team.redis.password)).toBe(false);
    }
  });
});
