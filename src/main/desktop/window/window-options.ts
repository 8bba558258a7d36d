/** The main window's constructor options: every web preference locked down, shown only when ready. */
import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_SIZE, MIN_SIZE, type WindowState } from './window-state';

export function windowOptions(
  preloadPath: string,
  state: WindowState = { maximized: false },
  devTools = false,
): BrowserWindowConstructorOptions {
  const size = state.size ?? DEFAULT_SIZE;
  return {
    ...size,
    ...(state.position ?? {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'wxtoken',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click must not open links in new windows (which are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  };
}
