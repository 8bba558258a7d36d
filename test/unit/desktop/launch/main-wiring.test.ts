/**
 * The built Electron entry (out/main/index.js, as packaged) run under Node against a recording stand-in for
 * the `electron` module — no Electron binary can run here. It checks the wiring, not Chromium: what is
 * registered before the app is ready, the app:// handler serving the built renderer, the guards on the
 * window's webContents before it loads, the IPC sender check, and a clean quit.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, methodNames } from '../../../../src/shared/contract';
import { hasTestKeyring } from '../../../support/keychain/keychain';

const root = path.resolve(__dirname, '../../../..');
const entry = path.join(root, 'out/main/index.js');
const skipReason = !existsSync(entry)
  ? 'the app is not built (npm run build)'
  : !hasTestKeyring()
    ? 'needs the private test keychain (run through scripts/run-tests.mjs)'
    : '';

type Listener = (...args: unknown[]) => unknown;

function fakeElectron() {
  const log: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    name: 'wxtoken',
    commandLine: { getSwitchValue: () => '' },
    enableSandbox: () => void log.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    getVersion: () => '0.0.0-test',
    getLocale: () => 'en-US',
    setAppUserModelId: () => {},
    quit: () => void log.push('quit'),
    exit: (code: number) => void log.push(`exit ${code}`),
    ready: undefined as undefined | (() => void),
    whenReady: () => new Promise<void>((resolve) => (app.ready = resolve)),
  });
  const handlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  let nextId = 1;
  const session = {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    webRequest: { onHeadersReceived: () => {} },
  };
  class FakeContents extends EventEmitter {
    id = nextId++;
    session = session;
    openHandler?: Listener;
    setWindowOpenHandler(h: Listener) {
      this.openHandler = h;
    }
    isDestroyed = () => false;
    send() {}
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    loaded: string[] = [];
    listenersAtLoad: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      this.listenersAtLoad = this.webContents.eventNames().map(String);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isVisible = () => false;
    show() {}
    focus() {}
    restore() {}
    maximize() {}
    static getFocusedWindow = () => null;
    static getAllWindows = () => windows;
  }
  const module = {
    app,
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => void log.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: Listener) => {
        log.push(`protocol.handle ${scheme}`);
        handlers.set(scheme, handler);
      },
    },
    ipcMain: { handle: (channel: string, h: Listener) => handlers.set(channel, h), removeHandler: () => {} },
    Menu: { setApplicationMenu: () => void log.push('menu'), buildFromTemplate: (t: unknown) => t },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    dialog: { showErrorBox: (...a: unknown[]) => void log.push(`showErrorBox ${a.join(' ')}`), showMessageBox: async () => ({ response: 0 }) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: async () => {} },
    Tray: class {
      setToolTip() {}
      setContextMenu() {}
      on() {}
      destroy() {}
    },
    nativeImage: { createEmpty: () => ({ addRepresentation() {}, setTemplateImage() {} }) },
    clipboard: { readText: async () => '', writeText: async () => {}, write: async () => {} },
    ClipboardItem: class {},
    session: { defaultSession: session },
  };
  return { module, app, log, handlers, windows };
}

describe.skipIf(Boolean(skipReason))(`the built Electron entry, wired${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const fake = fakeElectron();
  let home = '';
  const before: string[] = [];

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'wxtoken-wiring-'));
    process.env.WXTOKEN_HOME = home;
    process.env.WXTOKEN_KEYCHAIN_SERVICE = `wxtoken-test-${randomUUID()}`;
    const require = createRequire(entry);
    const electronPath = require.resolve('electron');
    require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: fake.module } as NodeJS.Module;
    require(entry);
    before.push(...fake.log, ...fake.app.eventNames().map((e) => `on ${String(e)}`));
    fake.app.ready!();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
    await vi.waitFor(() => expect(fake.log).toContain('menu'), { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('registers the privileged app:// scheme, the guard hook and the quit handling before the app is ready', () => {
    expect(before.find((l) => l.startsWith('registerSchemesAsPrivileged'))).toMatch(/"scheme":"app".*"standard":true.*"secure":true/);
    expect(before).toEqual(expect.arrayContaining(['enableSandbox', 'on web-contents-created', 'on will-quit', 'on window-all-closed']));
    expect(before).not.toContain('protocol.handle app');
  });

  it('serves the built renderer on app://wxtoken with the CSP, and nothing outside it', async () => {
    const handle = fake.handlers.get('app')!;
    const page = (await handle(new Request('app://wxtoken/index.html'))) as Response;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    expect(await page.text()).toContain('<div id="root">');
    const outside = (await handle(new Request('app://wxtoken/%2e%2e/main/index.js'))) as Response;
    expect(outside.status).toBe(404);
  });

  it('opens one locked-down window on app://wxtoken, guarded before it loads, without DevTools', () => {
    const [win] = fake.windows;
    expect(win.loaded).toEqual(['app://wxtoken/index.html']);
    expect(win.listenersAtLoad).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'did-fail-load', 'render-process-gone']));
    expect(win.webContents.openHandler).toBeDefined();
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
  });

  it("answers IPC from the window's main frame on app:// only", async () => {
    const [win] = fake.windows;
    for (const name of methodNames) expect(fake.handlers.has(IPC_PREFIX + name)).toBe(true);
    const call = fake.handlers.get(`${IPC_PREFIX}listAccounts`)!;
    const own = await call({ sender: { id: win.webContents.id }, senderFrame: { url: 'app://wxtoken/index.html', parent: null } }, {});
    expect(own).toEqual({ ok: true, value: [] });
    for (const event of [
      { sender: { id: win.webContents.id + 100 }, senderFrame: { url: 'app://wxtoken/index.html', parent: null } },
      { sender: { id: win.webContents.id }, senderFrame: { url: 'app://wxtoken/index.html', parent: {} } },
      { sender: { id: win.webContents.id }, senderFrame: { url: `file://${path.join(root, 'out/renderer/index.html')}`, parent: null } },
    ]) {
      expect(await call(event, {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    }
  });

  it('holds the quit until everything is closed, then quits', async () => {
    const quits = () => fake.log.filter((l) => l === 'quit').length;
    let prevented = false;
    fake.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await expect.poll(quits, { timeout: 10_000 }).toBe(1);
    expect(fake.log.filter((l) => l.startsWith('showErrorBox'))).toEqual([]);
  });
});
