/** When a token is usable, when to refresh it ahead of expiry, and the local stable force-refresh rules. */

export { isUsable, refreshAt, refreshMarginMs, tokenState } from '../../../shared/token-policy';

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
