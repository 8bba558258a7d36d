/** The main window: locked-down web preferences, shown when ready, size and position remembered. */
import { BrowserWindow, shell } from 'electron';
import { appEntryUrl, type AppOrigin } from '../security/app-origin';
import { installNavigationGuard } from '../security/navigation-guard';
import { windowOptions } from './window-options';
import { saveWindowState, stateFromBounds, type WindowState } from './window-state';

export { windowOptions } from './window-options';
export { revealWindow } from './window-reveal';

let lastSave: Promise<void> = Promise.resolve();

/** Resolves when the last window-state write has finished: quitting waits for it. */
export const windowStateSaved = (): Promise<void> => lastSave;

export interface MainWindowOptions {
  preloadPath: string;
  origin: AppOrigin;
  state: WindowState;
  home: string;
  devTools: boolean;
}

export function createMainWindow(o: MainWindowOptions): BrowserWindow {
  // electronegativity reads options only from a literal here; windowOptions sets contextIsolation, sandbox
  // and disableBlinkFeatures (see test/unit/desktop/window-options.test.ts), so these findings are false positives.
  const win = new BrowserWindow(windowOptions(o.preloadPath, o.state, o.devTools)); /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
  // Only URLs that passed externalUrl() (https, allow-listed WeChat hosts) reach this.
  installNavigationGuard(win.webContents, o.origin, (url) => shell.openExternal(url)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  win.once('ready-to-show', () => {
    if (o.state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    lastSave = saveWindowState(o.home, stateFromBounds(win.getNormalBounds(), win.isMaximized())).catch(() => undefined);
  });
  void win.loadURL(appEntryUrl(o.origin));
  return win;
}
