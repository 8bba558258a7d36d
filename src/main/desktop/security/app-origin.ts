/** Which URLs are the app's own page: the built renderer on disk, or the dev server in development. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface AppOrigin {
  /** The folder of the built renderer (out/renderer); file:// URLs inside it are ours. */
  rendererDir: string;
  /** The electron-vite dev server (ELECTRON_RENDERER_URL) in development; its origin is ours. */
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
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  // Every file:// URL has the same opaque origin, so "ours" means "inside the renderer folder".
  let file: string;
  try {
    file = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const relative = path.relative(path.resolve(origin.rendererDir), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The URL the window loads. */
export function appEntryUrl(origin: AppOrigin): string {
  if (origin.devUrl) return origin.devUrl;
  return pathToFileURL(path.join(path.resolve(origin.rendererDir), 'index.html')).href;
}
