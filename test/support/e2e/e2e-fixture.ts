/**
 * The end-to-end fixture: per spec file the simulator, `wxtoken serve` (a real child process on a fresh data
 * folder and keychain service) and a Chromium leased for the file from the run's pool (chromium-pool.ts);
 * per test the app loaded anew from the printed URL, ready once the app says so, in a page the file's earlier
 * tests may have used (app-pages.ts). Also the one check every spec ends with: no AppSecret reached the page.
 */
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { SimAccount } from '../../simulator';
import { LEASE_PATH, RETURN_PATH } from './chromium-pool';
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
  let browser: LeasedBrowser | undefined;
  let pages: AppPages | undefined;
  const secrets = new Set<string>();

  beforeAll(async () => {
    const missing = rendererMissing();
    if (missing) throw new Error(missing);
    [stack, browser] = await Promise.all([startServeStack(options), leaseChromium()]);
    const s = stack;
    const b = browser.browser;
    const p = (pages = new AppPages(b, s.url));
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
    await browser?.giveBack();
    await stack?.close();
  });

  return () => {
    if (!e2e) throw new Error('the e2e fixture is not started');
    return e2e;
  };
}

interface LeasedBrowser {
  browser: Browser;
  /** Closes this file's contexts, then returns the browser to the pool (or closes it if it was not pooled). */
  giveBack(): Promise<void>;
}

/** A Chromium from the run's pool, for this file alone until it gives it back; its own one without a pool. */
async function leaseChromium(): Promise<LeasedBrowser> {
  const pool = inject('chromiumPool');
  if (!pool) {
    const browser = await launchChromium();
    return { browser, giveBack: () => browser.close().catch(() => undefined) };
  }
  const res = await fetch(pool + LEASE_PATH);
  const ws = await res.text();
  if (!res.ok) throw new Error(`no Chromium from the pool: ${ws}`);
  const browser = await chromium.connect(ws, { timeout: 60_000 });
  return {
    browser,
    async giveBack() {
      // Disconnecting closes every context this file opened, so the next file finds the browser empty.
      await browser.close().catch(() => undefined);
      await fetch(`${pool}${RETURN_PATH}?ws=${encodeURIComponent(ws)}`);
    },
  };
}
