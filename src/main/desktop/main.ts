/**
 * The Electron entry: one instance, one core over the same data folder as the CLI, the contract over
 * IPC, the renderer on its own app:// origin, every webContents guarded, a tray, a menu, and the optional
 * loopback server. Each decision lives in a small module with a unit test; this file only wires them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, screen, shell } from 'electron';
import { DEFAULT_SETTINGS, resolveLanguage } from '../../shared/models';
import { localize } from '../../shared/errors/errors';
import { openCore } from '../core/core';
import { EventHub } from '../core/event-hub';
import { dataHome } from '../core/storage/paths';
import { APP_CSP, devCsp } from '../csp';
import { startLoopbackServer } from '../server';
import { appMenuTemplate } from './app-menu';
import { clipboardAccess, isWaylandSession } from './clipboard/clipboard-access';
import { ClipboardGuard } from './clipboard/clipboard-guard';
import { electronClipboard } from './clipboard/electron-clipboard';
import { desktopApis } from './desktop-api';
import { forwardEvents, registerIpcHost } from './ipc-host';
import { launchMode } from './launch/launch-mode';
import { SettingsCell } from './launch/settings-cell';
import { quitWhenAllWindowsClosed, Shutdown } from './launch/shutdown';
import { isAppUrl, type AppOrigin } from './security/app-origin';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppFile } from './security/app-scheme';
import { guardEveryWebContents } from './security/web-contents-guard';
import { ServerSwitch } from './server-switch';
import { APP_USER_MODEL_ID, notify } from './tray/notify';
import { trayIsShown } from './tray/status-notifier';
import { setupTray } from './tray/tray';
import { createMainWindow, windowStateSaved } from './window/window';
import { WindowSlot } from './window/window-slot';
import { loadWindowState } from './window/window-state';

// Development only when `npm run dev` passed its flag, and never in a packaged app.
const mode = launchMode(process.argv, process.env, app.isPackaged);
const origin: AppOrigin = { rendererDir: path.join(__dirname, '../renderer'), ...(mode.devUrl ? { devUrl: mode.devUrl } : {}) };
const csp = origin.devUrl ? devCsp(origin.devUrl) : APP_CSP;
const preloadPath = ['index.js', 'index.cjs', 'index.mjs']
  .map((file) => path.join(__dirname, '../preload', file))
  .find((file) => existsSync(file)) ?? path.join(__dirname, '../preload/index.js');

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
// Before ready: app:// gets real origins and a secure context.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
// Windows shows toasts only for an app with this id (the installer's shortcut carries the same).
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

// From the first webContents on: navigation, frame navigation, window-open, webview and permission guards.
// Only URLs that passed externalUrl() (https, allow-listed WeChat hosts) reach openExternal.
app.on('web-contents-created', guardEveryWebContents({ origin, csp, openExternal: (url) => shell.openExternal(url) })); /* eng-disable OPEN_EXTERNAL_JS_CHECK */

// Registered before anything opens, so closing the window during start-up still quits cleanly.
const shutdown = new Shutdown();
app.on('will-quit', (event) => shutdown.onWillQuit(event, () => app.quit()));
let trayShown = false;
app.on('window-all-closed', () => {
  if (quitWhenAllWindowsClosed(process.platform, trayShown)) app.quit();
});

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
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request.url, origin.rendererDir, csp));
  const home = dataHome();
  const core = await openCore({ autoRefresh: true, home });
  shutdown.add(() => core.close());
  if (shutdown.started) return;
  const events = new EventHub();
  core.onEvent((event) => events.emit(event));
  const onEvent = events.on.bind(events);

  const wayland = isWaylandSession({ platform: process.platform, env: process.env, ozonePlatform: app.commandLine.getSwitchValue('ozone-platform') });
  const guard = new ClipboardGuard(electronClipboard(process.platform), undefined, clipboardAccess(wayland, () => BrowserWindow.getFocusedWindow() !== null));
  shutdown.add(() => guard.flush());
  app.on('browser-window-focus', () => void guard.retry());

  const server = new ServerSwitch(
    (port) => startLoopbackServer({ api: apis.http, onEvent, home, port, rendererDir: origin.rendererDir }),
    (status) => events.emit({ name: 'serverChanged', payload: status }),
  );
  shutdown.add(() => server.close());
  const apis = desktopApis(core, app.getVersion(), guard, () => server.status());

  const loaded = await core.api.getSettings({});
  // The first settings listener: everything else hears of a change after it is stored.
  const settings = new SettingsCell(loaded.ok ? loaded.value : DEFAULT_SETTINGS);
  settings.follow(onEvent);
  const lang = () => resolveLanguage(settings.current.language, app.getLocale());
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate({ lang: lang(), development: mode.development, platform: process.platform, appName: app.name })),
    );
  setMenu();
  settings.onChange(setMenu);

  const ownContents = new Set<number>();
  registerIpcHost({ ipc: ipcMain, api: apis.ipc, isTrustedUrl: (url) => isAppUrl(url, origin), isOwnContents: (sender) => ownContents.has(sender.id) });

  const windows: WindowSlot<BrowserWindow> = new WindowSlot(async () => {
    const state = await loadWindowState(home, screen.getAllDisplays().map((d) => d.workArea));
    const created = createMainWindow({ preloadPath, origin, state, home, devTools: mode.development, lang, onReady: (win) => windows.markReady(win) });
    const id = created.webContents.id;
    ownContents.add(id);
    const stop = forwardEvents(onEvent, created.webContents);
    created.webContents.once('destroyed', () => {
      ownContents.delete(id);
      stop();
    });
    return created;
  });
  shutdown.add(() => windowStateSaved());
  app.on('second-instance', () => void windows.show());
  app.on('activate', () => void windows.show());
  await windows.show();
  if (shutdown.started) return;

  const notifyUser = (body: string) =>
    notify(body, {
      supported: () => Notification.isSupported(),
      create: (text) => new Notification({ title: 'wxtoken', body: text, silent: true }),
      fallback: (text) => void dialog.showMessageBox({ type: 'info', title: 'wxtoken', message: text }),
    });
  const tray = await setupTray({
    api: apis.ipc,
    lang,
    onEvent,
    onSettingsChange: (listener) => settings.onChange(listener),
    notify: notifyUser,
    copyNeedsWindow: () => wayland,
    open: () => void windows.show(),
    quit: () => app.quit(),
    platform: process.platform,
  });
  shutdown.add(() => tray?.destroy());
  // With a tray the desktop really shows, the app keeps running (tokens refreshed, server up) when the window closes.
  trayShown = tray !== undefined && (await trayIsShown(process.platform));

  const applyServer = async () => {
    const result = await server.apply(settings.current);
    if (!result.ok) void dialog.showMessageBox({ type: 'warning', message: localize(result.error.message, lang()) });
  };
  settings.onChange(() => void applyServer());
  await applyServer();

  const problems = core.problems();
  if (problems.length > 0) {
    void dialog.showMessageBox({ type: 'warning', message: 'wxtoken', detail: problems.map((p) => localize(p.message, lang())).join('\n') });
  }
}
