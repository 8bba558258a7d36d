/**
 * When a token is usable, when it is refreshed ahead of expiry and what state it is in: shared by the core
 * (which refreshes) and the page (which shows the state as time passes between pushes).
 */
import type { TokenState } from './models';

export interface TokenTimes {
  /** Epoch milliseconds. */
  expiresAt: number;
  fetchedAt: number;
}

/** Refresh this long before expiry: 10% of the lifetime, at most 240 s (inside WeChat's 5-minute overlap). */
export function refreshMarginMs(token: TokenTimes): number {
  return Math.min(240_000, Math.floor((token.expiresAt - token.fetchedAt) / 10));
}

export function refreshAt(token: TokenTimes): number {
  return token.expiresAt - refreshMarginMs(token);
}

/** A token past its expiry is never handed out. */
export function isUsable(token: Pick<TokenTimes, 'expiresAt'>, now: number): boolean {
  return now < token.expiresAt;
}

/** `lastError` is anything truthy when the last fetch failed after this token. */
export function tokenState(token: TokenTimes | undefined, now: number, lastError?: unknown): TokenState {
  if (!token || !isUsable(token, now)) {
    if (lastError) return 'error';
    return token ? 'expired' : 'none';
  }
  if (lastError) return 'error';
  const soon = Math.max(refreshMarginMs(token), Math.min(600_000, (token.expiresAt - token.fetchedAt) / 5));
  return token.expiresAt - now <= soon ? 'expiring' : 'fresh';
}
