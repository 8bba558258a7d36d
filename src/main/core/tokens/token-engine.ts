/**
 * Gets access_tokens: from the cache while they are good, otherwise by one fetch per AppID at a time —
 * inside this process (single flight) and across processes (a file lock, then the cache is read again,
 * since another process may have fetched while this one waited). Accounts shared through a team Redis take the
 * team's path instead (share/team-source.ts); observed and pasted ones are only read (sources/read-only-tokens.ts).
 */
import { createHash } from 'node:crypto';
import type { AppEvent } from '../../../shared/contract';
import { appError, withDetail } from '../../../shared/errors/errors';
import { fetchModeOf, readOnlySource, type Account, type TokenInfo, type TokenSource, type TokenStatus } from '../../../shared/models';
import { maskToken, redactError } from '../../../shared/redact';
import { AppFailure, fail, ok, type AppError, type Result } from '../../../shared/result';
import { forceAllowance, isUsable, refreshAt, tokenState } from './refresh-policy';
import { secretItem } from '../keychain/secret-items';
import { SingleFlight } from './single-flight';
import { ReadOnlyTokens } from './sources/read-only-tokens';
import { notPaste } from './sources/source-errors';
import { isShared, TeamSource } from './share/team-source';
import { sourceKeyOf } from './sources/source-key';
import type { RedisStore } from '../redis/redis-store';
import type { Clock, ProcessLock, SecretStore, StoredToken, TokenCache } from '../types';
import { isTransient, type TokenGrant } from '../wechat/wechat-client';
import { fetchWithBackoff, type RetryPolicy } from './fetch-backoff';

export type { RetryPolicy } from './fetch-backoff';

export interface TokenEngineDeps {
  accounts: { get(name: string): Promise<Result<Account>>; peek?(name: string): Account | undefined };
  secrets: SecretStore;
  cache: TokenCache;
  lock: ProcessLock;
  client: { fetchToken(account: Account, secret: string, force?: boolean): Promise<Result<TokenGrant>> };
  now?: Clock;
  emit?: (event: AppEvent) => void;
  retry?: RetryPolicy;
  /** Saved Redis connections: needed by accounts whose token is observed or shared in Redis. */
  redis?: RedisStore;
  /** The team fetch lock's lease (shared accounts); default 15 s. */
  shareLeaseMs?: number;
}

export interface GetTokenOptions {
  /** Ask WeChat again now: stable and WeCom are safe; classic only fetches once the token is due. */
  refresh?: boolean;
  /** Classic: a new token (the previous one dies 5 minutes later). Stable: force_refresh (20 a day). */
  force?: boolean;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxTotalMs: 20_000 };

export class TokenEngine {
  private readonly now: Clock;
  private readonly retry: RetryPolicy;
  private readonly flights = new SingleFlight<Result<TokenInfo>>();
  private readonly lastErrors = new Map<string, AppError>();
  /** Per account, the secrets this process sent to WeChat: an echo of one is masked wherever it appears. */
  private readonly secretsSent = new Map<string, Set<string>>();
  /** Observed and pasted tokens: read, never fetched. */
  private readonly readOnly?: ReadOnlyTokens;
  /** Shared through a team Redis: one fetch for the team. */
  private readonly team?: TeamSource;

  constructor(private readonly deps: TokenEngineDeps) {
    this.now = deps.now ?? Date.now;
    this.retry = deps.retry ?? DEFAULT_RETRY;
    if (deps.redis) {
      this.readOnly = new ReadOnlyTokens({
        cache: deps.cache,
        secrets: deps.secrets,
        redis: deps.redis,
        now: this.now,
        emit: deps.emit,
        changed: async (account) => this.deps.emit?.({ name: 'tokenChanged', payload: await this.buildStatus(account) }),
        toInfo: (name, token, now) => toInfo(name, token, 'cache', now),
      });
      this.team = new TeamSource({
        cache: deps.cache,
        secrets: deps.secrets,
        redis: deps.redis,
        now: this.now,
        fetch: (account, secret, force) => this.fetchWithBackoff(account, secret, force),
        secretsSent: this.secretsSent,
        held: (account) => this.readUsable(account, true),
        lastErrors: this.lastErrors,
        emit: deps.emit,
        changed: async (account) => this.deps.emit?.({ name: 'tokenChanged', payload: await this.buildStatus(account) }),
        toInfo,
        leaseMs: deps.shareLeaseMs,
        fetchBudgetMs: this.retry.maxTotalMs,
      });
    }
  }

  getToken(name: string, options: GetTokenOptions = {}): Promise<Result<TokenInfo>> {
    const hit = options.refresh || options.force ? undefined : this.memoryHit(name);
    return hit ? Promise.resolve(ok(hit)) : this.lookUp(name, options);
  }

  /**
   * A cache hit straight from memory: the account and the decrypted token as both stores hold them while their
   * files are known unchanged. The same test as below, without a dozen awaits: `/v1/token` and the desktop
   * app ask for tokens all the time.
   */
  private memoryHit(name: string): TokenInfo | undefined {
    const account = this.deps.accounts.peek?.(name);
    const cached = account && this.deps.cache.peek?.(name);
    if (!account || !cached || !sameOrigin(account, cached)) return undefined;
    const now = this.now();
    return isUsable(cached, now) && now < dueAt(cached) ? toInfo(name, cached, 'cache', now) : undefined;
  }

  private async lookUp(name: string, options: GetTokenOptions): Promise<Result<TokenInfo>> {
    return guard(async () => {
      const account = await this.account(name);
      if (readOnlySource(account.source)) return this.readOnlyToken(account, options);
      if (!options.refresh && !options.force) {
        const cached = await this.readUsable(account);
        if (cached && this.now() < refreshAt(cached)) return ok(toInfo(name, cached, 'cache', this.now()));
      }
      // Shared: the team Redis's lock replaces this machine's file lock.
      if (isShared(account) && this.team) return this.team.get(account, options);
      const key = lockKey(account);
      const flightKey = `${key}|${options.force ? 'force' : options.refresh ? 'refresh' : 'get'}`;
      const requestedAt = this.now();
      return this.flights.run(flightKey, () =>
        this.deps.lock.withLock(key, () => guard(() => this.fetchUnderLock(account, options, requestedAt))),
      );
    });
  }

  /** A member stored a new team token (pub/sub): take it in, tell every host. */
  async adoptShared(name: string): Promise<boolean> {
    const account = this.deps.accounts.peek?.(name) ?? (await this.account(name));
    return isShared(account) && this.team ? this.team.adopt(account) : false;
  }

  /** Observed or pasted: never fetched here, whatever is asked. */
  private async readOnlyToken(account: Account, options: GetTokenOptions): Promise<Result<TokenInfo>> {
    if (!this.readOnly) return fail(appError('unsupported'));
    const result = await this.readOnly.get(account, await this.readMatching(account, options.refresh), options);
    if (result.ok) this.lastErrors.delete(account.name);
    else if (result.error.code !== 'read_only_source') this.lastErrors.set(account.name, result.error);
    return result;
  }

  /** A token pasted by hand (accounts whose source is `paste` only). */
  async setToken(name: string, token: string, expiresIn = 7200): Promise<Result<TokenStatus>> {
    return guard(async () => {
      const account = await this.account(name);
      if (account.source?.type !== 'paste' || !this.readOnly) return fail(notPaste(name));
      await this.readOnly.set(account, token, expiresIn);
      this.lastErrors.delete(name);
      const status = await this.buildStatus(account);
      this.deps.emit?.({ name: 'tokenChanged', payload: status });
      return ok(status);
    });
  }

  /** Drops the cached token only if it is still the one that failed, so a fresher one is never thrown away. */
  async expireIfCurrent(name: string, usedToken: string): Promise<void> {
    const account = await this.account(name);
    if (readOnlySource(account.source) && this.readOnly) return this.readOnly.rejectedToken(account, usedToken);
    if (isShared(account) && this.team) await this.team.expireIfCurrent(account, usedToken);
    await this.deps.lock.withLock(lockKey(account), async () => {
      const cached = await this.deps.cache.read(name, { fresh: true });
      if (cached?.accessToken === usedToken) await this.deps.cache.delete(name);
    });
  }

  async status(name: string): Promise<Result<TokenStatus>> {
    return guard(async () => ok(await this.buildStatus(await this.account(name))));
  }

  /** After 45009 the user says when fetching may start again. */
  async resume(name: string): Promise<Result<TokenStatus>> {
    return guard(async () => {
      const account = await this.account(name);
      if (isShared(account) && this.team) await this.team.resume(account);
      const state = await this.deps.cache.readState(name);
      await this.deps.cache.writeState(name, { ...state, blockedAt: undefined });
      this.lastErrors.delete(name);
      return ok(await this.buildStatus(account));
    });
  }

  /**
   * When the cached token is due for a refresh in the background, if ever. Never for classic tokens: each
   * classic fetch invalidates the token other programs use (production, say), so a classic token is
   * fetched only when somebody asks for one — not all night by an app left open.
   */
  async dueAt(name: string): Promise<number | undefined> {
    const cached = await this.deps.cache.read(name);
    // Nor for tokens read from elsewhere: whoever keeps them renews them.
    return cached && cached.mode !== 'classic' && (!cached.origin || cached.origin.type === 'share') ? refreshAt(cached) : undefined;
  }

  /** The last failed fetch for this account in this process, if it came after the current token. */
  lastError(name: string): AppError | undefined {
    return this.lastErrors.get(name);
  }

  /**
   * The credential values of this account that this process knows: the stored secret and every secret it
   * sent for it, and the cached token with the one it replaced. Whatever WeChat echoes of these is masked before it surfaces.
   */
  async knownValues(name: string): Promise<string[]> {
    const [cached, stored] = await Promise.all([
      this.deps.cache.read(name).catch(() => undefined),
      this.deps.secrets.get(secretItem(name)).catch(() => undefined),
    ]);
    const tokens = cached ? [cached.accessToken, cached.previousToken ?? ''] : [];
    return [...(this.secretsSent.get(name) ?? []), stored ?? '', ...tokens].filter(Boolean);
  }

  /** A new secret may cure a failure (a wrong secret, say): the old error no longer describes the account. */
  secretChanged(name: string): void {
    this.lastErrors.delete(name);
  }

  async forget(name: string): Promise<void> {
    this.lastErrors.delete(name);
    this.readOnly?.forget(name);
    this.secretsSent.delete(name);
    await this.deps.cache.delete(name);
    await this.deps.cache.writeState(name, {});
  }

  private async fetchUnderLock(account: Account, options: GetTokenOptions, requestedAt: number): Promise<Result<TokenInfo>> {
    const name = account.name;
    const mode = fetchModeOf(account);
    const cached = await this.readUsable(account, true);
    if (cached) {
      // Another caller (maybe another process) fetched while this one waited for the lock.
      const freshSinceAsked = cached.fetchedAt >= requestedAt;
      const due = this.now() >= refreshAt(cached);
      const classicRefresh = options.refresh && !options.force && mode === 'classic';
      if (freshSinceAsked || (!options.refresh && !options.force && !due) || (classicRefresh && !due)) {
        return ok(toInfo(name, cached, 'cache', this.now()));
      }
    }
    // A refresh ahead of expiry that met a final error (40164, a wrong secret …) is not tried again while
    // the old token lasts: retrying those only burns quota. The user's explicit refresh still asks.
    const lastError = this.lastErrors.get(name);
    if (cached && lastError && !isTransient(lastError) && !options.refresh && !options.force) {
      return ok(toInfo(name, cached, 'cache', this.now()));
    }
    const state = await this.deps.cache.readState(name);
    if (state.blockedAt !== undefined) {
      if (cached && !options.force) return ok(toInfo(name, cached, 'cache', this.now()));
      return fail(appError('fetch_blocked'));
    }
    const forcing = options.force === true;
    const allowance = forceAllowance(state.forceTimes, this.now());
    if (forcing && mode === 'stable' && (allowance.left === 0 || allowance.nextAt !== undefined)) {
      const why = allowance.left === 0 ? '0 left today' : `next in ${Math.ceil((allowance.nextAt! - this.now()) / 1000)} s`;
      return fail(appError('force_limited', { message: withDetail(appError('force_limited').message, why) }));
    }
    const secret = await this.deps.secrets.get(secretItem(name));
    if (!secret) return fail(appError('secret_missing'));

    const sent = this.secretsSent.get(name) ?? new Set<string>();
    this.secretsSent.set(name, sent.add(secret));
    const previous = await this.deps.cache.read(name, { fresh: true });
    const fetched = await this.fetchWithBackoff(account, secret, forcing && mode !== 'classic');
    const grant = fetched.ok ? fetched : fail<TokenGrant>(redactError(fetched.error, [...sent, previous?.accessToken ?? '', previous?.previousToken ?? '']));
    if (!grant.ok) {
      if (grant.error.errcode === 45009) await this.deps.cache.writeState(name, { ...state, blockedAt: this.now() });
      this.lastErrors.set(name, grant.error);
      this.deps.emit?.({ name: 'refreshFailed', payload: { account: name, error: grant.error } });
      // A refresh ahead of expiry that failed leaves a still-valid token in service.
      if (cached && !options.force && !options.refresh && isUsable(cached, this.now())) {
        return ok(toInfo(name, cached, 'cache', this.now()));
      }
      return grant;
    }
    const receivedAt = this.now();
    const stored: StoredToken = {
      accessToken: grant.value.accessToken,
      expiresAt: receivedAt + grant.value.expiresIn * 1000,
      fetchedAt: receivedAt,
      mode,
      appid: account.appid,
      apiBase: account.apiBase,
      ...(previous && previous.accessToken !== grant.value.accessToken ? { previousToken: previous.accessToken } : {}),
    };
    await this.deps.cache.write(name, stored);
    if (forcing && mode === 'stable') await this.deps.cache.writeState(name, { ...state, forceTimes: [...allowance.today, receivedAt] });
    this.lastErrors.delete(name);
    this.deps.emit?.({ name: 'tokenChanged', payload: await this.buildStatus(account) });
    return ok(toInfo(name, stored, 'fetch', receivedAt));
  }

  /** -1, 5xx, resets, timeouts: bounded exponential backoff (fetch-backoff.ts). */
  private fetchWithBackoff(account: Account, secret: string, force: boolean): Promise<Result<TokenGrant>> {
    return fetchWithBackoff((a, s, f) => this.deps.client.fetchToken(a, s, f), account, secret, force, this.retry, this.now);
  }

  private async buildStatus(account: Account): Promise<TokenStatus> {
    const name = account.name;
    const now = this.now();
    const cached = await this.readMatching(account);
    const state = await this.deps.cache.readState(name);
    const lastError = this.lastErrors.get(name);
    const usable = cached && isUsable(cached, now) ? cached : undefined;
    const mode = fetchModeOf(account);
    const allowance = mode === 'stable' ? forceAllowance(state.forceTimes, now) : undefined;
    return {
      account: name,
      state: tokenState(cached, now, lastError),
      mode,
      ...(usable ? { masked: maskToken(usable.accessToken), source: 'cache' as const } : {}),
      ...(cached?.origin ? { origin: cached.origin } : {}),
      ...(cached ? { expiresAt: cached.expiresAt, fetchedAt: cached.fetchedAt } : {}),
      ...(lastError ? { lastError } : {}),
      fetchBlocked: state.blockedAt !== undefined,
      ...(allowance ? { forceLeft: allowance.left, ...(allowance.nextAt ? { forceNextAt: allowance.nextAt } : {}) } : {}),
    };
  }

  /** The cached token, if it was fetched for this account's current AppID, base URL and mode. */
  private async readMatching(account: Account, fresh = false): Promise<StoredToken | undefined> {
    const cached = await this.deps.cache.read(account.name, { fresh });
    return cached && sameOrigin(account, cached) ? cached : undefined;
  }

  private async readUsable(account: Account, fresh = false): Promise<StoredToken | undefined> {
    const cached = await this.readMatching(account, fresh);
    return cached && isUsable(cached, this.now()) ? cached : undefined;
  }

  private async account(name: string): Promise<Account> {
    const found = await this.deps.accounts.get(name);
    if (!found.ok) throw new AppFailure(found.error);
    return found.value;
  }
}

/**
 * One lock per AppID and token kind (classic and stable tokens are isolated). WeCom has one token per app
 * (secret), and each app is its own account here: one lock per account.
 */
function lockKey(account: Account): string {
  const mode = fetchModeOf(account);
  if (mode !== 'wecom') return `token-${mode}-${account.appid.toLowerCase()}`;
  const app = createHash('sha256').update(account.name).digest('hex').slice(0, 12);
  return `token-wecom-${account.appid.toLowerCase()}-${app}`;
}

/** Whether a cached token was fetched for this account's current AppID, base URL, mode and token source. */
function sameOrigin(account: Account, cached: StoredToken): boolean {
  return (
    cached.appid === account.appid &&
    cached.apiBase === account.apiBase &&
    cached.mode === fetchModeOf(account) &&
    (cached.origin?.type ?? 'local') === (account.source?.type ?? 'local') &&
    cached.sourceKey === sourceKeyOf(account)
  );
}

/** When a cached token is to be looked for again: a token read from elsewhere only once it expires (its keeper renews it). */
function dueAt(cached: StoredToken): number {
  return cached.origin && cached.origin.type !== 'share' ? cached.expiresAt : refreshAt(cached);
}

function toInfo(name: string, token: StoredToken, source: TokenSource, now: number): TokenInfo {
  return {
    account: name,
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    fetchedAt: token.fetchedAt,
    expiresIn: Math.max(0, Math.floor((token.expiresAt - now) / 1000)),
    mode: token.mode,
    source,
    ...(token.origin ? { origin: token.origin } : {}),
  };
}

/** Turns an AppFailure thrown anywhere below (keychain, storage) back into a value. */
export async function guard<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppFailure) return fail(err.error);
    throw err;
  }
}
