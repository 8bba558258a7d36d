/**
 * The checks every request passes before anything else runs: the Host allow-list (DNS rebinding), the
 * Origin (cross-site pages), and the bearer key. Pure functions, built once per server start.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type Refusal = 400 | 401 | 403 | 421;

/** One-shot hashing: no Hash object per request. */
const sha256 = (text: string) => hash('sha256', text, 'buffer');

/** Query parameters that look like a credential: a key there would end up in logs and history. */
const CREDENTIAL_PARAMS = new Set(['key', 'token', 'access_token', 'apikey', 'api_key', 'auth', 'authorization', 'bearer']);

export interface Guards {
  /** Host first, then Origin / Sec-Fetch-Site; undefined when the request may go on. */
  checkSite(headers: IncomingHttpHeaders): Refusal | undefined;
  /** The bearer key (in the header only, never in the query string). */
  checkKey(headers: IncomingHttpHeaders, query: string): boolean;
}

export function makeGuards(port: number, key: string): Guards {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const keyDigest = sha256(key);
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
      if (query && hasCredentialParam(query)) return false;
      const given = bearer(headers.authorization);
      if (given === undefined) return false;
      // Hashing first gives equal lengths, so the comparison takes the same time and cannot throw.
      return timingSafeEqual(sha256(given), keyDigest);
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
