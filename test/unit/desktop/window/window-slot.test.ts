import { describe, expect, it, vi } from 'vitest';
import { WindowSlot, type SlotWindow } from '../../../../src/main/desktop/window/window-slot';
import { pageFailureNotice } from '../../../../src/main/desktop/window/load-failure';

function fakeWindow(): SlotWindow & { [k: string]: ReturnType<typeof vi.fn> | unknown } {
  let visible = false;
  let destroyed = false;
  return {
    isDestroyed: () => destroyed,
    isMinimized: () => false,
    restore: vi.fn(),
    isVisible: () => visible,
    show: vi.fn(() => void (visible = true)),
    focus: vi.fn(),
    destroy: () => void (destroyed = true),
  };
}

describe('the one main window', () => {
  it('is created once when the dock, a second launch and the tray ask while it is still being created', async () => {
    let release: () => void = () => {};
    const created: SlotWindow[] = [];
    const slot = new WindowSlot(async () => {
      // The saved window state is being read.
      await new Promise<void>((resolve) => (release = resolve));
      const win = fakeWindow();
      created.push(win);
      return win;
    });
    const asks = [slot.show(), slot.show(), slot.show()];
    release();
    const wins = await Promise.all(asks);
    expect(created).toHaveLength(1);
    expect(new Set(wins).size).toBe(1);
    // Asked again later: the same window.
    expect(await slot.show()).toBe(wins[0]);
    expect(created).toHaveLength(1);
  });

  it('is not shown before ready-to-show (no white flash, the saved maximised state applies); shown and focused after', async () => {
    const win = fakeWindow();
    const slot = new WindowSlot(async () => win);
    await slot.show();
    await slot.show();
    expect(win.show).not.toHaveBeenCalled();
    expect(win.focus).not.toHaveBeenCalled();
    slot.markReady(win);
    await slot.show();
    expect(win.show).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
  });

  it('is created anew after it was closed, and after a creation that failed', async () => {
    let fail = true;
    const slot = new WindowSlot(async () => {
      if (fail) throw new Error('no display');
      return fakeWindow();
    });
    await expect(slot.show()).rejects.toThrow('no display');
    fail = false;
    const first = await slot.show();
    (first as unknown as { destroy(): void }).destroy();
    expect(slot.window).toBeUndefined();
    const second = await slot.show();
    expect(second).not.toBe(first);
  });
});

describe('a page that did not load, or a renderer that died', () => {
  it('is told to the user in their language, with reload and close', () => {
    const load = pageFailureNotice({ kind: 'load', errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', isMainFrame: true }, 'en');
    expect(load).toMatchObject({ message: 'The wxtoken window could not load its page', buttons: ['Reload', 'Close window'] });
    expect(load!.detail).toContain('ERR_FILE_NOT_FOUND');
    const gone = pageFailureNotice({ kind: 'gone', reason: 'crashed', exitCode: 139 }, 'zh-CN');
    expect(gone).toMatchObject({ message: 'wxtoken 的界面进程意外退出', buttons: ['重新加载', '关闭窗口'] });
    expect(gone!.detail).toContain('crashed');
    expect(pageFailureNotice({ kind: 'gone', reason: 'oom', exitCode: 0 }, 'en')?.message).toBe('The wxtoken window stopped unexpectedly');
  });

  it('is not raised for an aborted load (a reload replaced it), a subframe, or a clean exit', () => {
    expect(pageFailureNotice({ kind: 'load', errorCode: -3, errorDescription: 'ERR_ABORTED', isMainFrame: true }, 'en')).toBeUndefined();
    expect(pageFailureNotice({ kind: 'load', errorCode: -6, errorDescription: 'x', isMainFrame: false }, 'en')).toBeUndefined();
    expect(pageFailureNotice({ kind: 'gone', reason: 'clean-exit', exitCode: 0 }, 'en')).toBeUndefined();
  });
});
