/**
 * WeCom accounts shared through a team Redis: the token belongs to a corpid and an agentid, so two machines with
 * that app make one gettoken call between them, a member without the corpsecret reads it, another app of the same
 * corp is not confused with it, and a 40001 drops the team token only if it is still the one that failed.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { maskToken } from '../../../src/shared/redact';
import type { SimAccount } from '../../simulator';
import { nextEvent, uniqueAppid } from '../../support/core-env';
import { startRedis, type RedisFixture } from '../../support/redis-server';
import { useTeamRedis, openMachine, subscribed, type Machine } from './share-machines';

const team = useTeamRedis();

const corp = (): SimAccount => ({ kind: 'wecom', appid: uniqueAppid('ww'), secret: randomUUID().replace(/-/g, '') });
const app = (corpid: string) => ({ name: 'app', appid: corpid, kind: 'wecom' as const, apiBase: team.sim.url });
const fetches = () => team.sim.count('/cgi-bin/gettoken');

async function reveal(m: Machine) {
  const got = await m.core.api.revealToken({ name: 'app' });
  if (!got.ok) throw new Error(`${got.error.code}: ${got.error.message.en}`);
  return got.value;
}

describe('share for WeCom', () => {
  it('two machines with one corpid + agentid make one gettoken call, under a hash-tagged key for that app', async () => {
    const account = corp();
    team.sim.addAccount(account);
    const [a, b] = [await team.machine(), await team.machine()];
    await a.join(app(account.appid), account.secret, '1000002');
    await b.join(app(account.appid), account.secret, '1000002');
    const all = await Promise.all([...Array(20)].flatMap(() => [reveal(a), reveal(b)]));
    expect(new Set(all.map((t) => t.accessToken)).size).toBe(1);
    expect(fetches()).toBe(1);
    expect(all[0].origin).toMatchObject({ type: 'share', where: 'team' });
    expect(await team.client.exists(`{wxtoken:wecom:${account.appid.toLowerCase()}:1000002}:token`)).toBe(1);
    for (const key of await team.client.keys('*')) expect((await team.client.get(key).catch(() => '')) ?? '').not.toContain(account.secret);
  });

  it('a member without the corpsecret reads the app it names; another agentid of the same corp is another token', async () => {
    const account = corp();
    team.sim.addAccount(account);
    const [a, b, c] = [await team.machine(), await team.machine(), await team.machine()];
    await a.join(app(account.appid), account.secret, '1000002');
    await b.join(app(account.appid), undefined, '1000002');
    await c.join(app(account.appid), undefined, '1000003');
    const fetched = await reveal(a);
    expect((await reveal(b)).accessToken).toBe(fetched.accessToken);
    const other = await c.core.api.revealToken({ name: 'app' });
    expect(!other.ok && other.error.message.en).toMatch(/no member with the AppSecret has fetched one yet/);
    expect(fetches()).toBe(1);
  });

  it('needs an agentid to share (members must name the same app); an AppID account takes none', async () => {
    const m = await team.machine();
    const without = await m.core.api.addAccount({ account: { ...app(uniqueAppid('ww')), source: { type: 'share', redis: 'team' } }, secret: 's3cret' });
    expect(!without.ok && without.error.code).toBe('validation');
    expect(!without.ok && without.error.message.en).toMatch(/agentid/);
    const oa = await m.core.api.addAccount({ account: { name: 'oa', appid: uniqueAppid(), source: { type: 'share', redis: 'team', agentid: '1' } }, secret: 's3cret' });
    expect(!oa.ok && oa.error.code).toBe('validation');
    expect((await m.core.api.listAccounts({})).ok).toBe(true);
  });

  it('compare-and-expire on 40001 across machines, and a new token reaches a listening machine by pub/sub', async () => {
    const account = corp();
    team.sim.addAccount(account);
    const [a, b] = [await team.machine(), await team.machine()];
    const listening = await team.machine({ autoRefresh: true });
    for (const m of [a, b, listening]) await m.join(app(account.appid), account.secret, '1000002');
    const first = (await reveal(a)).accessToken;
    expect((await reveal(b)).accessToken).toBe(first);
    expect((await reveal(listening)).accessToken).toBe(first);
    await subscribed(team.client);
    team.sim.revokeTokens(account.appid);
    const told = nextEvent(listening.core, (e) => (e.name === 'tokenChanged' && e.payload.masked && e.payload.masked !== maskToken(first) ? e.payload.masked : undefined));
    const call = await a.core.api.sendRequest({ account: 'app', method: 'GET', path: '/cgi-bin/getcallbackip', noHistory: true });
    expect(call.ok && call.value.retried).toBe(true);
    expect(fetches()).toBe(2);
    const second = (await reveal(a)).accessToken;
    expect(await told).toBe(maskToken(second));
    // B still holds the old token: its 40001 must not drop the one A just fetched.
    const callB = await b.core.api.sendRequest({ account: 'app', method: 'GET', path: '/cgi-bin/getcallbackip', noHistory: true });
    expect(callB.ok && callB.value.errcode).toBeFalsy();
    expect(fetches()).toBe(2);
    expect((await reveal(b)).accessToken).toBe(second);
  });
});

describe('share for WeCom on a Redis Cluster', () => {
  let cluster: RedisFixture | undefined;
  afterEach(async () => {
    for (const c of team.cleanups.splice(0).reverse()) await c();
    await cluster?.stop();
    cluster = undefined;
  });

  it('one fetch for two machines; the lock, the token and compare-and-expire share one slot', async () => {
    cluster = await startRedis({ cluster: true });
    const account = corp();
    team.sim.addAccount(account);
    const [a, b] = [await openMachine(cluster, team.cleanups), await openMachine(cluster, team.cleanups)];
    await a.join(app(account.appid), account.secret, '1000002');
    await b.join(app(account.appid), account.secret, '1000002');
    const all = await Promise.all([...Array(10)].flatMap(() => [reveal(a), reveal(b)]));
    expect(new Set(all.map((t) => t.accessToken)).size).toBe(1);
    expect(fetches()).toBe(1);
    team.sim.revokeTokens(account.appid);
    const call = await b.core.api.sendRequest({ account: 'app', method: 'GET', path: '/cgi-bin/getcallbackip', noHistory: true });
    expect(call.ok && call.value.retried).toBe(true);
    expect(fetches()).toBe(2);
    // A still holds the old token: its 40001 finds the team token already renewed.
    const callA = await a.core.api.sendRequest({ account: 'app', method: 'GET', path: '/cgi-bin/getcallbackip', noHistory: true });
    expect(callA.ok && callA.value.errcode).toBeFalsy();
    expect(fetches()).toBe(2);
    expect((await reveal(a)).accessToken).toBe((await reveal(b)).accessToken);
  });
});
