/** What the token card does by itself and allows, as time passes (pure rules behind TokenCard). */
import { describe, expect, it } from 'vitest';
import { copyDisabled, hasUsableToken, liveState, shouldAutoFetch } from '../../../src/renderer/lib/token-time';
import { fetchModeOf, type TokenStatus } from '../../../src/shared/models';
import { refreshAt, tokenState } from '../../../src/shared/token-policy';
import { refreshAt as coreRefreshAt, tokenState as coreTokenState } from '../../../src/main/core/tokens/refresh-policy';

const NOW = 1_000_000_000;
const status = (over: Partial<TokenStatus> = {}): TokenStatus => ({
  account: 'a', state: 'fresh', mode: 'stable', masked: 'tok…1', fetchedAt: NOW - 7_000_000, expiresAt: NOW - 1, source: 'cache', fetchBlocked: false, ...over,
});

describe('token card rules', () => {
  it('never fetches a classic token by itself when the shown one ran out (that would kill production’s token)', () => {
    expect(shouldAutoFetch(status({ mode: 'classic' }), 'classic', NOW)).toBe(false);
  });

  it('asks once for stable and WeCom tokens that ran out, but not while fetching is paused or the token is valid', () => {
    expect(shouldAutoFetch(status(), 'stable', NOW)).toBe(true);
    expect(shouldAutoFetch(status({ mode: 'wecom' }), 'wecom', NOW)).toBe(true);
    expect(shouldAutoFetch(status({ fetchBlocked: true }), 'stable', NOW)).toBe(false);
    expect(shouldAutoFetch(status({ expiresAt: NOW + 60_000 }), 'stable', NOW)).toBe(false);
    expect(shouldAutoFetch(status({ expiresAt: undefined, fetchedAt: undefined }), 'stable', NOW)).toBe(false);
  });

  it('keeps Copy enabled while fetching is paused (45009) if a valid token is cached', () => {
    const cached = status({ fetchBlocked: true, expiresAt: NOW + 600_000 });
    expect(hasUsableToken(cached, NOW)).toBe(true);
    expect(copyDisabled(cached, NOW, false)).toBe(false);
    expect(copyDisabled(status({ fetchBlocked: true }), NOW, false)).toBe(true);
    expect(copyDisabled(cached, NOW, true)).toBe(true);
    expect(copyDisabled(status({ expiresAt: undefined, fetchedAt: undefined }), NOW, false)).toBe(false);
  });

  it('uses the core’s own policy: the page and the core agree on the state and the refresh moment', () => {
    const token = { fetchedAt: NOW, expiresAt: NOW + 7_200_000 };
    expect(coreRefreshAt(token)).toBe(refreshAt(token));
    expect(refreshAt(token)).toBe(NOW + 7_200_000 - 240_000);
    for (const at of [NOW, NOW + 6_700_000, NOW + 7_100_000, NOW + 7_200_000]) {
      expect(liveState(status(token), at)).toBe(tokenState(token, at));
      expect(coreTokenState(token, at)).toBe(tokenState(token, at));
    }
    expect(tokenState(token, NOW + 6_700_000)).toBe('expiring');
  });

  it('derives the fetch mode from the account: WeCom has one kind of token', () => {
    expect(fetchModeOf({ kind: 'wecom', mode: 'classic' })).toBe('wecom');
    expect(fetchModeOf({ kind: 'mp', mode: 'classic' })).toBe('classic');
  });
});
