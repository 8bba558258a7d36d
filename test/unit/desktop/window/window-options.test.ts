import { describe, expect, it, vi } from 'vitest';
import { windowOptions } from '../../../../src/main/desktop/window/window-options';
import { revealWindow } from '../../../../src/main/desktop/window/window-slot';
import { DEFAULT_SIZE, MIN_SIZE } from '../../../../src/main/desktop/window/window-state';

describe('the main window options', () => {
  it('lock the page down', () => {
    const o = windowOptions('/app/out/preload/index.js');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
    expect(o.webPreferences?.enableBlinkFeatures).toBeUndefined();
  });

  it('stay hidden until ready, with a sensible size and minimum', () => {
    const o = windowOptions('/p.js');
    expect(o.show).toBe(false);
    expect({ width: o.width, height: o.height }).toEqual(DEFAULT_SIZE);
    expect({ width: o.minWidth, height: o.minHeight }).toEqual(MIN_SIZE);
    expect(o.x).toBeUndefined();
    expect(o.y).toBeUndefined();
  });

  it('use the remembered size and position', () => {
    const o = windowOptions('/p.js', { size: { width: 1300, height: 900 }, position: { x: 40, y: 60 }, maximized: false }, true);
    expect(o).toMatchObject({ width: 1300, height: 900, x: 40, y: 60 });
    expect(o.webPreferences?.devTools).toBe(true);
  });
});

describe('revealing the window (second launch, tray, dock)', () => {
  const fakeWindow = (minimized: boolean, visible: boolean) => ({
    isMinimized: () => minimized,
    isVisible: () => visible,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });

  it('restores a minimized window and focuses it', () => {
    const win = fakeWindow(true, true);
    revealWindow(win);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('shows a hidden window and focuses it', () => {
    const win = fakeWindow(false, false);
    revealWindow(win);
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});
