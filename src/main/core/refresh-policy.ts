/** When a token is usable, when to refresh it ahead of expiry, and the local stable force-refresh rules. */
import type { AppError } from '../../shared/result';
import type { TokenState } from '../../shared/models';
import type { StoredToken } from './types';

/** Refresh this long before expiry: 10% of the lifetime, at most 240 s (inside WeChat's 5-minute overlap). */
export function refreshMarginMs(token: Pick<StoredToken, 'expiresAt' | 'fetchedAt'>): number {
  return Math.min(240_000, Math.floor((token.expiresAt - token.fetchedAt) / 10));
}

export function refreshAt(token: Pick<StoredToken, 'expiresAt' | 'fetchedAt'>): number {
  return token.expiresAt - refreshMarginMs(token);
}

/** A token past its expiry is never handed out. */
export function isUsable(token: Pick<StoredToken, 'expiresAt'>, now: number): boolean {
  return now < token.expiresAt;
}

export function tokenState(token: StoredToken | undefined, now: number, lastError?: AppError): TokenState {
  if (!token || !isUsable(token, now)) {
    if (lastError) return 'error';
    return token ? 'expired' : 'none';
  }
  if (lastError) return 'error';
  const soon = Math.max(refreshMarginMs(token), Math.min(600_000, (token.expiresAt - token.fetchedAt) / 5));
  return token.expiresAt - now <= soon ? 'expiring' : 'fresh';
}

export const FORCE_DAILY_LIMIT = 20;
export const FORCE_MIN_GAP_MS = 30_000;

/** WeChat counts days in Beijing time (UTC+8). */
export function wechatDay(ms: number): number {
  return Math.floor((ms + 8 * 3_600_000) / 86_400_000);
}

export interface ForceAllowance {
  left: number;
  /** When the next force refresh is allowed (the 30 s gap), if not now. */
  nextAt?: number;
  /** Today's force refreshes, for writing back. */
  today: number[];
}

export function forceAllowance(times: number[] | undefined, now: number): ForceAllowance {
  const today = (times ?? []).filter((t) => wechatDay(t) === wechatDay(now));
  const last = today.length ? Math.max(...today) : undefined;
  const gapUntil = last !== undefined ? last + FORCE_MIN_GAP_MS : undefined;
  return {
    left: Math.max(0, FORCE_DAILY_LIMIT - today.length),
    ...(gapUntil !== undefined && gapUntil > now ? { nextAt: gapUntil } : {}),
    today,
  };
}
