/**
 * JS-SDK tickets of an account with `--share`, across two "machines" on one team Redis: one ticket fetch for the
 * team (ticket calls are limited per day), a member without the AppSecret served too, WeCom's agent ticket kept per
 * app, and a listening machine told of a new ticket by pub/sub.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimAccount } from '../../simulator';
import { uniqueAppid } from '../../support/core-env';
import { useTeamRedis, subscribed, type Machine } from './share-machines';

const team = useTeamRedis();

const GETTICKET = '/cgi-bin/ticket/getticket';
const newAccount = (kind: 'oa' | 'wecom' = 'oa'): SimAccount => ({ kind, appid: uniqueAppid(kind === 'wecom' ? 'ww' : 'wx'), secret: randomUUID().replace(/-/g, '') });

async function ticket(m: Machine, type: 'jsapi' | 'wx_card' | 'agent_config' = 'jsapi') {
  const got = await m.core.api.getTicket({ name: 'app', type });
  if (!got.ok) throw new Error(`${got.error.code}: ${got.error.message.en}`);
  return got.value;
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('tickets across machines with --share', () => {
  it('two machines × concurrent ticket requests: one upstream ticket fetch (and one token fetch) for the team', async () => {
    const account = newAccount();
    team.sim.addAccount(account);
    const [a, b] = [await team.machine(), await team.machine()];
    const app = { name: 'app', appid: account.appid, kind: 'oa' as const, mode: 'classic' as const, apiBase: team.sim.url };
    await a.join(app, account.secret);
    await b.join(app, account.secret);
    const all = await Promise.all([...Array(25)].flatMap(() => [ticket(a), ticket(b)]));
    expect(new Set(all.map((t) => t.ticket)).size).toBe(1);
    expect(team.sim.count(GETTICKET)).toBe(1);
    expect(team.sim.count('/cgi-bin/token')).toBe(1);
    expect(await team.client.pttl(`{wxtoken:ticket:jsapi:${account.appid}}:ticket`)).toBeGreaterThan(0);
    // wx_card is another ticket, kept apart; asked again, both come from the team.
    const card = await ticket(b, 'wx_card');
    expect(card.ticket).not.toBe(all[0].ticket);
    expect((await ticket(a, 'wx_card')).ticket).toBe(card.ticket);
    expect(team.sim.count(GETTICKET)).toBe(2);
  });

  it('a member without the AppSecret gets the team ticket; WeCom agent tickets are kept per agentid', async () => {
    const account = newAccount('wecom');
    team.sim.addAccount(account);
    const [a, b, c] = [await team.machine(), await team.machine(), await team.machine()];
    const app = { name: 'app', appid: account.appid, kind: 'wecom' as const, apiBase: team.sim.url };
    await a.join(app, account.secret, '1000002');
    await b.join(app, undefined, '1000002');
    await c.join(app, account.secret, '1000003');
    const [corpA, agentA] = [await ticket(a), await ticket(a, 'agent_config')];
    expect((await ticket(b)).ticket).toBe(corpA.ticket);
    expect((await ticket(b, 'agent_config')).ticket).toBe(agentA.ticket);
    // Another app of the same corp: the corp ticket is the team's, the agent ticket its own.
    expect((await ticket(c)).ticket).toBe(corpA.ticket);
    expect((await ticket(c, 'agent_config')).ticket).not.toBe(agentA.ticket);
    expect(team.sim.count('/cgi-bin/get_jsapi_ticket')).toBe(1);
    expect(team.sim.count('/cgi-bin/ticket/get')).toBe(2);
  });

  it('a stale team token on a ticket fetch: compare-and-expire drops it once, one new token and one ticket for the team', async () => {
    const account = newAccount();
    team.sim.addAccount(account);
    const [a, b] = [await team.machine(), await team.machine()];
    const app = { name: 'app', appid: account.appid, kind: 'oa' as const, mode: 'classic' as const, apiBase: team.sim.url };
    await a.join(app, account.secret);
    await b.join(app, account.secret);
    const first = await a.core.api.revealToken({ name: 'app' });
    const second = await b.core.api.revealToken({ name: 'app' });
    expect(first.ok && second.ok && first.value.accessToken === second.value.accessToken).toBe(true);
    team.sim.revokeTokens(account.appid);
    const got = await ticket(a);
    expect(team.sim.count('/cgi-bin/token')).toBe(2);
    const ticketCalls = team.sim.count(GETTICKET);
    // B still holds the revoked token, but the team's ticket needs none: no token fetch, no ticket fetch.
    expect((await ticket(b)).ticket).toBe(got.ticket);
    expect(team.sim.count(GETTICKET)).toBe(ticketCalls);
    expect(team.sim.count('/cgi-bin/token')).toBe(2);
  });

  it('a listening machine takes in a new ticket by pub/sub, and serves it while Redis is paused', async () => {
    const account = newAccount();
    team.sim.addAccount(account);
    const a = await team.machine();
    const listening = await team.machine({ autoRefresh: true });
    const app = { name: 'app', appid: account.appid, kind: 'oa' as const, mode: 'stable' as const, apiBase: team.sim.url };
    await a.join(app, account.secret);
    await listening.join(app, account.secret);
    await subscribed(team.client);
    const fetched = await ticket(a);
    await waitFor(() => existsSync(join(listening.home, 'tickets.json')), 5_000);
    team.redis.pause();
    try {
      expect((await ticket(listening)).ticket).toBe(fetched.ticket);
    } finally {
      team.redis.resume();
    }
    expect(team.sim.count(GETTICKET)).toBe(1);
  });
});
