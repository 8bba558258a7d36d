import { describe, expect, it } from 'vitest';
import {
  FORCE_DAILY_LIMIT,
  forceAllowance,
  isUsable,
  refreshAt,
  refreshMarginMs,
  tokenState,
  wechatDay,
} from '../../../src/main/core/tokens/refresh-policy';
import type { StoredToken } from '../../../src/main/core/types';

const token = (fetchedAt: number, lifetimeS: number): StoredToken => ({
  accessToken: 't',
  fetchedAt,
  expiresAt: fetchedAt + lifetimeS * 1000,
  mode: 'stable',
  appid: 'wx0000000000000000',
  apiBase: 'http://127.0.0.1:1',
});

describe('refresh policy', () => {
  it('refreshes a 2-hour token 240 s before expiry, inside WeChat 5-minute overlap', () => {
    const t = token(0, 7200);
    expect(refreshMarginMs(t)).toBe(240_000);
    expect(refreshAt(t)).toBe(7200_000 - 240_000);
  });

  it('scales the margin down for short-lived tokens', () => {
    expect(refreshMarginMs(token(0, 10))).toBe(1000);
  });

  it('never treats a token past its expiry as usable', () => {
    const t = token(0, 10);
    expect(isUsable(t, 9_999)).toBe(true);
    expect(isUsable(t, 10_000)).toBe(false);
  });

  it('classifies fresh, expiring, expired, none and error', () => {
    const t = token(0, 7200);
    expect(tokenState(t, 1000)).toBe('fresh');
    expect(tokenState(t, 7200_000 - 60_000)).toBe('expiring');
    expect(tokenState(t, 7200_000)).toBe('expired');
    expect(tokenState(undefined, 0)).toBe('none');
    const error = { code: 'network' as const, message: { zh: 'x', en: 'x' } };
    expect(tokenState(undefined, 0, error)).toBe('error');
  });

  it('counts stable force refreshes per Beijing day and enforces the 30 s gap', () => {
    // 2026-11-24 15:59:00 UTC is 23:59 in Beijing; one minute later is the next WeChat day.
    const beforeMidnight = Date.UTC(2026, 10, 24, 15, 59, 0);
    const afterMidnight = beforeMidnight + 60_000;
    expect(wechatDay(afterMidnight)).toBe(wechatDay(beforeMidnight) + 1);

    const times = Array.from({ length: 19 }, (_, i) => beforeMidnight - (i + 1) * 60_000);
    const one = forceAllowance([...times, beforeMidnight], beforeMidnight + 10_000);
    expect(one.left).toBe(FORCE_DAILY_LIMIT - 20);
    expect(one.nextAt).toBe(beforeMidnight + 30_000);

    const nextDay = forceAllowance([...times, beforeMidnight], afterMidnight);
    expect(nextDay.left).toBe(FORCE_DAILY_LIMIT);
    expect(nextDay.nextAt).toBeUndefined();
    expect(nextDay.today).toEqual([]);
  });
});
