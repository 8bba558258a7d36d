import { byName, withName, type ByName } from '../../shared/by-name';
import type { TokenStatus } from '../../shared/models';
import type { AppError, Result } from '../../shared/result';
import { hasUsableToken } from '../lib/token-time';
import type { Slice } from './types';

export type TokenAction = 'get' | 'refresh' | 'force' | 'resume' | 'copy';

export interface TokenSlice {
  /** Per account name, without a prototype (see by-name.ts), like every name-keyed record in the store. */
  tokens: ByName<TokenStatus>;
  /** The last failed token call per account, until one succeeds. */
  tokenErrors: ByName<AppError | undefined>;
  tokenBusy: ByName<TokenAction | undefined>;
  loadStatus(name: string): Promise<void>;
  /** Many accounts' statuses (the list on load): a few requests at a time, applied in batches. */
  loadStatuses(names: string[]): Promise<void>;
  getToken(name: string): Promise<void>;
  refreshToken(name: string, force?: boolean): Promise<void>;
  resumeFetching(name: string): Promise<void>;
  copyToken(name: string): Promise<void>;
  /** `fromEvent`: a push that re-tells the shown token keeps how this page got it (fetched or cached). */
  applyToken(status: TokenStatus, fromEvent?: boolean): void;
  applyRefreshFailed(account: string, error: AppError): void;
}

/**
 * Starting hundreds of fetches in one task blocked the page for half a second (bench/renderer.ts, 500
 * accounts), and filing each answer on its own re-rendered the whole list once per account.
 */
const STATUS_CONCURRENCY = 6;
const STATUS_BATCH = 50;

/**
 * Keeps whichever of two statuses of one account is newer (an event may overtake a slow status call).
 * Only comparable when both hold a token: a reloaded status without one says the token is gone.
 */
export const newer = (a: TokenStatus | undefined, b: TokenStatus): TokenStatus =>
  a?.fetchedAt !== undefined && b.fetchedAt !== undefined && a.fetchedAt > b.fetchedAt ? a : b;

export const createTokenSlice: Slice<TokenSlice> = (api) => (set, get) => {
  /** Runs one token call at a time per account and files its result. */
  async function run(name: string, action: TokenAction, call: () => Promise<Result<TokenStatus>>): Promise<TokenStatus | undefined> {
    if (get().tokenBusy[name]) return undefined;
    set((s) => ({ tokenBusy: withName(s.tokenBusy, name, action) }));
    try {
      const result = await call();
      if (result.ok) get().applyToken(result.value);
      else get().applyRefreshFailed(name, result.error);
      return result.ok ? result.value : undefined;
    } finally {
      set((s) => ({ tokenBusy: withName(s.tokenBusy, name, undefined) }));
    }
  }

  return {
    tokens: byName(),
    tokenErrors: byName(),
    tokenBusy: byName(),
    async loadStatus(name) {
      const result = await api.tokenStatus({ name });
      if (result.ok) set((s) => ({ tokens: withName(s.tokens, name, result.value) }));
    },
    async loadStatuses(names) {
      const queue = [...names];
      let batch: TokenStatus[] = [];
      const flush = () => {
        const filed = batch;
        batch = [];
        if (filed.length) set((s) => ({ tokens: byName([...Object.entries(s.tokens), ...filed.map((t) => [t.account, newer(s.tokens[t.account], t)] as const)]) }));
      };
      const worker = async () => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
          const result = await api.tokenStatus({ name });
          if (result.ok) batch.push(result.value);
          if (batch.length >= STATUS_BATCH) flush();
        }
      };
      await Promise.all(Array.from({ length: Math.min(STATUS_CONCURRENCY, queue.length) }, worker));
      flush();
    },
    async getToken(name) {
      await run(name, 'get', () => api.getToken({ name }));
    },
    async refreshToken(name, force = false) {
      const done = await run(name, force ? 'force' : 'refresh', () => api.refreshToken({ name, force }));
      // Says what happened: a classic refresh may only re-read the cache, a stable one may get the same token.
      if (done) get().toast({ key: force ? 'token.forced' : done.source === 'cache' ? 'token.refreshedCache' : done.sameToken ? 'token.refreshedSame' : 'token.refreshedNew' });
    },
    async resumeFetching(name) {
      await run(name, 'resume', () => api.resumeFetching({ name }));
    },
    async copyToken(name) {
      if (get().tokenBusy[name]) return;
      set((s) => ({ tokenBusy: withName(s.tokenBusy, name, 'copy') }));
      try {
        // No token yet: fetch it first, in the open, so the card can say so and show it as fetched.
        let fetched = false;
        if (!hasUsableToken(get().tokens[name], Date.now())) {
          const got = await api.getToken({ name });
          if (!got.ok) return get().applyRefreshFailed(name, got.error);
          get().applyToken(got.value);
          fetched = got.value.source === 'fetch';
        }
        const result = await api.copyTokenToClipboard(name);
        const seconds = result.ok ? result.value.clearAfterSeconds : 0;
        if (!result.ok) get().toast({ error: result.error });
        else if (fetched) get().toast(seconds > 0 ? { key: 'token.copiedFetchedClears', params: { seconds } } : { key: 'token.copiedFetched' });
        else if (seconds > 0) get().toast({ key: 'token.copiedClears', params: { seconds } });
        else get().toast({ key: 'token.copied' });
      } finally {
        set((s) => ({ tokenBusy: withName(s.tokenBusy, name, undefined) }));
      }
    },
    applyToken(status, fromEvent = false) {
      set((s) => {
        const shown = s.tokens[status.account];
        const same = fromEvent && shown?.source !== undefined && shown.fetchedAt === status.fetchedAt && shown.masked === status.masked;
        return {
          tokens: withName(s.tokens, status.account, same ? { ...status, source: shown.source, sameToken: shown.sameToken } : status),
          tokenErrors: status.lastError ? s.tokenErrors : withName(s.tokenErrors, status.account, undefined),
        };
      });
    },
    applyRefreshFailed(account, error) {
      set((s) => ({ tokenErrors: withName(s.tokenErrors, account, error) }));
      // 45009 paused fetching in the host: reload the status so "resume fetching" shows without reselecting.
      if (error.errcode === 45009 || error.code === 'fetch_blocked') void get().loadStatus(account);
    },
  };
};
