/**
 * The token's state as time passes, computed in the page between pushes from the host, with the core's
 * own policy (src/shared/token-policy.ts).
 */
import type { FetchMode, TokenState, TokenStatus } from '../../shared/models';
import { isUsable, tokenState } from '../../shared/token-policy';

/** The state now: a fresh token turns `expiring` and then `expired` without any event. */
export function liveState(status: TokenStatus | undefined, now: number): TokenState {
  if (!status) return 'none';
  const { expiresAt, fetchedAt } = status;
  if (expiresAt === undefined || fetchedAt === undefined) return status.lastError ? 'error' : status.state;
  if (status.lastError || status.state === 'error') return 'error';
  return tokenState({ expiresAt, fetchedAt }, now);
}

/** A token the host would still hand out (and copy). */
export function hasUsableToken(status: TokenStatus | undefined, now: number): boolean {
  return status?.expiresAt !== undefined && isUsable({ expiresAt: status.expiresAt }, now);
}

/**
 * Whether the page should ask for a token by itself: when none is cached (a stable or WeCom fetch disturbs
 * nobody, so selecting the account is enough), or the shown one ran out. Never for classic: a classic fetch
 * invalidates the token production uses, so it happens only when the user asks.
 */
export function shouldAutoFetch(status: TokenStatus | undefined, mode: FetchMode, now: number): boolean {
  if (mode === 'classic' || !status || status.fetchBlocked) return false;
  if (status.expiresAt === undefined) return status.state === 'none' && !status.lastError;
  return !isUsable({ expiresAt: status.expiresAt }, now);
}

/** Copy works while a usable token is cached, even when fetching is paused (45009). */
export function copyDisabled(status: TokenStatus | undefined, now: number, busy: boolean): boolean {
  return busy || (Boolean(status?.fetchBlocked) && !hasUsableToken(status, now));
}

/** Share of the lifetime left, 0..1, for the countdown bar. */
export function lifeLeft(status: TokenStatus, now: number): number {
  const { expiresAt, fetchedAt } = status;
  if (expiresAt === undefined || fetchedAt === undefined || expiresAt <= fetchedAt) return 0;
  return Math.min(1, Math.max(0, (expiresAt - now) / (expiresAt - fetchedAt)));
}
