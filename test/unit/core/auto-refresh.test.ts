import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoRefresher } from '../../../src/main/core/tokens/auto-refresh';

describe('auto refresh', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('refreshes each account when its token comes due, then plans the next one', async () => {
    const due = new Map([['a', 1000]]);
    const refreshed: string[] = [];
    const refresher = new AutoRefresher({
      names: async () => ['a', 'no-token'],
      dueAt: async (name) => due.get(name),
      refresh: async (name) => {
        refreshed.push(name);
        due.set(name, Date.now() + 5000);
        return true;
      },
    });
    await refresher.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(refreshed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(refreshed).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(refreshed).toEqual(['a', 'a']);
    refresher.stop();
  });

  it('retries a failed refresh that may pass later, and gives up on one that cannot', async () => {
    let worth = true;
    let calls = 0;
    const refresher = new AutoRefresher({
      names: async () => ['a'],
      dueAt: async () => 0,
      refresh: async () => {
        calls++;
        return worth;
      },
      retryMs: 1000,
    });
    await refresher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
    worth = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(3);
    refresher.stop();
  });

  it('keeps the host up when the cache cannot be read (a locked keychain holds its key)', async () => {
    const refresher = new AutoRefresher({
      names: async () => ['a'],
      dueAt: async () => {
        throw new Error('keychain unavailable');
      },
      refresh: async () => true,
    });
    await expect(refresher.start()).resolves.toBeUndefined();
    refresher.stop();
  });

  it('stops planning after stop()', async () => {
    let calls = 0;
    const refresher = new AutoRefresher({ names: async () => ['a'], dueAt: async () => 500, refresh: async () => (calls++, true) });
    await refresher.start();
    refresher.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(0);
  });
});
