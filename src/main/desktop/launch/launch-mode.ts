/**
 * Development or shipped: development features (DevTools, the Reload menu items, a renderer served by the
 * Vite dev server) only when `npm run dev` asked for them with an explicit flag, never because the app
 * happens to run unpackaged (`npm start` runs unpackaged too, and so may a user).
 */

/** Passed by `scripts/start.mjs dev` (through electron-vite's `--`) and by nothing else. */
export const DEV_FLAG = '--wxtoken-dev';

export interface LaunchMode {
  development: boolean;
  /** The dev server the window loads from: only in development, and only a loopback http URL. */
  devUrl?: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `ELECTRON_RENDERER_URL` if it names a dev server on this machine; anything else is ignored. */
export function loopbackDevUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || url.username || url.password || !LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return url.href;
}

/** A packaged app is never in development, whatever flag or environment it is given. */
export function launchMode(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, packaged: boolean): LaunchMode {
  if (packaged || !argv.includes(DEV_FLAG)) return { development: false };
  const devUrl = loopbackDevUrl(env.ELECTRON_RENDERER_URL);
  return devUrl ? { development: true, devUrl } : { development: true };
}
