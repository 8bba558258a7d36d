/** A token fetch tried again on passing trouble (-1, 5xx, resets, timeouts) with bounded exponential backoff. */
import type { Account } from '../../../shared/models';
import type { Result } from '../../../shared/result';
import type { Clock } from '../types';
import { isTransient, type TokenGrant } from '../wechat/wechat-client';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  /** Give up once this much time has gone by. */
  maxTotalMs: number;
}

type FetchToken = (account: Account, secret: string, force: boolean) => Promise<Result<TokenGrant>>;

/** Everything but passing trouble is final at once. */
export async function fetchWithBackoff(fetchToken: FetchToken, account: Account, secret: string, force: boolean, retry: RetryPolicy, now: Clock): Promise<Result<TokenGrant>> {
  const started = now();
  for (let attempt = 1; ; attempt++) {
    const attemptStarted = now();
    const result = await fetchToken(account, secret, force);
    if (result.ok || !isTransient(result.error) || attempt >= retry.attempts) return result;
    const delay = retry.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);
    // Budget the next attempt as long as the last one took (a timeout takes the whole timeout): other
    // processes wait on the lock meanwhile, and their wait is bounded too.
    const lastTook = now() - attemptStarted;
    if (now() - started + delay + lastTook > retry.maxTotalMs) return result;
    await new Promise((r) => setTimeout(r, delay));
  }
}
