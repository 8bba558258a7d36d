/**
 * The app's own origin, `app://wxtoken/`: the built renderer served by `protocol.handle` from one folder,
 * so that only those files count as the app (every file:// URL shares one opaque origin, and `'self'` on
 * a file: page matches any file on disk) and the CSP response header applies.
 */
import { realpath, readFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { APP_CSP } from '../../csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wxtoken';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * For `protocol.registerSchemesAsPrivileged` (before the app is ready). `standard` gives the scheme real
 * origins (so `'self'`, relative URLs and storage work), `secure` makes it a secure context; no CORS, no
 * service workers, no bypassing the CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'resolve' | 'sep'>;

/** True when `url` is on the app's origin (scheme and host, no credentials or port). */
export function isAppSchemeUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && !url.username && !url.password && !url.port;
}

/**
 * The file an app:// URL names inside `rendererDir`, or undefined. Each path segment is decoded once and
 * refused if it is empty (`//etc`), `.` or `..` (also when it was percent-encoded), or holds a slash,
 * a backslash, a colon (drive letters, streams) or NUL. `/` is index.html. The query and hash are ignored.
 */
export function appFilePath(rawUrl: string, rendererDir: string, path: PathApi = nodePath): string | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  if (!isAppSchemeUrl(url)) return undefined;
  // The raw text too: URL parsing already folds `..`, but a request is refused rather than reinterpreted.
  const rawPath = rawUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  const pathname = rawPath === '' || rawPath === '/' ? '/index.html' : rawPath;
  if (!pathname.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  const root = path.resolve(rendererDir);
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The `protocol.handle` handler: the named file with its type and the CSP, or 404. A symlink inside the
 * folder that points out of it is refused too (the real path is checked again).
 */
export async function serveAppFile(rawUrl: string, rendererDir: string, csp: string = APP_CSP): Promise<Response> {
  const file = appFilePath(rawUrl, rendererDir);
  if (!file) return notFound();
  let body: Buffer;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rendererDir), realpath(file)]);
    const relative = nodePath.relative(realRoot, realFile);
    if (relative === '' || relative.startsWith('..') || nodePath.isAbsolute(relative)) return notFound();
    body = await readFile(realFile);
  } catch {
    return notFound();
  }
  const type = CONTENT_TYPES[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { 'Content-Type': type, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' },
  });
}
