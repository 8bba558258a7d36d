/**
 * The token's state as time passes, computed in the page between pushes from the host. Mirrors the
 * core's refresh policy (refresh-policy.ts): the host refreshes 10% of the lifetime (≤ 240 s) early.
 */
import type { TokenState, TokenStatus } from '../../shared/models';

export function refreshMarginMs(expiresAt: number, fetchedAt: number): number {
  return Math.min(240_000, Math.floor((expiresAt - fetchedAt) / 10));
}

/** The state now: a fresh token turns `expiring` and then `expired` without any event. */
export function liveState(status: TokenStatus | undefined, now: number): TokenState {
  if (!status) return 'none';
  const { expiresAt, fetchedAt } = status;
  if (expiresAt === undefined || fetchedAt === undefined) return status.lastError ? 'error' : status.state;
  if (status.lastError || status.state === 'error') return 'error';
  if (now >= expiresAt) return 'expired';
  const soon = Math.max(refreshMarginMs(expiresAt, fetchedAt), Math.min(600_000, (expiresAt - fetchedAt) / 5));
  return expiresAt - now <= soon ? 'expiring' : 'fresh';
}

/** Share of the lifetime left, 0..1, for the countdown bar. */
export function lifeLeft(status: TokenStatus, now: number): number {
  const { expiresAt, fetchedAt } = status;
  if (expiresAt === undefined || fetchedAt === undefined || expiresAt <= fetchedAt) return 0;
  return Math.min(1, Math.max(0, (expiresAt - now) / (expiresAt - fetchedAt)));
}
