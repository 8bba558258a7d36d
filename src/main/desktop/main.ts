/**
 * The Electron entry: one instance, one core over the same data folder as the CLI, the contract over
 * IPC, a locked-down window, a tray, a menu, and the optional loopback server.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, screen, session } from 'electron';
import { DEFAULT_SETTINGS, resolveLanguage, type Settings } from '../../shared/models';
import { localize } from '../../shared/errors';
import { appMenuTemplate } from './app-menu';
import { isAppUrl, type AppOrigin } from './security/app-origin';
import { ClipboardGuard } from './clipboard/clipboard-guard';
import { openCore } from '../core/core';
import { EventHub } from '../core/event-hub';
import { dataHome } from '../core/storage/paths';
import { APP_CSP, devCsp } from '../csp';
import { desktopApis } from './desktop-api';
import { forwardEvents, registerIpcHost } from './ipc-host';
import { startLoopbackServer } from '../server';
import { ServerSwitch } from './server-switch';
import { installSessionGuard } from './security/session-guard';
import { setupTray } from './tray/tray';
import { createMainWindow, revealWindow, windowStateSaved } from './window/window';
import { loadWindowState } from './window/window-state';

const development = !app.isPackaged;
const origin: AppOrigin = {
  rendererDir: path.join(__dirname, '../renderer'),
  devUrl: development ? process.env.ELECTRON_RENDERER_URL : undefined,
};
const preloadPath = ['index.js', 'index.cjs', 'index.mjs']
  .map((file) => path.join(__dirname, '../preload', file))
  .find((file) => existsSync(file)) ?? path.join(__dirname, '../preload/index.js');

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(main).catch(fatal);
}

function fatal(err: unknown): void {
  // Only the error's kind: its text could carry something the user typed.
  dialog.showErrorBox('wxtoken', `wxtoken could not start / 无法启动 (${(err as Error)?.name ?? 'Error'})`);
  app.exit(1);
}

async function main(): Promise<void> {
  const home = dataHome();
  const core = await openCore({ autoRefresh: true, home });
  const events = new EventHub();
  core.onEvent((event) => events.emit(event));
  const onEvent = events.on.bind(events);

  const guard = new ClipboardGuard(clipboard);
  const server = new ServerSwitch(
    (port) => startLoopbackServer({ api: apis.http, onEvent, home, port, rendererDir: origin.rendererDir }),
    (status) => events.emit({ name: 'serverChanged', payload: status }),
  );
  const apis = desktopApis(core, app.getVersion(), guard, () => server.status());

  let settings: Settings = DEFAULT_SETTINGS;
  const loaded = await core.api.getSettings({});
  if (loaded.ok) settings = loaded.value;
  const lang = () => resolveLanguage(settings.language, app.getLocale());
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate({ lang: lang(), development, platform: process.platform, appName: app.name })),
    );

  installSessionGuard(session.defaultSession, origin.devUrl ? devCsp(origin.devUrl) : APP_CSP);
  registerIpcHost({ ipc: ipcMain, api: apis.ipc, isTrustedUrl: (url) => isAppUrl(url, origin) });
  setMenu();

  let win: BrowserWindow | undefined;
  const showWindow = async () => {
    if (win && !win.isDestroyed()) return revealWindow(win);
    const state = await loadWindowState(home, screen.getAllDisplays().map((d) => d.workArea));
    const created = createMainWindow({ preloadPath, origin, state, home, devTools: development });
    const stop = forwardEvents(onEvent, created.webContents);
    created.webContents.once('destroyed', stop);
    created.on('closed', () => {
      if (win === created) win = undefined;
    });
    win = created;
  };
  app.on('second-instance', () => void showWindow());
  app.on('activate', () => void showWindow());
  await showWindow();

  const tray = await setupTray({ api: apis.ipc, lang, onEvent, open: () => void showWindow(), quit: () => app.quit() });
  // With a tray the app keeps running (tokens refreshed, server up) when the window is closed.
  app.on('window-all-closed', () => {
    if (!tray && process.platform !== 'darwin') app.quit();
  });

  const applyServer = async () => {
    const result = await server.apply(settings);
    if (!result.ok) void dialog.showMessageBox({ type: 'warning', message: localize(result.error.message, lang()) });
  };
  events.on((event) => {
    if (event.name !== 'settingsChanged') return;
    settings = event.payload;
    setMenu();
    void applyServer();
  });
  await applyServer();

  const problems = core.problems();
  if (problems.length > 0) {
    void dialog.showMessageBox({ type: 'warning', message: 'wxtoken', detail: problems.map((p) => localize(p.message, lang())).join('\n') });
  }

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    tray?.destroy();
    void Promise.allSettled([guard.flush(), server.close(), core.close(), windowStateSaved()]).finally(() => app.quit());
  });
}
