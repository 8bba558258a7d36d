import { describe, expect, it, vi } from 'vitest';
import { quitWhenAllWindowsClosed, Shutdown } from '../../../../src/main/desktop/launch/shutdown';

/** Lets every pending promise callback run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function neverTimers() {
  const due: (() => void)[] = [];
  return { timers: { setTimeout: (fn: () => void) => void due.push(fn) }, expire: () => due.splice(0).forEach((fn) => fn()) };
}

describe('quitting', () => {
  it('holds will-quit until every resource opened so far is closed, then quits once', async () => {
    const t = neverTimers();
    const shutdown = new Shutdown(5_000, t.timers);
    const closed: string[] = [];
    let releaseCore: () => void = () => {};
    shutdown.add(() => new Promise<void>((resolve) => (releaseCore = () => (closed.push('core'), resolve()))));
    shutdown.add(() => void closed.push('clipboard'));
    const quit = vi.fn();
    const first = { preventDefault: vi.fn() };
    shutdown.onWillQuit(first, quit);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(shutdown.started).toBe(true);
    // A second quit request while closing is held as well, and does not close twice.
    const second = { preventDefault: vi.fn() };
    shutdown.onWillQuit(second, quit);
    expect(second.preventDefault).toHaveBeenCalled();
    await settle();
    expect(quit).not.toHaveBeenCalled();
    releaseCore();
    await settle();
    expect(closed.sort()).toEqual(['clipboard', 'core']);
    expect(quit).toHaveBeenCalledTimes(1);
    // The will-quit that app.quit() raises again passes.
    const last = { preventDefault: vi.fn() };
    shutdown.onWillQuit(last, quit);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('closes a resource opened during start-up after the user already quit (window closed while the keychain answered)', async () => {
    const t = neverTimers();
    const shutdown = new Shutdown(5_000, t.timers);
    const quit = vi.fn();
    shutdown.onWillQuit({ preventDefault: () => {} }, quit);
    const core = { close: vi.fn(async () => {}) };
    shutdown.add(() => core.close());
    await settle();
    expect(core.close).toHaveBeenCalledTimes(1);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('quits despite a closer that throws, and despite one that hangs once the deadline passes', async () => {
    const t = neverTimers();
    const shutdown = new Shutdown(5_000, t.timers);
    shutdown.add(() => {
      throw new Error('boom');
    });
    shutdown.add(() => new Promise(() => {}));
    const quit = vi.fn();
    shutdown.onWillQuit({ preventDefault: () => {} }, quit);
    await settle();
    expect(quit).not.toHaveBeenCalled();
    t.expire();
    await settle();
    expect(quit).toHaveBeenCalledTimes(1);
  });
});

describe('closing the last window', () => {
  it('quits unless a tray the desktop shows (or the macOS dock) is a way back in', () => {
    expect(quitWhenAllWindowsClosed('linux', false)).toBe(true);
    expect(quitWhenAllWindowsClosed('win32', false)).toBe(true);
    expect(quitWhenAllWindowsClosed('linux', true)).toBe(false);
    expect(quitWhenAllWindowsClosed('win32', true)).toBe(false);
    expect(quitWhenAllWindowsClosed('darwin', false)).toBe(false);
  });
});
