/**
 * Debian's Chromium driven by playwright-core: how it is launched, how a page is opened on the app and made
 * ready, and every response the page receives kept so a test can scan it.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { ROOT } from './e2e-serve';

export const CHROMIUM = process.env.WXTOKEN_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Every window of headless Chromium preloads the address bar's popup, a page of its own in a renderer of its
  // own: about 1.6 CPU-seconds per browser context on this box, for a popup no test ever opens.
  // RenderDocument gives every navigation a new frame host. The tests load the app and park its page
  // (app-pages.ts) a few hundred times; without it each load-and-park costs about a quarter less CPU here
  // (20 of them: ~13.4 CPU-s against ~17.5). Nothing a page can observe changes.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,RenderDocument',
];
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** How to launch Chromium for the tests (through a shim that keeps Playwright's disabled features with ours). */
export const CHROMIUM_LAUNCH = {
  executablePath: join(__dirname, 'chromium-merged-features.sh'),
  env: { ...process.env, WXTOKEN_CHROMIUM_BINARY: CHROMIUM },
  headless: true,
  args: CHROMIUM_ARGS,
  timeout: 60_000,
};

export type UiLocale = 'zh-CN' | 'en-US';
export interface OpenOptions {
  /** The browser's language: the app's "follow the system" setting picks zh-CN or English from it. */
  locale?: UiLocale;
  colorScheme?: 'light' | 'dark';
  /** Scripts to run before the app's own (e.g. a PerformanceObserver for the benchmark). */
  initScripts?: string[];
  /** Runs on the new page just before it navigates (e.g. to start a CPU profile). */
  beforeGoto?(page: Page): Promise<void>;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Bodies of the responses the page has received that could carry data (see trackResponses). */
  responseBodies(): Promise<string[]>;
  /** Everything the page holds as text: its HTML plus the live values of inputs and text areas. */
  domText(): Promise<string>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (Debian package chromium)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

export const VIEWPORT = { width: 1280, height: 900 };
/** What the app's origin may do in a test's browser (its copy buttons, and the tests' clipboard reads). */
export const APP_PERMISSIONS = ['clipboard-read', 'clipboard-write'];

/** A fresh browser context with the app's clipboard permissions, and one page in it (not yet on the app). */
export async function newAppContext(browser: Browser, origin: string, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'zh-CN',
    colorScheme: options.colorScheme ?? 'light',
    viewport: VIEWPORT,
  });
  await context.grantPermissions(APP_PERMISSIONS, { origin });
  const page = await context.newPage();
  for (const script of options.initScripts ?? []) await page.addInitScript(script);
  return { context, page };
}

/**
 * Keeps the body of every response the page receives from now on that could carry data: not the event stream
 * (it never ends: see ServeStack.eventText), not the built scripts and styles under /assets/ (files on disk since
 * the build, before any test made a secret; a megabyte per load through the DevTools protocol otherwise).
 */
export function trackResponses(page: Page): { bodies(): Promise<string[]>; reset(): void } {
  let bodies: Promise<string>[] = [];
  const listen = () =>
    page.on('response', (response) => {
      if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
      if (new URL(response.url()).pathname.startsWith('/assets/')) return;
      bodies.push(response.text().catch(() => ''));
    });
  listen();
  return {
    bodies: () => Promise.all(bodies),
    reset() {
      // A test may have left listeners of its own (a dialog handler, say): the next test starts without them.
      page.removeAllListeners();
      bodies = [];
      listen();
    },
  };
}

/** The AppPage over a page that is on the app; `close` is what the test's close does. */
export function appPage(page: Page, context: BrowserContext, responses: { bodies(): Promise<string[]> }, close: () => Promise<void>): AppPage {
  return {
    page,
    context,
    responseBodies: responses.bodies,
    domText: () =>
      page.evaluate(() => {
        const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
        // Shadow roots too (the body editor draws in one): outerHTML leaves them out.
        const shadows = [...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot.innerHTML] : []));
        return `${document.documentElement.outerHTML}\n${values.join('\n')}\n${shadows.join('\n')}`;
      }),
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
    },
    close,
  };
}

/** Opens the app at `url` in a fresh context and waits for its explicit ready marker. */
export async function openApp(browser: Browser, url: string, options: OpenOptions = {}): Promise<AppPage> {
  const { context, page } = await newAppContext(browser, new URL(url).origin, options);
  const responses = trackResponses(page);
  await options.beforeGoto?.(page);
  await page.goto(url);
  await waitReady(page);
  return appPage(page, context, responses, () => context.close());
}

/** The renderer sets `data-ready` on <html> once settings, accounts and the catalogue are loaded. */
export async function waitReady(page: Page): Promise<void> {
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
}

/**
 * The bytes of a finished download, through Playwright's stream: the same for a launched browser and for one
 * connected to over the network (download.path() is only there for the first).
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
