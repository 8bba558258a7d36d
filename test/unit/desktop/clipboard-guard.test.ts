import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/shared/errors';
import type { Settings, TokenInfo } from '../../../src/shared/models';
import { fail, ok } from '../../../src/shared/result';
import { ClipboardGuard, type TimerFns } from '../../../src/main/desktop/clipboard/clipboard-guard';
import { makeCopyToken } from '../../../src/main/desktop/clipboard/copy-token';

/** A clipboard that answers asynchronously, like Electron's. */
function fakeClipboard(initial = '') {
  let text = initial;
  return {
    readText: async () => text,
    writeText: async (value: string) => {
      text = value;
    },
    get text() {
      return text;
    },
    userCopies(value: string) {
      text = value;
    },
  };
}

/** Timers the test fires by hand: no waiting, no clock. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: TimerFns = {
    setTimeout: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  const fireAll = async () => {
    const due = [...pending.values()];
    pending.clear();
    due.forEach((t) => t.fn());
    // Let the async read-compare-clear finish.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { timers, pending, fireAll };
}

describe('the clipboard guard', () => {
  it('copies, then clears after the delay when the clipboard still holds the token', async () => {
    const clip = fakeClipboard('before');
    const t = manualTimers();
    const guard = new ClipboardGuard(clip, t.timers);
    await guard.copy('TOKEN-1', 30);
    expect(clip.text).toBe('TOKEN-1');
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([30_000]);
    await t.fireAll();
    expect(clip.text).toBe('');
  });

  it("leaves the user's later copy alone", async () => {
    const clip = fakeClipboard();
    const t = manualTimers();
    const guard = new ClipboardGuard(clip, t.timers);
    await guard.copy('TOKEN-1', 30);
    clip.userCopies('something the user copied');
    await t.fireAll();
    expect(clip.text).toBe('something the user copied');
  });

  it('never clears with 0 seconds', async () => {
    const clip = fakeClipboard();
    const t = manualTimers();
    const guard = new ClipboardGuard(clip, t.timers);
    await guard.copy('TOKEN-1', 0);
    expect(t.pending.size).toBe(0);
    await t.fireAll();
    await guard.flush();
    expect(clip.text).toBe('TOKEN-1');
  });

  it('restarts the timer on a second copy', async () => {
    const clip = fakeClipboard();
    const t = manualTimers();
    const guard = new ClipboardGuard(clip, t.timers);
    await guard.copy('TOKEN-1', 30);
    await guard.copy('TOKEN-2', 10);
    // Only the second copy's timer is left: the first one cannot clear the new token early.
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([10_000]);
    expect(clip.text).toBe('TOKEN-2');
    await t.fireAll();
    expect(clip.text).toBe('');
  });

  it('a clear already under way does not wipe a copy of the same token made meanwhile', async () => {
    let release: () => void = () => {};
    let text = '';
    const slow = {
      readText: () => new Promise<string>((resolve) => (release = () => resolve(text))),
      writeText: async (v: string) => {
        text = v;
      },
    };
    const t = manualTimers();
    const guard = new ClipboardGuard(slow, t.timers);
    await guard.copy('TOKEN-1', 30);
    t.pending.forEach((p) => p.fn()); // the clear starts reading…
    await guard.copy('TOKEN-1', 30); // …and the user copies the same token again
    release();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(text).toBe('TOKEN-1');
  });

  it('flush clears a pending token at once (on quit), but not what the user copied since', async () => {
    const clip = fakeClipboard();
    const t = manualTimers();
    const guard = new ClipboardGuard(clip, t.timers);
    await guard.copy('TOKEN-1', 30);
    await guard.flush();
    expect(clip.text).toBe('');
    expect(t.pending.size).toBe(0);
    await guard.copy('TOKEN-2', 30);
    clip.userCopies('mine');
    await guard.flush();
    expect(clip.text).toBe('mine');
  });
});

describe("the desktop host's copyToken", () => {
  const token: TokenInfo = { account: 'demo', accessToken: 'ACCESS-TOKEN', expiresAt: 2, fetchedAt: 1, expiresIn: 7200, mode: 'stable', source: 'cache' };
  const settings = (clipboardClearSeconds: number): Settings => ({ language: 'en', clipboardClearSeconds, serverEnabled: false, serverPort: 0 });

  it('reveals through the core, copies, and says when the clipboard is cleared', async () => {
    const copies: [string, number][] = [];
    const copy = makeCopyToken(
      { revealToken: async () => ok(token), getSettings: async () => ok(settings(12)) },
      { copy: async (text, seconds) => void copies.push([text, seconds]) },
    );
    expect(await copy({ name: 'demo' })).toEqual(ok({ clearAfterSeconds: 12 }));
    expect(copies).toEqual([['ACCESS-TOKEN', 12]]);
  });

  it('copies nothing when the token cannot be had, and falls back to 30 s without settings', async () => {
    const copies: [string, number][] = [];
    const guard = { copy: async (text: string, seconds: number) => void copies.push([text, seconds]) };
    const failing = makeCopyToken({ revealToken: async () => fail(appError('secret_missing')), getSettings: async () => ok(settings(5)) }, guard);
    const result = await failing({ name: 'demo' });
    expect(result.ok).toBe(false);
    expect(copies).toEqual([]);
    const noSettings = makeCopyToken({ revealToken: async () => ok(token), getSettings: async () => fail(appError('storage')) }, guard);
    expect(await noSettings({ name: 'demo' })).toEqual(ok({ clearAfterSeconds: 30 }));
  });
});
