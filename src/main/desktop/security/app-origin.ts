/** Which URLs are the app's own page: `app://wxtoken/…`, or the dev server in development. */
import { APP_ENTRY_URL, isAppSchemeUrl } from './app-scheme';

export interface AppOrigin {
  /** The folder of the built renderer (out/renderer), served as app://wxtoken/. */
  rendererDir: string;
  /** The electron-vite dev server, only in development (see launch-mode.ts); then only its origin is ours. */
  devUrl?: string;
}

/** True only for a URL of the app's own page. Anything unparsable is foreign. */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.devUrl) {
    const dev = new URL(origin.devUrl);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin;
  }
  return isAppSchemeUrl(parsed);
}

/** The URL the window loads. */
export function appEntryUrl(origin: AppOrigin): string {
  return origin.devUrl ?? APP_ENTRY_URL;
}
