/**
 * One fetch for the whole team: the token lives in a team Redis under wxtoken's keys, and whoever finds it
 * missing or due fetches it under a lock per AppID and token kind (SET NX PX with an owner id, renewed
 * while held, released by compare-and-delete), reading the team token again once the lock is theirs.
 * In-process single flight in front, so one process makes one Redis round trip.
 *
 * Redis unreachable: a still-valid token this machine holds serves on; nothing is ever fetched outside the
 * lock (the race this exists to prevent). No AppSecret ever goes to Redis.
 */
import { hostname } from 'node:os';
import { appError, withDetail } from '../../../../shared/errors/errors';
import { fetchModeOf, type Account, type TokenInfo } from '../../../../shared/models';
import { AppFailure, fail, ok, type AppError, type Result } from '../../../../shared/result';
import { secretItem } from '../../keychain/secret-items';
import { withRedis, type RedisClient } from '../../redis/redis-client';
import type { RedisStore } from '../../redis/redis-store';
import type { Clock, FetchState, SecretStore, StoredToken, TokenCache } from '../../types';
import type { TokenGrant } from '../../wechat/wechat-client';
import { forceAllowance, isUsable, refreshAt } from '../refresh-policy';
import { SingleFlight } from '../single-flight';
import { sourceKeyOf } from '../sources/source-key';
import { EXPIRE_IF_SCRIPT, shareKeys, type ShareKeys } from './share-keys';
import { isRedisTrouble, newOwner, teamRedis, underTeamLock } from './team-redis';
import { readTeamState, readTeamToken, writeTeamState, writeTeamToken, type TeamToken } from './team-token';
import { noMemberFetched, redisDown, shareLockTimeout, wecomNeedsAgent } from './share-errors';

export interface SharedDeps {
  cache: TokenCache;
  secrets: SecretStore;
  redis: RedisStore;
  now: Clock;
  /** The engine's fetch (backoff, redaction): called only while this process holds the team lock. */
  fetch(account: Account, secret: string, force: boolean): Promise<Result<TokenGrant>>;
  changed(account: Account): Promise<void>;
  toInfo(name: string, token: StoredToken, source: 'cache' | 'fetch', now: number): TokenInfo;
  /** The lock's lease; a holder that dies frees it after this long. Default 15 s. */
  leaseMs?: number;
  /** The longest a fetch (with its retries) takes. */
  fetchBudgetMs: number;
}

export interface ShareOptions {
  refresh?: boolean;
  force?: boolean;
}

type Got = { team: TeamToken; fetched: boolean };

export class SharedTokens {
  private readonly flights = new SingleFlight<Result<TokenInfo>>();
  private readonly owner = newOwner();
  private readonly leaseMs: number;

  constructor(private readonly deps: SharedDeps) {
    this.leaseMs = deps.leaseMs ?? 15_000;
  }

  get(account: Account, local: StoredToken | undefined, options: ShareOptions, requestedAt: number): Promise<Result<TokenInfo>> {
    if (account.kind === 'wecom' && !(account.source?.type === 'share' && account.source.agentid)) return Promise.resolve(fail(wecomNeedsAgent()));
    const kind = options.force ? 'force' : options.refresh ? 'refresh' : 'get';
    return this.flights.run(`${account.name}|${kind}`, () => this.viaRedis(account, local, options, requestedAt));
  }

  /** Compare-and-expire in Redis: the team token goes only if it is still the one that failed. */
  async expireIfCurrent(account: Account, usedToken: string): Promise<void> {
    const target = await this.target(account);
    if (!target.ok) return;
    await withRedis(target.value.target, ({ client }) => client.eval(EXPIRE_IF_SCRIPT, 1, target.value.keys.token, usedToken)).catch(() => undefined);
  }

  /** Another member stored a new token (pub/sub): take it into this machine's cache. */
  async adopt(account: Account): Promise<boolean> {
    const target = await this.target(account);
    if (!target.ok) return false;
    const team = await withRedis(target.value.target, ({ client }) => readTeamToken(client, target.value.keys)).catch(() => undefined);
    if (!team || !isUsable(asTimes(team), this.deps.now())) return false;
    await this.keep(account, team);
    return true;
  }

  /** After 45009 the user resumes fetching for the whole team. */
  async resume(account: Account): Promise<void> {
    const target = await this.target(account);
    if (!target.ok) throw new AppFailure(target.error);
    await withRedis(target.value.target, async ({ client }) => {
      const state = await readTeamState(client, target.value.keys);
      await writeTeamState(client, target.value.keys, { ...state, blockedAt: undefined });
    });
  }

  private async target(account: Account) {
    const resolved = await teamRedis(this.deps.redis, this.deps.secrets, account);
    return resolved.ok ? ok({ ...resolved.value, keys: shareKeys(account, resolved.value.prefix) }) : resolved;
  }

  private async viaRedis(account: Account, local: StoredToken | undefined, options: ShareOptions, requestedAt: number): Promise<Result<TokenInfo>> {
    const target = await this.target(account);
    if (!target.ok) return target;
    const deadline = this.leaseMs + 2 * this.deps.fetchBudgetMs + 5_000;
    let got: Result<Got>;
    try {
      got = await withRedis(target.value.target, ({ client }) => this.underRedis(client, account, target.value.keys, options, requestedAt), deadline);
    } catch (err) {
      if (!(err instanceof AppFailure) || !isRedisTrouble(err.error)) throw err;
      const now = this.deps.now();
      // Never fetch outside the team lock; a token this machine still holds serves on.
      if (local && isUsable(local, now) && !options.force && !options.refresh) return ok(this.deps.toInfo(account.name, local, 'cache', now));
      return fail(redisDown(err.error));
    }
    if (!got.ok) return got;
    const stored = await this.keep(account, got.value.team, local);
    return ok(this.deps.toInfo(account.name, stored, got.value.fetched ? 'fetch' : 'cache', this.deps.now()));
  }

  /** The team token in this machine's cache, and every host told when it is new here. */
  private async keep(account: Account, team: TeamToken, local?: StoredToken): Promise<StoredToken> {
    const source = account.source as { redis: string };
    const stored: StoredToken = {
      accessToken: team.access_token,
      expiresAt: team.expires_at,
      fetchedAt: team.fetched_at,
      mode: fetchModeOf(account),
      appid: account.appid,
      apiBase: account.apiBase,
      origin: { type: 'share', where: source.redis, fetchedBy: team.fetched_by },
      sourceKey: sourceKeyOf(account),
    };
    const current = local ?? (await this.deps.cache.read(account.name, { fresh: true }));
    if (current?.accessToken !== stored.accessToken || current.expiresAt !== stored.expiresAt) {
      await this.deps.cache.write(account.name, stored);
      await this.deps.changed(account);
    }
    return stored;
  }

  private async underRedis(client: RedisClient, account: Account, keys: ShareKeys, options: ShareOptions, requestedAt: number): Promise<Result<Got>> {
    const team = await readTeamToken(client, keys);
    if (this.goodEnough(team, account, options, requestedAt)) return ok({ team: team!, fetched: false });
    const secret = await this.deps.secrets.get(secretItem(account.name));
    if (!secret) {
      // A member without the AppSecret reads the team's token, and says so plainly when there is none.
      if (team && isUsable(asTimes(team), this.deps.now())) return ok({ team, fetched: false });
      return fail(noMemberFetched((account.source as { redis: string }).redis, account.appid));
    }
    const lock = { key: keys.lock, owner: this.owner, leaseMs: this.leaseMs, waitUntil: this.deps.now() + this.leaseMs + this.deps.fetchBudgetMs + 2_000, now: this.deps.now };
    const landed = async (): Promise<Result<Got> | undefined> => {
      const t = await readTeamToken(client, keys);
      return t && t.fetched_at >= requestedAt && isUsable(asTimes(t), this.deps.now()) ? ok({ team: t, fetched: false }) : undefined;
    };
    const got = await underTeamLock(client, lock, landed, async () => {
      // Another member may have fetched while this one waited for the lock.
      const now = await readTeamToken(client, keys);
      if (this.goodEnough(now, account, options, requestedAt)) return ok({ team: now!, fetched: false });
      return this.fetchUnderLock(client, account, keys, secret, options, now);
    });
    return got ?? fail(shareLockTimeout());
  }

  private async fetchUnderLock(client: RedisClient, account: Account, keys: ShareKeys, secret: string, options: ShareOptions, team: TeamToken | undefined): Promise<Result<Got>> {
    const now = this.deps.now();
    const usable = team && isUsable(asTimes(team), now) ? team : undefined;
    const mode = fetchModeOf(account);
    const state = await readTeamState(client, keys);
    // Mirrored into this machine's fetch state, so the status (the 45009 notice, force refreshes left) shows the team's.
    await this.deps.cache.writeState(account.name, state);
    if (state.blockedAt !== undefined) {
      if (usable && !options.force) return ok({ team: usable, fetched: false });
      return fail(appError('fetch_blocked'));
    }
    const allowance = forceAllowance(state.forceTimes, now);
    if (options.force && mode === 'stable' && (allowance.left === 0 || allowance.nextAt !== undefined)) {
      const why = allowance.left === 0 ? '0 left today (team)' : `next in ${Math.ceil((allowance.nextAt! - now) / 1000)} s (team)`;
      return fail(appError('force_limited', { message: withDetail(appError('force_limited').message, why) }));
    }
    const grant = await this.deps.fetch(account, secret, options.force === true && mode !== 'classic');
    if (!grant.ok) {
      if (grant.error.errcode === 45009) await this.saveState(client, account, keys, { ...state, blockedAt: this.deps.now() });
      if (usable && !options.force && !options.refresh) return ok({ team: usable, fetched: false });
      return grant;
    }
    const at = this.deps.now();
    const fresh: TeamToken = { access_token: grant.value.accessToken, expires_at: at + grant.value.expiresIn * 1000, fetched_at: at, fetched_by: hostname() };
    // Fetched under the lock: this process keeps it even if Redis fails now.
    try {
      await writeTeamToken(client, keys, fresh, at);
      if (options.force && mode === 'stable') await this.saveState(client, account, keys, { ...state, forceTimes: [...allowance.today, at] });
      await client.publish(keys.channel, keys.tag);
    } catch {
      // the next member finds no team token and fetches under the lock
    }
    return ok({ team: fresh, fetched: true });
  }

  private async saveState(client: RedisClient, account: Account, keys: ShareKeys, state: FetchState): Promise<void> {
    await this.deps.cache.writeState(account.name, state);
    await writeTeamState(client, keys, state);
  }

  /** The team token will do: usable, and not due (or already fetched since this caller asked). */
  private goodEnough(team: TeamToken | undefined, account: Account, options: ShareOptions, requestedAt: number): boolean {
    if (!team) return false;
    const now = this.deps.now();
    const times = asTimes(team);
    if (!isUsable(times, now)) return false;
    if (team.fetched_at >= requestedAt) return true;
    const due = now >= refreshAt(times);
    if (options.force) return false;
    // Classic: an explicit refresh only fetches once the token is due (a fetch kills the token others use).
    if (options.refresh) return fetchModeOf(account) === 'classic' && !due;
    return !due;
  }
}

const asTimes = (t: TeamToken) => ({ expiresAt: t.expires_at, fetchedAt: t.fetched_at });
