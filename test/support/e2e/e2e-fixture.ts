/**
 * The end-to-end fixture: per spec file the simulator and `wxtoken serve` (a real child process on a fresh data
 * folder and keychain service); per worker process a Chromium it launches itself (through a pipe, so it ends
 * with the process), kept for the spec files the worker runs one after another (the e2e project does not
 * isolate them); per test the app loaded anew from the printed URL, ready once the app says so, in a page an
 * earlier test may have used (app-pages.ts). Also the one check every spec ends with: no AppSecret reached the page.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SimAccount } from '../../simulator';
import { AppPages } from './app-pages';
import { chromiumMissing, launchChromium, type AppPage, type OpenOptions } from './e2e-browser';
import { rendererMissing, startServeStack, type ServeStack } from './e2e-serve';
import { hasTestKeyring } from '../keychain/keychain';

export interface E2e {
  stack: ServeStack;
  browser: Browser;
  /** A page on the app, freshly loaded; parked or closed after the test. */
  open(options?: OpenOptions): Promise<AppPage>;
  /** addAccount on the stack, remembering the secret for `expectNoSecretLeak`. */
  addAccount(name: string, sim: Partial<SimAccount>, mode?: 'stable' | 'classic'): Promise<SimAccount>;
  /** A secret the test typed itself (e.g. into the add dialog). */
  rememberSecret(secret: string): void;
  /** No known AppSecret in the page's DOM, in any response it received, or in the event stream. */
  expectNoSecretLeak(app: AppPage): Promise<void>;
}

/** Why the e2e specs cannot run here, if they cannot (reported as skipped, with the reason). */
export function e2eSkipReason(): string | undefined {
  if (!hasTestKeyring()) return 'needs the private test keychain (run through scripts/run-tests.mjs)';
  return chromiumMissing();
}

/** Registers the hooks for one spec file; the returned getter is valid inside tests. */
export function useE2e(options: { expiresIn?: number; callerIp?: string } = {}): () => E2e {
  let e2e: E2e | undefined;
  let stack: ServeStack | undefined;
  let pages: AppPages | undefined;
  const secrets = new Set<string>();

  beforeAll(async () => {
    const missing = rendererMissing();
    if (missing) throw new Error(missing);
    [stack, pages] = await Promise.all([startServeStack(options), workerPages()]);
    const s = stack;
    const p = pages;
    const b = p.browser;
    p.useApp(s.url);
    e2e = {
      stack: s,
      browser: b,
      open: (openOptions) => p.open(openOptions),
      async addAccount(name, sim, mode) {
        const account = await s.addAccount(name, sim, mode);
        secrets.add(account.secret);
        return account;
      },
      rememberSecret: (secret) => void secrets.add(secret),
      async expectNoSecretLeak(app) {
        const [dom, bodies] = await Promise.all([app.domText(), app.responseBodies()]);
        expect(bodies.length).toBeGreaterThan(0);
        for (const secret of secrets) {
          expect(dom.includes(secret), 'an AppSecret is in the page').toBe(false);
          expect(bodies.some((b) => b.includes(secret)), 'an AppSecret is in a response the page received').toBe(false);
          expect(s.eventText().includes(secret), 'an AppSecret is in the event stream').toBe(false);
        }
      },
    };
  });

  afterEach(async () => {
    await pages?.releaseAll();
  });

  afterAll(async () => {
    await pages?.endFile();
    await stack?.close();
  });

  return () => {
    if (!e2e) throw new Error('the e2e fixture is not started');
    return e2e;
  };
}

/**
 * This worker's browser and its pages, kept from one spec file to the next. Launched here rather than shared
 * from the vitest main process: a browser reached over a WebSocket costs the Playwright server between them
 * ~15 CPU-s more per run, measured on this box.
 */
let shared: Promise<AppPages> | undefined;

async function workerPages(): Promise<AppPages> {
  const current = await shared?.catch(() => undefined);
  if (current?.browser.isConnected()) return current;
  shared = launchChromium().then((browser) => new AppPages(browser));
  return shared;
}
