/**
 * Smoke test of the packaged-shape app: launch out/main/index.js in a real Electron with Playwright,
 * on a fresh data folder and a private keychain, see the page on its app://wxtoken origin with the CSP
 * header, see the account listed, copy its token, and see a foreign navigation stopped.
 * Runs only where an Electron binary exists and can start; otherwise it is reported skipped with why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectronApplication, Page } from 'playwright-core';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';

const root = path.resolve(__dirname, '../../..');
const entry = path.join(root, 'out/main/index.js');

/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it but without its
 * fallback: `require('electron')` downloads the binary when it is missing, which must never happen in
 * a test (no network but loopback, and no unbounded wait).
 */
function electronBinary(): { executable: string } | { reason: string } {
  const pkg = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? (relative ? path.join(pkg, 'dist') : '');
  if (!dist) return { reason: 'no Electron binary installed (node_modules/electron/path.txt is missing)' };
  const executable = path.join(dist, relative || 'electron');
  if (!existsSync(executable)) return { reason: `no Electron binary at ${executable}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display (DISPLAY / WAYLAND_DISPLAY unset; run under xvfb-run)' };
  }
  // Time-boxed: a binary that cannot start (missing libraries, wrong architecture) must not hang us.
  const probe = spawnSync(executable, ['--version'], { timeout: 15_000, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (probe.error || probe.status !== 0) return { reason: `the Electron binary does not start (${probe.error?.message ?? `exit ${probe.status}`})` };
  if (!existsSync(entry)) return { reason: 'the app is not built (run `npm run build` first: out/main/index.js is missing)' };
  if (!process.env.WXTOKEN_TEST_KEYRING) return { reason: 'needs the private test keychain (run through scripts/run-tests.mjs)' };
  return { executable };
}

const found = electronBinary();
const skipReason = 'reason' in found ? found.reason : '';
if (skipReason) console.info(`[e2e/electron] skipped: ${skipReason}`);

describe.skipIf(Boolean(skipReason))(`the desktop app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let env: CoreEnv;
  let app: ElectronApplication | undefined;
  let page: Page;

  beforeAll(async () => {
    env = await makeCoreEnv();
    await env.addAccount('demo-oa', { kind: 'oa' });
    // The app opens its own core on the same folder and keychain service; this one must let go first.
    await env.core.close();
    const { _electron } = await import('playwright-core');
    const { ELECTRON_RUN_AS_NODE: _asNode, ...inherited } = process.env;
    app = await _electron.launch({
      executablePath: (found as { executable: string }).executable,
      args: [entry],
      env: { ...inherited, WXTOKEN_HOME: env.home, WXTOKEN_KEYCHAIN_SERVICE: env.service } as Record<string, string>,
      timeout: 60_000,
    });
    page = await app.firstWindow({ timeout: 60_000 });
  });

  afterAll(async () => {
    await app?.close();
    await env?.close();
  });

  it('shows the account list', async () => {
    await page.getByText('demo-oa').first().waitFor({ state: 'visible', timeout: 30_000 });
    const listed = await page.evaluate(() => (globalThis as unknown as { wxtoken: { listAccounts(i: object): Promise<unknown> } }).wxtoken.listAccounts({}));
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'demo-oa', hasSecret: true }] });
    // The page has the bridge's named functions and nothing of Node or ipcRenderer.
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
      ipc: 'ipcRenderer' in (globalThis as unknown as { wxtoken: object }).wxtoken,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipc: false });
  });

  it('is served from app://wxtoken with the CSP header, and nothing outside the renderer folder is', async () => {
    expect(page.url()).toMatch(/^app:\/\/wxtoken\//);
    const served = await page.evaluate(async () => {
      const index = await fetch('/index.html');
      const outside = await fetch('/..%2fmain%2findex.js');
      return { csp: index.headers.get('content-security-policy'), origin: location.origin, outside: outside.status, secure: isSecureContext };
    });
    expect(served.origin).toBe('app://wxtoken');
    expect(served.secure).toBe(true);
    expect(served.csp).toContain("default-src 'self'");
    expect(served.csp).not.toContain('unsafe-inline');
    expect(served.outside).toBe(404);
    // Not in development: `npm start` is not `npm run dev`.
    const devTools = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.isDevToolsOpened());
    expect(devTools).toBe(false);
  });

  it('stops a navigation away from the app (loopback discard port: nothing leaves the machine even if it failed)', async () => {
    const before = page.url();
    await page.evaluate(() => {
      location.href = 'http://127.0.0.1:9/';
    });
    // The guard cancels it in the main process; one more round trip to the page shows where it is.
    await page.evaluate(() => document.readyState);
    expect(page.url()).toBe(before);
  });

  it('copies the token to the clipboard from the main process', async () => {
    const copied = await page.evaluate(() =>
      (globalThis as unknown as { wxtoken: { copyToken(i: { name: string }): Promise<unknown> } }).wxtoken.copyToken({ name: 'demo-oa' }),
    );
    expect(copied).toEqual({ ok: true, value: { clearAfterSeconds: 30 } });
    const onClipboard = await app!.evaluate(async ({ clipboard }) => clipboard.readText());
    const core = await env.reopen();
    const token = await core.api.revealToken({ name: 'demo-oa' });
    expect(token.ok && token.value.accessToken).toBe(onClipboard);
  });
});
