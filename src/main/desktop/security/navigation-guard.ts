/**
 * Keeps the window on the app's own page: navigations elsewhere are stopped, new windows are never
 * created (a few WeChat documentation sites open in the user's browser instead), webviews are refused.
 */
import { isAppUrl, type AppOrigin } from './app-origin';

/** Sites the app links to (WeChat platform and docs); opened in the user's browser, https only. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'mp.weixin.qq.com',
  'developers.weixin.qq.com',
  'work.weixin.qq.com',
  'open.work.weixin.qq.com',
];

/** The URL to hand to the OS browser, or undefined when it is not https on a vetted host. */
export function externalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return undefined;
  return EXTERNAL_HOSTS.includes(parsed.hostname) ? parsed.href : undefined;
}

/** `will-navigate` / `will-redirect`: only the app's own page may be loaded in the window. */
export function navigationAllowed(url: string, origin: AppOrigin): boolean {
  return isAppUrl(url, origin);
}

export type OpenExternal = (url: string) => unknown;

/** `setWindowOpenHandler`: always deny; open a vetted https link in the browser instead. */
export function handleWindowOpen(url: string, openExternal: OpenExternal): { action: 'deny' } {
  const target = externalUrl(url);
  if (target) {
    // openExternal returns a promise on Electron; a failure to open a browser is not the page's business.
    Promise.resolve()
      .then(() => openExternal(target))
      .catch(() => undefined);
  }
  return { action: 'deny' };
}

interface Preventable {
  preventDefault(): void;
  url?: string;
}

/** The part of Electron's WebContents the guard uses (a fake in unit tests). */
export interface GuardedContents {
  on(event: string, listener: (event: Preventable, url?: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function installNavigationGuard(contents: GuardedContents, origin: AppOrigin, openExternal: OpenExternal): void {
  const stopForeign = (event: Preventable, url?: string) => {
    const target = event.url ?? url ?? '';
    if (!navigationAllowed(target, origin)) event.preventDefault();
  };
  contents.on('will-navigate', stopForeign);
  // Any frame, not just the main one: an iframe navigated to a foreign page is a foreign page in the window.
  contents.on('will-frame-navigate', stopForeign);
  contents.on('will-redirect', stopForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, openExternal));
}
