/**
 * The checks every request passes before anything else runs: the Host allow-list (DNS rebinding), the
 * Origin (cross-site pages), and the bearer key. Pure functions, built once per server start.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type Refusal = 400 | 401 | 403 | 421;

/**
 * What a key may do. `ui`: the whole contract, the event stream and the token routes (only in the URL the
 * user opens). `token`: the token routes only (in server.json, for scripts).
 */
export type Capability = 'ui' | 'token';

export interface ServerKeys {
  ui: string;
  token: string;
}

/** Query parameters that look like a credential: a key there would end up in logs and history. */
const CREDENTIAL_PARAMS = new Set(['key', 'token', 'access_token', 'apikey', 'api_key', 'auth', 'authorization', 'bearer']);

export interface Guards {
  /** Host first, then Origin / Sec-Fetch-Site; undefined when the request may go on. */
  checkSite(headers: IncomingHttpHeaders): Refusal | undefined;
  /** What the bearer key (in the header only, never in the query string) may do; undefined: no valid key. */
  checkKey(headers: IncomingHttpHeaders, query: string): Capability | undefined;
}

export function makeGuards(port: number, keys: ServerKeys): Guards {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const ui = Buffer.from(keys.ui, 'utf8');
  const token = Buffer.from(keys.token, 'utf8');
  if (ui.length !== token.length) throw new Error('server keys must have one length');
  // One buffer reused for every request (the handler is synchronous up to here): no allocation, no hash.
  const given = Buffer.alloc(ui.length);
  return {
    checkSite(headers) {
      const host = headers.host;
      if (!host) return 400;
      if (!hosts.has(host.toLowerCase())) return 421;
      const origin = headers.origin;
      // `null` (sandboxed frames, file: pages, some redirects) is not our origin either.
      if (origin !== undefined && !origins.has(origin)) return 403;
      const site = headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return 403;
      return undefined;
    },
    checkKey(headers, query) {
      if (query && hasCredentialParam(query)) return undefined;
      const text = bearer(headers.authorization);
      // The length is public (43 base64url characters); only the value is compared in constant time.
      if (text === undefined || text.length !== given.length) return undefined;
      // Keys are ASCII: any other character becomes bytes no key holds, or does not fit and is refused.
      if (given.write(text, 'utf8') !== given.length) return undefined;
      // Both compared every time, so the time taken does not tell which key was close.
      const isUi = timingSafeEqual(given, ui);
      const isToken = timingSafeEqual(given, token);
      return isUi ? 'ui' : isToken ? 'token' : undefined;
    },
  };
}

export function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== 'bearer') return undefined;
  const value = header.slice(space + 1).trim();
  return value || undefined;
}

export function hasCredentialParam(query: string): boolean {
  for (const name of new URLSearchParams(query).keys()) {
    if (CREDENTIAL_PARAMS.has(name.toLowerCase())) return true;
  }
  return false;
}
