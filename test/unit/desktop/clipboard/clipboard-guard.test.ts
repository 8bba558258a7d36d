import { describe, expect, it } from 'vitest';
import { appError } from '../../../../src/shared/errors/errors';
import type { Settings, TokenInfo } from '../../../../src/shared/models';
import { fail, ok } from '../../../../src/shared/result';
import { ClipboardGuard, type TimerFns } from '../../../../src/main/desktop/clipboard/clipboard-guard';
import { makeCopyToken } from '../../../../src/main/desktop/clipboard/copy-token';
import { clipboardAccess, isWaylandSession } from '../../../../src/main/desktop/clipboard/clipboard-access';
import { concealedClipboardEntry, rawFormat } from '../../../../src/main/desktop/clipboard/concealed';

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
    const waiting: (() => void)[] = [];
    let slow = false;
    let text = '';
    const clip = {
      readText: () => (slow ? new Promise<string>((resolve) => waiting.push(() => resolve(text))) : Promise.resolve(text)),
      writeText: async (v: string) => {
        text = v;
      },
    };
    const t = manualTimers();
    const guard = new ClipboardGuard(clip, t.timers);
    await guard.copy('TOKEN-1', 30);
    slow = true;
    t.pending.forEach((p) => p.fn()); // the clear starts reading…
    const again = guard.copy('TOKEN-1', 30); // …and the user copies the same token again
    for (let i = 0; i < 5; i++) await Promise.resolve();
    waiting.splice(0).forEach((release) => release());
    expect(await again).toBe('copied');
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

/**
 * Wayland as the compositor behaves: a write from an unfocused app is dropped, and readText answers
 * Chromium's own cache (the last thing the app wrote), not the real clipboard.
 */
function waylandClipboard(real = '') {
  let focused = false;
  let cached = '';
  const clip = {
    readText: async () => (focused ? real : cached),
    writeText: async (value: string) => {
      cached = value;
      if (focused) real = value;
    },
    get real() {
      return real;
    },
    userCopies: (value: string) => void (real = value),
  };
  return { clip, access: clipboardAccess(true, () => focused), focus: (v: boolean) => void (focused = v) };
}

describe('the clipboard on Wayland', () => {
  it('refuses to copy from the background (the tray) instead of reporting a copy that did not happen', async () => {
    const w = waylandClipboard('before');
    const t = manualTimers();
    const guard = new ClipboardGuard(w.clip, t.timers, w.access);
    expect(await guard.copy('TOKEN-1', 30)).toBe('needs-focus');
    expect(w.clip.real).toBe('before');
    expect(t.pending.size).toBe(0);
    w.focus(true);
    expect(await guard.copy('TOKEN-1', 30)).toBe('copied');
    expect(w.clip.real).toBe('TOKEN-1');
  });

  it('does not clear against the stale cache in the background; clears when the app has focus again', async () => {
    const w = waylandClipboard();
    const t = manualTimers();
    const guard = new ClipboardGuard(w.clip, t.timers, w.access);
    w.focus(true);
    await guard.copy('TOKEN-1', 30);
    w.focus(false);
    await t.fireAll();
    expect(w.clip.real).toBe('TOKEN-1');
    w.focus(true);
    await guard.retry();
    expect(w.clip.real).toBe('');
  });

  it("leaves the user's later copy alone when the deferred clear comes", async () => {
    const w = waylandClipboard();
    const t = manualTimers();
    const guard = new ClipboardGuard(w.clip, t.timers, w.access);
    w.focus(true);
    await guard.copy('TOKEN-1', 30);
    w.focus(false);
    await t.fireAll();
    w.clip.userCopies('mine');
    w.focus(true);
    await guard.retry();
    expect(w.clip.real).toBe('mine');
  });

  it('is detected from the backend Electron uses, not from the desktop alone', () => {
    const env = { WAYLAND_DISPLAY: 'wayland-0', XDG_SESSION_TYPE: 'wayland' };
    expect(isWaylandSession({ platform: 'linux', env, ozonePlatform: '' })).toBe(true);
    expect(isWaylandSession({ platform: 'linux', env, ozonePlatform: 'auto' })).toBe(true);
    expect(isWaylandSession({ platform: 'linux', env, ozonePlatform: 'x11' })).toBe(false);
    expect(isWaylandSession({ platform: 'linux', env: { DISPLAY: ':0' }, ozonePlatform: '' })).toBe(false);
    expect(isWaylandSession({ platform: 'linux', env: { DISPLAY: ':0' }, ozonePlatform: 'wayland' })).toBe(true);
    expect(isWaylandSession({ platform: 'win32', env, ozonePlatform: '' })).toBe(false);
  });
});

describe('a copy that did not happen', () => {
  it('is reported when the clipboard does not hold the token afterwards (a manager swallowed it)', async () => {
    let text = 'before';
    const refusing = { readText: async () => text, writeText: async () => {} };
    const t = manualTimers();
    const guard = new ClipboardGuard(refusing, t.timers);
    expect(await guard.copy('TOKEN-1', 30)).toBe('not-copied');
    expect(t.pending.size).toBe(0);
    text = 'x';
    const copy = makeCopyToken(
      { revealToken: async () => ok({ account: 'demo', accessToken: 'TOKEN-1', expiresAt: 2, fetchedAt: 1, expiresIn: 7200, mode: 'stable', source: 'cache' }), getSettings: async () => fail(appError('storage')) },
      guard,
    );
    const result = await copy({ name: 'demo' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.en).toMatch(/nothing was copied/);
  });
});

describe('the concealed markers', () => {
  it('write the token with the markers clipboard history honours, per platform', async () => {
    const win = concealedClipboardEntry('TOKEN', 'win32');
    expect(win['text/plain']).toBe('TOKEN');
    expect(Object.keys(win)).toEqual(
      expect.arrayContaining([rawFormat('ExcludeClipboardContentFromMonitorProcessing'), rawFormat('CanIncludeInClipboardHistory'), rawFormat('CanUploadToCloudClipboard')]),
    );
    // DWORD 0: "do not keep in history", "do not upload".
    expect([...new Uint8Array(await (win[rawFormat('CanIncludeInClipboardHistory')] as Blob).arrayBuffer())]).toEqual([0, 0, 0, 0]);
    expect(concealedClipboardEntry('TOKEN', 'darwin')).toEqual({ 'text/plain': 'TOKEN', [rawFormat('org.nspasteboard.ConcealedType')]: '' });
    expect(concealedClipboardEntry('TOKEN', 'linux')).toEqual({ 'text/plain': 'TOKEN', [rawFormat('x-kde-passwordManagerHint')]: 'secret' });
    expect(rawFormat('org.nspasteboard.ConcealedType')).toBe('electron application/osclipboard;format="org.nspasteboard.ConcealedType"');
  });

  it('go through writeSecret when the clipboard has it', async () => {
    const clip = fakeClipboard();
    const secrets: string[] = [];
    const guard = new ClipboardGuard({ ...clip, readText: clip.readText, writeSecret: async (v: string) => (secrets.push(v), clip.userCopies(v)) }, manualTimers().timers);
    expect(await guard.copy('TOKEN-1', 30)).toBe('copied');
    expect(secrets).toEqual(['TOKEN-1']);
  });
});

describe("the desktop host's copyToken", () => {
  const token: TokenInfo = { account: 'demo', accessToken: 'ACCESS-TOKEN', expiresAt: 2, fetchedAt: 1, expiresIn: 7200, mode: 'stable', source: 'cache' };
  const settings = (clipboardClearSeconds: number): Settings => ({ language: 'en', clipboardClearSeconds, serverEnabled: false, serverPort: 0 });

  it('reveals through the core, copies, and says when the clipboard is cleared', async () => {
    const copies: [string, number][] = [];
    const copy = makeCopyToken(
      { revealToken: async () => ok(token), getSettings: async () => ok(settings(12)) },
      { copy: async (text, seconds) => (copies.push([text, seconds]), 'copied' as const) },
    );
    expect(await copy({ name: 'demo' })).toEqual(ok({ clearAfterSeconds: 12 }));
    expect(copies).toEqual([['ACCESS-TOKEN', 12]]);
  });

  it('copies nothing when the token cannot be had, and falls back to 30 s without settings', async () => {
    const copies: [string, number][] = [];
    const guard = { copy: async (text: string, seconds: number) => (copies.push([text, seconds]), 'copied' as const) };
    const failing = makeCopyToken({ revealToken: async () => fail(appError('secret_missing')), getSettings: async () => ok(settings(5)) }, guard);
    const result = await failing({ name: 'demo' });
    expect(result.ok).toBe(false);
    expect(copies).toEqual([]);
    const noSettings = makeCopyToken({ revealToken: async () => ok(token), getSettings: async () => fail(appError('storage')) }, guard);
    expect(await noSettings({ name: 'demo' })).toEqual(ok({ clearAfterSeconds: 30 }));
  });
});
