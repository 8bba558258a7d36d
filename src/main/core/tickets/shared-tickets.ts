/**
 * JS-SDK tickets of an account shared through a team Redis (`--share`), kept the way its token is: one fetch for
 * the team under the team lock (the machinery in tokens/share/team-redis), the ticket read again once the lock is
 * taken, a new ticket published so listening machines take it in. Any member may fetch one: it needs only the
 * team's token. A 40001 on the fetch goes through the token's compare-and-expire (the engine's `fetch`).
 *
 * Redis unreachable: a still-valid ticket this machine holds serves on; nothing is fetched outside the lock.
 */
import { hostname } from 'node:os';
import { fetchModeOf, type Account } from '../../../shared/models';
import { AppFailure, fail, ok, type Result } from '../../../shared/result';
import type { TicketInfo, TicketType } from '../../../shared/toolbox/models';
import { withRedis, type RedisClient } from '../redis/redis-client';
import type { RedisStore } from '../redis/redis-store';
import { isUsable, refreshAt } from '../tokens/refresh-policy';
import { redisDown, shareLockTimeout } from '../tokens/share/share-errors';
import { ticketShareKeys, type TicketShareKeys } from '../tokens/share/share-keys';
import { isRedisTrouble, newOwner, teamRedis, underTeamLock } from '../tokens/share/team-redis';
import { readTeamTicket, writeTeamTicket, type TeamTicket } from '../tokens/share/team-token';
import { SingleFlight } from '../tokens/single-flight';
import type { Clock, SecretStore, StoredToken, TokenCache } from '../types';
import type { TicketGrant } from './ticket-client';

export interface SharedTicketsDeps {
  /** tickets.json: this machine's copy of the team's tickets. */
  cache: TokenCache;
  secrets: SecretStore;
  redis: RedisStore;
  now: Clock;
  /** The engine's fetch (with the account's token, backoff, one retry after a stale token): only under the team lock. */
  fetch(account: Account, type: TicketType): Promise<Result<TicketGrant>>;
  toInfo(name: string, type: TicketType, ticket: StoredToken, source: 'cache' | 'fetch', now: number): TicketInfo;
  leaseMs?: number;
  /** The longest a ticket fetch takes, its token's fetch included. */
  fetchBudgetMs: number;
}

type Got = { team: TeamTicket; fetched: boolean };

export class SharedTickets {
  private readonly flights = new SingleFlight<Result<TicketInfo>>();
  private readonly owner = newOwner();
  private readonly leaseMs: number;

  constructor(private readonly deps: SharedTicketsDeps) {
    this.leaseMs = deps.leaseMs ?? 15_000;
  }

  /** `cacheKey`: the ticket's key in this machine's cache; `local`: the usable ticket it holds there, if any. */
  get(account: Account, type: TicketType, cacheKey: string, local: StoredToken | undefined, options: { refresh?: boolean }, requestedAt: number): Promise<Result<TicketInfo>> {
    return this.flights.run(`${cacheKey}|${options.refresh ? 'refresh' : 'get'}`, () => this.viaRedis(account, type, cacheKey, local, options, requestedAt));
  }

  /** A member stored a new ticket (pub/sub): take it into this machine's cache. */
  async adopt(account: Account, type: TicketType, cacheKey: string): Promise<boolean> {
    const target = await this.target(account, type);
    if (!target.ok) return false;
    const team = await withRedis(target.value.target, ({ client }) => readTeamTicket(client, target.value.keys.ticket)).catch(() => undefined);
    if (!team || !isUsable(asTimes(team), this.deps.now())) return false;
    await this.keep(account, cacheKey, team);
    return true;
  }

  private async target(account: Account, type: TicketType) {
    const resolved = await teamRedis(this.deps.redis, this.deps.secrets, account);
    return resolved.ok ? ok({ ...resolved.value, keys: ticketShareKeys(account, type, resolved.value.prefix) }) : resolved;
  }

  private async viaRedis(account: Account, type: TicketType, cacheKey: string, local: StoredToken | undefined, options: { refresh?: boolean }, requestedAt: number): Promise<Result<TicketInfo>> {
    const target = await this.target(account, type);
    if (!target.ok) return target;
    // A ticket fetch may wait for the team's token fetch too.
    const deadline = this.leaseMs + 3 * this.deps.fetchBudgetMs + 5_000;
    let got: Result<Got>;
    try {
      got = await withRedis(target.value.target, ({ client }) => this.underRedis(client, account, type, target.value.keys, options, requestedAt), deadline);
    } catch (err) {
      if (!(err instanceof AppFailure) || !isRedisTrouble(err.error)) throw err;
      const now = this.deps.now();
      if (local && isUsable(local, now) && !options.refresh) return ok(this.deps.toInfo(account.name, type, local, 'cache', now));
      return fail(redisDown(err.error));
    }
    if (!got.ok) return got;
    const stored = await this.keep(account, cacheKey, got.value.team, local);
    return ok(this.deps.toInfo(account.name, type, stored, got.value.fetched ? 'fetch' : 'cache', this.deps.now()));
  }

  private async keep(account: Account, cacheKey: string, team: TeamTicket, local?: StoredToken): Promise<StoredToken> {
    const stored: StoredToken = {
      accessToken: team.ticket,
      expiresAt: team.expires_at,
      fetchedAt: team.fetched_at,
      mode: fetchModeOf(account),
      appid: account.appid,
      apiBase: account.apiBase,
      origin: { type: 'share', where: (account.source as { redis: string }).redis, fetchedBy: team.fetched_by },
    };
    const current = local ?? (await this.deps.cache.read(cacheKey, { fresh: true }));
    if (current?.accessToken !== stored.accessToken || current.expiresAt !== stored.expiresAt) {
      await this.deps.cache.write(cacheKey, { ...stored, ...(current && current.accessToken !== stored.accessToken ? { previousToken: current.accessToken } : {}) });
    }
    return stored;
  }

  private async underRedis(client: RedisClient, account: Account, type: TicketType, keys: TicketShareKeys, options: { refresh?: boolean }, requestedAt: number): Promise<Result<Got>> {
    const team = await readTeamTicket(client, keys.ticket);
    if (this.goodEnough(team, options, requestedAt)) return ok({ team: team!, fetched: false });
    const lock = { key: keys.lock, owner: this.owner, leaseMs: this.leaseMs, waitUntil: this.deps.now() + this.leaseMs + 2 * this.deps.fetchBudgetMs + 2_000, now: this.deps.now };
    const landed = async (): Promise<Result<Got> | undefined> => {
      const t = await readTeamTicket(client, keys.ticket);
      return t && t.fetched_at >= requestedAt && isUsable(asTimes(t), this.deps.now()) ? ok({ team: t, fetched: false }) : undefined;
    };
    const got = await underTeamLock(client, lock, landed, async (): Promise<Result<Got>> => {
      const now = await readTeamTicket(client, keys.ticket);
      if (this.goodEnough(now, options, requestedAt)) return ok({ team: now!, fetched: false });
      const grant = await this.deps.fetch(account, type);
      if (!grant.ok) {
        // A refresh ahead of expiry that failed leaves the team's still-valid ticket in service.
        if (now && isUsable(asTimes(now), this.deps.now()) && !options.refresh) return ok({ team: now, fetched: false });
        return grant;
      }
      const at = this.deps.now();
      const fresh: TeamTicket = { ticket: grant.value.ticket, expires_at: at + grant.value.expiresIn * 1000, fetched_at: at, fetched_by: hostname() };
      try {
        await writeTeamTicket(client, keys.ticket, fresh, at);
        await client.publish(keys.channel, keys.tag);
      } catch {
        // fetched under the lock: this machine keeps it; the next member finds none and fetches under the lock
      }
      return ok({ team: fresh, fetched: true });
    });
    return got ?? fail(shareLockTimeout());
  }

  private goodEnough(team: TeamTicket | undefined, options: { refresh?: boolean }, requestedAt: number): boolean {
    if (!team) return false;
    const now = this.deps.now();
    const times = asTimes(team);
    if (!isUsable(times, now)) return false;
    if (team.fetched_at >= requestedAt) return true;
    return !options.refresh && now < refreshAt(times);
  }
}

const asTimes = (t: TeamTicket) => ({ expiresAt: t.expires_at, fetchedAt: t.fetched_at });
