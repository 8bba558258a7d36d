/**
 * Tokens wxtoken reads but never fetches: observed in a production Redis, observed at another server's URL,
 * or pasted by hand. Kept in the same encrypted cache as fetched tokens (so `/v1/token`'s memory fast path
 * serves them), tagged with where they came from. Nothing here can reach a WeChat token endpoint.
 *
 * After WeChat rejects a token (40001/42001), the source is read again once: a different token is used, the
 * same one is an error that says production's token is stale and where it was read.
 */
import type { AppEvent } from '../../../../shared/contract';
import { fetchModeOf, type Account, type TokenInfo, type TokenOrigin } from '../../../../shared/models';
import { fail, ok, type Result } from '../../../../shared/result';
import { secretItem } from '../../keychain/secret-items';
import { resolveRedis } from '../../redis/redis-target';
import type { RedisStore } from '../../redis/redis-store';
import type { Clock, SecretStore, StoredToken, TokenCache } from '../../types';
import { SingleFlight } from '../single-flight';
import { readObserved, type SourceRead } from './observe-redis';
import { readObservedUrl } from './observe-url';
import { sourceKeyOf } from './source-key';
import { noForce, pastedGone, stale, type Where } from './source-errors';

/** A value with no expiry anywhere is read again after this long. */
export const UNKNOWN_EXPIRY_MS = 60_000;

export interface ReadOnlyDeps {
  cache: TokenCache;
  secrets: SecretStore;
  redis: RedisStore;
  now: Clock;
  emit?: (event: AppEvent) => void;
  /** Says the account has a new token (the engine builds the status every host is sent). */
  changed(account: Account): Promise<void>;
  /** Turns a cached token into the answer (the engine's own). */
  toInfo(name: string, token: StoredToken, now: number): TokenInfo;
}

export interface ReadOptions {
  refresh?: boolean;
  force?: boolean;
}

export class ReadOnlyTokens {
  private readonly flights = new SingleFlight<Result<TokenInfo>>();
  /** Per account, the tokens WeChat rejected in this process, and where each was read. */
  private readonly rejected = new Map<string, Map<string, Where | undefined>>();

  constructor(private readonly deps: ReadOnlyDeps) {}

  async get(account: Account, cached: StoredToken | undefined, options: ReadOptions): Promise<Result<TokenInfo>> {
    const name = account.name;
    if (options.force) return fail(noForce(name));
    const now = this.deps.now();
    const source = account.source!;
    if (source.type === 'paste') {
      if (cached && now < cached.expiresAt) return ok(this.deps.toInfo(name, cached, now));
      return fail(pastedGone(name, cached?.expiresAt));
    }
    if (cached && !options.refresh && now < cached.expiresAt) return ok(this.deps.toInfo(name, cached, now));
    return this.flights.run(`${name}|${options.refresh ? 'refresh' : 'get'}`, () => this.read(account, cached, options));
  }

  /** WeChat rejected `token`: the next read must find another one, or say the source's token is stale. */
  async rejectedToken(account: Account, token: string): Promise<void> {
    const cached = await this.deps.cache.read(account.name, { fresh: true });
    const list = this.rejected.get(account.name) ?? new Map<string, Where | undefined>();
    list.set(token, cached?.accessToken === token ? whereOf(cached.origin) : undefined);
    this.rejected.set(account.name, list);
    if (cached?.accessToken === token) await this.deps.cache.delete(account.name);
  }

  forget(name: string): void {
    this.rejected.delete(name);
  }

  /** A pasted token: kept until `expiresIn` seconds from now. */
  async set(account: Account, accessToken: string, expiresIn: number): Promise<TokenInfo> {
    const now = this.deps.now();
    const stored = this.stored(account, accessToken, now + expiresIn * 1000, now, { type: 'paste' });
    await this.deps.cache.write(account.name, stored);
    this.rejected.get(account.name)?.delete(accessToken);
    return this.deps.toInfo(account.name, stored, now);
  }

  private async read(account: Account, cached: StoredToken | undefined, options: ReadOptions): Promise<Result<TokenInfo>> {
    const name = account.name;
    const got = await this.readSource(account);
    const now = this.deps.now();
    if (!got.ok) {
      // The source is down (Redis unreachable, say): a token this machine holds that is still valid serves on.
      if (cached && !options.refresh && now < cached.expiresAt) return ok(this.deps.toInfo(name, cached, now));
      this.deps.emit?.({ name: 'refreshFailed', payload: { account: name, error: got.error } });
      return got;
    }
    const read = got.value;
    const refused = this.rejected.get(name);
    if (refused?.has(read.accessToken)) return fail(stale(read.where));
    const origin: TokenOrigin = { type: account.source!.type, where: whereName(account), ...(read.key ? { key: read.key } : {}) };
    const stored = this.stored(account, read.accessToken, read.expiresAt ?? now + UNKNOWN_EXPIRY_MS, now, origin);
    await this.deps.cache.write(name, stored);
    if (cached?.accessToken !== read.accessToken) await this.deps.changed(account);
    return ok(this.deps.toInfo(name, stored, now));
  }

  private async readSource(account: Account): Promise<Result<SourceRead>> {
    const source = account.source!;
    if (source.type === 'observe') {
      const redis = await resolveRedis(this.deps.redis, this.deps.secrets, source.redis);
      if (!redis.ok) return redis;
      // EasyWeChat's keys hold (a hash of) the AppSecret: read it only for those formats.
      const secret = source.format.startsWith('easywechat') ? await this.deps.secrets.get(secretItem(account.name)) : undefined;
      return readObserved(account, source, redis.value, secret, this.deps.now);
    }
    if (source.type === 'observe-url') return readObservedUrl(account, source, this.deps.secrets, this.deps.now);
    return fail(noForce(account.name));
  }

  private stored(account: Account, accessToken: string, expiresAt: number, now: number, origin: TokenOrigin): StoredToken {
    return { accessToken, expiresAt, fetchedAt: now, mode: fetchModeOf(account), appid: account.appid, apiBase: account.apiBase, origin, sourceKey: sourceKeyOf(account) };
  }
}

function whereName(account: Account): string | undefined {
  const source = account.source;
  if (!source) return undefined;
  return source.type === 'observe' || source.type === 'share' ? source.redis : source.type === 'observe-url' ? source.url : undefined;
}

function whereOf(origin: TokenOrigin | undefined): Where | undefined {
  if (!origin?.where) return undefined;
  const text = origin.key ? `${origin.key} @ ${origin.where}` : origin.where;
  return { zh: text, en: text };
}
