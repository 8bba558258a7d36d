/**
 * Debian's Chromium driven by playwright-core: one browser per spec file, a fresh context (profile,
 * storage, permissions) per test, every response the page receives kept so a test can scan it.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { ROOT } from './e2e-serve';

export const CHROMIUM = process.env.WXTOKEN_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

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
  /** Bodies of every response the page has received (the event stream excluded: see ServeStack.eventText). */
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
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Opens the app at `url` in a fresh context and waits for its explicit ready marker. */
export async function openApp(browser: Browser, url: string, options: OpenOptions = {}): Promise<AppPage> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    locale: options.locale ?? 'zh-CN',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  for (const script of options.initScripts ?? []) await page.addInitScript(script);

  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    bodies.push(response.text().catch(() => ''));
  });

  await options.beforeGoto?.(page);
  await page.goto(url);
  await waitReady(page);
  return {
    page,
    context,
    responseBodies: () => Promise.all(bodies),
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
    close: () => context.close(),
  };
}

/** The renderer sets `data-ready` on <html> once settings, accounts and the catalogue are loaded. */
export async function waitReady(page: Page): Promise<void> {
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
}

/**
 * The bytes of a finished download. Read through Playwright rather than from download.path(): the browser may
 * be a pooled one this process is connected to, whose files are not this process's to open.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
