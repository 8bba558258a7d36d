/** The main window: locked-down web preferences, shown when ready, size and position remembered, failures told. */
import { BrowserWindow, dialog } from 'electron';
import type { UiLanguage } from '../../../shared/models';
import { appEntryUrl, type AppOrigin } from '../security/app-origin';
import { pageFailureNotice, type PageFailure } from './load-failure';
import { windowOptions } from './window-options';
import { saveWindowState, stateFromBounds, type WindowState } from './window-state';

export { windowOptions } from './window-options';

let lastSave: Promise<void> = Promise.resolve();

/** Resolves when the last window-state write has finished: quitting waits for it. */
export const windowStateSaved = (): Promise<void> => lastSave;

export interface MainWindowOptions {
  preloadPath: string;
  origin: AppOrigin;
  state: WindowState;
  home: string;
  devTools: boolean;
  lang(): UiLanguage;
  /** After the window has been shown on ready-to-show. */
  onReady(win: BrowserWindow): void;
}

export function createMainWindow(o: MainWindowOptions): BrowserWindow {
  // electronegativity reads options only from a literal here; windowOptions sets contextIsolation, sandbox
  // and disableBlinkFeatures (see test/unit/desktop/window/window-options.test.ts), so these findings are false positives.
  // The navigation, window-open and permission guards come from main.ts's web-contents-created hook.
  const win = new BrowserWindow(windowOptions(o.preloadPath, o.state, o.devTools)); /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
  const entry = appEntryUrl(o.origin);
  win.once('ready-to-show', () => {
    if (o.state.maximized) win.maximize();
    win.show();
    o.onReady(win);
  });
  win.on('close', () => {
    lastSave = saveWindowState(o.home, stateFromBounds(win.getNormalBounds(), win.isMaximized())).catch(() => undefined);
  });

  // A page that did not load (or a renderer that died) would leave a hidden window the tray keeps alive.
  let telling = false;
  const tell = (failure: PageFailure) => {
    const notice = pageFailureNotice(failure, o.lang());
    if (!notice || telling || win.isDestroyed()) return;
    telling = true;
    void dialog
      .showMessageBox({ type: 'error', title: notice.title, message: notice.message, detail: notice.detail, buttons: notice.buttons, defaultId: 0, cancelId: 1 })
      .then(({ response }) => {
        telling = false;
        if (win.isDestroyed()) return;
        if (response === 0) void win.loadURL(entry).catch(() => undefined);
        else win.destroy();
      });
  };
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) =>
    tell({ kind: 'load', errorCode, errorDescription, isMainFrame }),
  );
  win.webContents.on('render-process-gone', (_event, details) => tell({ kind: 'gone', reason: details.reason, exitCode: details.exitCode }));
  // A rejected load is reported by did-fail-load above.
  win.loadURL(entry).catch(() => undefined);
  return win;
}
