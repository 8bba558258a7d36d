/**
 * The token engine's path for accounts shared through a team Redis (`--share`): the team's lock replaces this
 * machine's file lock (shared-tokens.ts), and what comes of it is remembered and told the way a local fetch's
 * outcome is — the last error per account, `refreshFailed` and `tokenChanged` to every host.
 */
import type { AppEvent } from '../../../../shared/contract';
import type { Account, TokenInfo, TokenSource } from '../../../../shared/models';
import { redactError } from '../../../../shared/redact';
import { fail, type AppError, type Result } from '../../../../shared/result';
import type { RedisStore } from '../../redis/redis-store';
import type { Clock, SecretStore, StoredToken, TokenCache } from '../../types';
import type { TokenGrant } from '../../wechat/wechat-client';
import { SharedTokens } from './shared-tokens';

export interface TeamSourceDeps {
  cache: TokenCache;
  secrets: SecretStore;
  redis: RedisStore;
  now: Clock;
  /** The engine's fetch with backoff. */
  fetch(account: Account, secret: string, force: boolean): Promise<Result<TokenGrant>>;
  /** Per account, the secrets this process sent to WeChat (the engine's): an echo of one is masked. */
  secretsSent: Map<string, Set<string>>;
  /** A usable token of this account in this machine's cache (read afresh). */
  held(account: Account): Promise<StoredToken | undefined>;
  /** The engine's last error per account. */
  lastErrors: Map<string, AppError>;
  emit?: (event: AppEvent) => void;
  /** Tells every host the account's new status. */
  changed(account: Account): Promise<void>;
  toInfo(name: string, token: StoredToken, source: TokenSource, now: number): TokenInfo;
  leaseMs?: number;
  fetchBudgetMs: number;
}

export const isShared = (account: Account): boolean => account.source?.type === 'share';

export class TeamSource {
  private readonly shared: SharedTokens;

  constructor(private readonly deps: TeamSourceDeps) {
    this.shared = new SharedTokens({
      cache: deps.cache,
      secrets: deps.secrets,
      redis: deps.redis,
      now: deps.now,
      fetch: (account, secret, force) => this.fetchGrant(account, secret, force),
      changed: deps.changed,
      toInfo: deps.toInfo,
      leaseMs: deps.leaseMs,
      fetchBudgetMs: deps.fetchBudgetMs,
    });
  }

  /** One fetch with backoff, the secret remembered for masking and no error carrying a credential. */
  private async fetchGrant(account: Account, secret: string, force: boolean): Promise<Result<TokenGrant>> {
    const sent = this.deps.secretsSent.get(account.name) ?? new Set<string>();
    this.deps.secretsSent.set(account.name, sent.add(secret));
    const previous = await this.deps.cache.read(account.name).catch(() => undefined);
    const fetched = await this.deps.fetch(account, secret, force);
    return fetched.ok ? fetched : fail(redactError(fetched.error, [...sent, previous?.accessToken ?? '']));
  }

  async get(account: Account, options: { refresh?: boolean; force?: boolean }): Promise<Result<TokenInfo>> {
    const requestedAt = this.deps.now();
    const result = await this.shared.get(account, await this.deps.held(account), options, requestedAt);
    if (result.ok) this.deps.lastErrors.delete(account.name);
    else {
      this.deps.lastErrors.set(account.name, result.error);
      this.deps.emit?.({ name: 'refreshFailed', payload: { account: account.name, error: result.error } });
    }
    return result;
  }

  /** A member stored a new team token (pub/sub): take it in, tell every host. */
  adopt(account: Account): Promise<boolean> {
    return this.shared.adopt(account);
  }

  /** Compare-and-expire in the team Redis (this machine's cache is the engine's to check). */
  expireIfCurrent(account: Account, usedToken: string): Promise<void> {
    return this.shared.expireIfCurrent(account, usedToken);
  }

  /** After 45009 the user resumes fetching for the whole team. */
  resume(account: Account): Promise<void> {
    return this.shared.resume(account);
  }
}
