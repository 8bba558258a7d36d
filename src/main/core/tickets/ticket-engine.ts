/**
 * JS-SDK tickets, kept like tokens (issue 11): from the encrypted cache while good, refreshed ahead of expiry,
 * and fetched by one caller at a time per AppID and ticket type — inside this process (single flight) and across
 * processes (the same file lock as tokens, then the cache is read again). Ticket calls are limited per day, so a
 * ticket is never fetched twice in its lifetime. A fetch uses the account's token; a token error on it (40001 …)
 * expires that token only if it is still the cached one, and the fetch is tried once more with a fresh token.
 * An account with `--share` keeps its tickets in the team Redis as it keeps its token (shared-tickets.ts).
 */
import { createHash } from 'node:crypto';
import { appError, wechatPolicy, withDetail } from '../../../shared/errors/errors';
import { fetchModeOf, type Account } from '../../../shared/models';
import { AppFailure, fail, ok, type AppError, type Result } from '../../../shared/result';
import type { TicketInfo, TicketType } from '../../../shared/toolbox/models';
import { guard, type RetryPolicy, type TokenEngine } from '../tokens/token-engine';
import { isUsable, refreshAt } from '../tokens/refresh-policy';
import { SingleFlight } from '../tokens/single-flight';
import type { RedisStore } from '../redis/redis-store';
import type { Clock, ProcessLock, SecretStore, StoredToken, TokenCache } from '../types';
import { isTransient } from '../wechat/wechat-client';
import { SharedTickets } from './shared-tickets';
import { fetchTicket, ticketPath, type TicketGrant } from './ticket-client';

export interface TicketEngineDeps {
  accounts: { get(name: string): Promise<Result<Account>>; list(): Promise<Result<Account[]>>; peek?(name: string): Account | undefined };
  tokens: Pick<TokenEngine, 'getToken' | 'expireIfCurrent'>;
  /** tickets.json: the token cache's format and key, another file. `accessToken` holds the ticket. */
  cache: TokenCache;
  lock: ProcessLock;
  now?: Clock;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Told `account|type` after each fetch, so a long-lived host can plan the next refresh. */
  onFetched?: (key: string) => void;
  /** Accounts with `--share` keep their tickets in the team Redis: its connections, and the keychain for their passwords. */
  share?: { redis: RedisStore; secrets: SecretStore; leaseMs?: number };
}

/** A ticket the checker may compare a signature with. */
export interface HeldTicket {
  ticket: string;
  kind: 'current' | 'previous' | 'other';
  account?: string;
  appid?: string;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxTotalMs: 20_000 };

export class TicketEngine {
  private readonly now: Clock;
  private readonly retry: RetryPolicy;
  private readonly flights = new SingleFlight<Result<TicketInfo>>();
  private readonly shared?: SharedTickets;

  constructor(private readonly deps: TicketEngineDeps) {
    this.now = deps.now ?? Date.now;
    this.retry = deps.retry ?? DEFAULT_RETRY;
    if (deps.share) {
      this.shared = new SharedTickets({
        cache: deps.cache,
        ...deps.share,
        now: this.now,
        fetch: (account, type) => this.fetchFresh(account, type),
        toInfo,
        fetchBudgetMs: this.retry.maxTotalMs,
      });
    }
  }

  getTicket(name: string, type: TicketType, options: { refresh?: boolean } = {}): Promise<Result<TicketInfo>> {
    return guard(async () => {
      const account = await this.account(name);
      if (!ticketPath(account.kind, type)) return fail(noSuchTicket(account, type));
      const key = ticketKey(account, type);
      if (!options.refresh) {
        const cached = await this.readUsable(account, key);
        if (cached && this.now() < refreshAt(cached)) return ok(toInfo(name, type, cached, 'cache', this.now()));
      }
      const requestedAt = this.now();
      if (account.source?.type === 'share' && this.shared) {
        const held = await this.readUsable(account, key, true);
        const got = await this.shared.get(account, type, key, held, options, requestedAt);
        if (got.ok && got.value.source === 'fetch') this.deps.onFetched?.(`${name}|${type}`);
        return got;
      }
      return this.flights.run(`${key}|${options.refresh ? 'refresh' : 'get'}`, () =>
        this.deps.lock.withLock(key, () => guard(() => this.fetchUnderLock(account, type, key, options, requestedAt))),
      );
    });
  }

  /**
   * Every ticket of this type the checker can try: this account's current and previous one, and those of the
   * other accounts (a page signed with another AppID's ticket is a common mistake). Never fetches.
   */
  async heldTickets(name: string, type: TicketType): Promise<HeldTicket[]> {
    const account = await this.account(name);
    const own = await this.readMatching(account, ticketKey(account, type));
    const held: HeldTicket[] = [];
    if (own && isUsable(own, this.now())) held.push({ ticket: own.accessToken, kind: 'current' });
    if (own?.previousToken) held.push({ ticket: own.previousToken, kind: 'previous' });
    if (own && !isUsable(own, this.now())) held.push({ ticket: own.accessToken, kind: 'previous' });
    const all = await this.deps.accounts.list();
    for (const other of all.ok ? all.value : []) {
      if (other.appid === account.appid || !ticketPath(other.kind, type)) continue;
      const theirs = await this.deps.cache.read(ticketKey(other, type)).catch(() => undefined);
      for (const ticket of [theirs?.accessToken, theirs?.previousToken]) {
        if (ticket) held.push({ ticket, kind: 'other', account: other.name, appid: other.appid });
      }
    }
    return held;
  }

  /**
   * For a long-lived host's background refresh, by `account|type`: when the cached ticket is due, if ever. Never
   * for classic accounts: refreshing their ticket may need a token fetch, which would invalidate the token in use.
   */
  async dueAt(refreshKey: string): Promise<number | undefined> {
    const [name, type] = refreshKey.split('|') as [string, TicketType];
    const account = await this.deps.accounts.get(name);
    if (!account.ok || !ticketPath(account.value.kind, type)) return undefined;
    const cached = await this.readMatching(account.value, ticketKey(account.value, type));
    return cached && cached.mode !== 'classic' ? refreshAt(cached) : undefined;
  }

  /** Every `account|type` with a cached ticket (what a long-lived host plans refreshes for). */
  async cachedKeys(): Promise<string[]> {
    const all = await this.deps.accounts.list();
    const keys: string[] = [];
    for (const account of all.ok ? all.value : []) {
      for (const type of ['jsapi', 'wx_card', 'agent_config'] as const) {
        if (ticketPath(account.kind, type) && (await this.readMatching(account, ticketKey(account, type)))) keys.push(`${account.name}|${type}`);
      }
    }
    return keys;
  }

  /** A member of the team stored a new ticket (pub/sub): take it in. */
  async adoptShared(name: string, type: TicketType): Promise<boolean> {
    const account = await this.deps.accounts.get(name);
    if (!account.ok || account.value.source?.type !== 'share' || !this.shared || !ticketPath(account.value.kind, type)) return false;
    const adopted = await this.shared.adopt(account.value, type, ticketKey(account.value, type));
    if (adopted) this.deps.onFetched?.(`${name}|${type}`);
    return adopted;
  }

  /** The AppID (corpid) wx.config names. */
  async appidOf(name: string): Promise<string | undefined> {
    const found = await this.deps.accounts.get(name);
    return found.ok ? found.value.appid : undefined;
  }

  private async fetchUnderLock(account: Account, type: TicketType, key: string, options: { refresh?: boolean }, requestedAt: number): Promise<Result<TicketInfo>> {
    const name = account.name;
    const cached = await this.readUsable(account, key, true);
    // Another caller (maybe another process) fetched while this one waited for the lock.
    if (cached && (cached.fetchedAt >= requestedAt || (!options.refresh && this.now() < refreshAt(cached)))) {
      return ok(toInfo(name, type, cached, 'cache', this.now()));
    }
    const previous = await this.deps.cache.read(key, { fresh: true });
    const grant = await this.fetchFresh(account, type);
    if (!grant.ok) {
      // A refresh ahead of expiry that failed leaves the still-valid ticket in service.
      if (cached && !options.refresh) return ok(toInfo(name, type, cached, 'cache', this.now()));
      return fail(grant.error);
    }
    const receivedAt = this.now();
    const stored: StoredToken = {
      accessToken: grant.value.ticket,
      expiresAt: receivedAt + grant.value.expiresIn * 1000,
      fetchedAt: receivedAt,
      mode: fetchModeOf(account),
      appid: account.appid,
      apiBase: account.apiBase,
      ...(previous && previous.accessToken !== grant.value.ticket ? { previousToken: previous.accessToken } : {}),
    };
    await this.deps.cache.write(key, stored);
    this.deps.onFetched?.(`${name}|${type}`);
    return ok(toInfo(name, type, stored, 'fetch', receivedAt));
  }

  /** A new ticket; a stale token on the way is dropped (only if it is still the cached one) and the fetch tried once more. */
  private async fetchFresh(account: Account, type: TicketType): Promise<Result<TicketGrant>> {
    const grant = await this.fetchWithToken(account, type);
    if (!grant.ok && grant.error.errcode !== undefined && wechatPolicy(grant.error.errcode) === 'refetch-once' && grant.usedToken) {
      await this.deps.tokens.expireIfCurrent(account.name, grant.usedToken);
      return this.fetchWithToken(account, type);
    }
    return grant.ok ? grant : fail(grant.error);
  }

  /** The account's token, then the ticket with bounded backoff on -1 / 5xx / timeouts; says which token it used. */
  private async fetchWithToken(account: Account, type: TicketType): Promise<
    { ok: true; value: TicketGrant } | { ok: false; error: AppError; usedToken?: string }
  > {
    const token = await this.deps.tokens.getToken(account.name);
    if (!token.ok) return token;
    const started = this.now();
    for (let attempt = 1; ; attempt++) {
      const result = await fetchTicket(account, type, token.value.accessToken, this.deps.timeoutMs ?? 15_000);
      if (result.ok) return result;
      const delay = this.retry.baseDelayMs * 2 ** (attempt - 1);
      if (!isTransient(result.error) || attempt >= this.retry.attempts || this.now() - started + delay > this.retry.maxTotalMs) {
        return { ok: false, error: result.error, usedToken: token.value.accessToken };
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  /** The cached ticket, if it was fetched for this account's current AppID and base URL. */
  private async readMatching(account: Account, key: string, fresh = false): Promise<StoredToken | undefined> {
    const cached = await this.deps.cache.read(key, { fresh });
    return cached && cached.appid === account.appid && cached.apiBase === account.apiBase ? cached : undefined;
  }

  private async readUsable(account: Account, key: string, fresh = false): Promise<StoredToken | undefined> {
    const cached = await this.readMatching(account, key, fresh);
    return cached && isUsable(cached, this.now()) ? cached : undefined;
  }

  private async account(name: string): Promise<Account> {
    const found = await this.deps.accounts.get(name);
    if (!found.ok) throw new AppFailure(found.error);
    return found.value;
  }
}

/**
 * One ticket per AppID and type (an Official Account's jsapi ticket is the same whichever account entry holds the
 * AppID); WeCom's agent ticket belongs to one app, i.e. one account here. Also the lock's name.
 */
export function ticketKey(account: Account, type: TicketType): string {
  const id = account.appid.toLowerCase();
  if (account.kind === 'wecom' && type === 'agent_config') {
    return `ticket-${type}-${id}-${createHash('sha256').update(account.name).digest('hex').slice(0, 12)}`;
  }
  return `ticket-${type}-${id}`;
}

function noSuchTicket(account: Account, type: TicketType) {
  const has = account.kind === 'wecom' ? 'jsapi, agent_config' : account.kind === 'oa' ? 'jsapi, wx_card' : '—';
  return appError('validation', {
    field: 'type',
    message: withDetail(
      { zh: `${account.kind === 'mp' ? '小程序' : '这个账号'}没有 ${type} ticket`, en: `${account.kind === 'mp' ? 'Mini Programs have' : 'This account has'} no ${type} ticket` },
      has,
    ),
  });
}

function toInfo(name: string, type: TicketType, t: StoredToken, source: 'cache' | 'fetch', now: number): TicketInfo {
  return {
    account: name,
    type,
    ticket: t.accessToken,
    expiresAt: t.expiresAt,
    fetchedAt: t.fetchedAt,
    expiresIn: Math.max(0, Math.floor((t.expiresAt - now) / 1000)),
    source,
  };
}
