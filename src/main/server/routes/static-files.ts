/**
 * The built renderer, served read-only. A path is refused (404, no detail) unless it names a plain file
 * inside the renderer folder after decoding and after following links; dot-files are never served.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendStatus, staticHeaders } from '../responses';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The relative file path a URL path names, or undefined when it must be refused: undecodable, NUL or
 * backslash, `.`/`..`/dot-file segments (raw or percent-encoded), or anything that leaves the folder.
 */
export function safeRelativePath(urlPath: string): string | undefined {
  if (!urlPath.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return undefined;
  const relative = segments.length === 0 || decoded.endsWith('/') ? [...segments, 'index.html'] : segments;
  const joined = path.posix.join(...relative);
  return joined.startsWith('..') || path.posix.isAbsolute(joined) ? undefined : joined;
}

export class StaticFiles {
  private root: Promise<string | undefined>;

  constructor(rendererDir: string | undefined) {
    this.root = rendererDir ? realpath(rendererDir).catch(() => undefined) : Promise.resolve(undefined);
  }

  async serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendStatus(res, 405);
    const root = await this.root;
    const relative = safeRelativePath(urlPath);
    if (!root || !relative) return sendStatus(res, 404);
    const file = await this.resolve(root, relative);
    if (!file) return sendStatus(res, 404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return sendStatus(res, 404);
    }
    res.writeHead(200, staticHeaders(contentTypeOf(file), body.length, relative.startsWith('assets/')));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** The real path of a plain file inside `root`, after links are followed; else undefined. */
  private async resolve(root: string, relative: string): Promise<string | undefined> {
    try {
      const real = await realpath(path.join(root, ...relative.split('/')));
      const inside = path.relative(root, real);
      if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
      return (await stat(real)).isFile() ? real : undefined;
    } catch {
      return undefined;
    }
  }
}
