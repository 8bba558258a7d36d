/**
 * The app pages of one worker's browser, for the spec files it runs one after another. A page a test is done
 * with is parked on a page of the app's origin that runs nothing, and the next test asking for the same
 * language gets it back, storage cleared and the app loaded anew; a later file's test gets it moved to that
 * file's app first. Loading the app again in its renderer process costs a third of a fresh context, which
 * needs a new window and process (measured on this 2-core box: ~0.5 s and ~0.8 CPU-s against ~1.5 s and
 * ~2.4 CPU-s).
 *
 * What a test sees is the same as in a fresh context: a new document from the printed URL, empty local and
 * session storage, no cookies, the default viewport, the asked colour scheme, no other page, and no listeners
 * or routes of an earlier test. Pages with init scripts or a hook before loading are never shared.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { APP_PERMISSIONS, appPage, newAppContext, openApp, trackResponses, VIEWPORT, waitReady, type AppPage, type OpenOptions, type UiLocale } from './e2e-browser';

/** Answers 404 with a short text body: an ordinary document of the app's origin, with no script. */
const PARKING_PATH = '/parked-between-tests';

interface Pooled {
  context: BrowserContext;
  page: Page;
  locale: UiLocale;
  /** The app origin the page was last on (where it is parked). */
  origin: string;
  responses: ReturnType<typeof trackResponses>;
  busy: boolean;
}

export class AppPages {
  private readonly pooled: Pooled[] = [];
  private readonly unshared = new Set<BrowserContext>();
  private url = '';
  private origin = '';

  constructor(readonly browser: Browser) {}

  /** The app the pages open from now on (a spec file's own `wxtoken serve`). */
  useApp(url: string): void {
    this.url = url;
    this.origin = new URL(url).origin;
  }

  async open(options: OpenOptions = {}): Promise<AppPage> {
    if (!this.url) throw new Error('AppPages.useApp first');
    if (options.initScripts?.length || options.beforeGoto) return this.openUnshared(options);
    const locale = options.locale ?? 'zh-CN';
    const colorScheme = options.colorScheme ?? 'light';
    let entry = this.pooled.find((p) => !p.busy && p.locale === locale && !p.page.isClosed());
    if (entry) {
      entry.busy = true;
      await this.unpark(entry, colorScheme);
    } else {
      const { context, page } = await newAppContext(this.browser, this.origin, { locale, colorScheme });
      entry = { context, page, locale, origin: this.origin, responses: trackResponses(page), busy: true };
      this.pooled.push(entry);
    }
    await entry.page.goto(this.url);
    await waitReady(entry.page);
    const pooled = entry;
    return appPage(pooled.page, pooled.context, pooled.responses, () => this.park(pooled));
  }

  /** After each test: every page it opened is parked (shared ones) or closed. */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.pooled.filter((p) => p.busy).map((p) => this.park(p)), ...[...this.unshared].map((c) => c.close().catch(() => undefined))]);
    this.unshared.clear();
  }

  /** After a spec file: contexts a test made itself on the browser are closed; the parked pages stay for the next file. */
  async endFile(): Promise<void> {
    await this.releaseAll();
    const kept = new Set(this.pooled.map((p) => p.context));
    await Promise.all(this.browser.contexts().filter((c) => !kept.has(c)).map((c) => c.close().catch(() => undefined)));
  }

  private async openUnshared(options: OpenOptions): Promise<AppPage> {
    const app = await openApp(this.browser, this.url, options);
    this.unshared.add(app.context);
    return {
      ...app,
      close: async () => {
        this.unshared.delete(app.context);
        await app.close();
      },
    };
  }

  /** Stops the app (timers, event stream, requests) so nothing it does reaches the next test. */
  private async park(entry: Pooled): Promise<void> {
    if (!entry.busy) return;
    entry.busy = false;
    try {
      // Hover follows the pointer into the next document: leave it where a fresh page has it.
      await entry.page.mouse.move(0, 0);
      await entry.page.goto(entry.origin + PARKING_PATH);
      // Pages a test opened beside it (csp.test.ts does) go, as they would with a fresh context.
      await Promise.all(entry.context.pages().filter((p) => p !== entry.page).map((p) => p.close()));
    } catch {
      // A page that cannot be parked (crashed, closed by the test) is not used again.
      this.pooled.splice(this.pooled.indexOf(entry), 1);
      await entry.context.close().catch(() => undefined);
    }
  }

  private async unpark(entry: Pooled, colorScheme: 'light' | 'dark'): Promise<void> {
    const { page, context } = entry;
    entry.responses.reset();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    if (entry.origin !== this.origin) {
      // Another file's app: its origin is new to this context, so what it allows is granted again.
      await context.grantPermissions(APP_PERMISSIONS, { origin: this.origin });
      await context.clearCookies();
      await page.goto(this.origin + PARKING_PATH);
      entry.origin = this.origin;
    }
    const size = page.viewportSize();
    if (size?.width !== VIEWPORT.width || size.height !== VIEWPORT.height) await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ colorScheme });
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  }
}
