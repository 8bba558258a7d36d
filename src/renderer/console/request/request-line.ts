/** A request as one line: `GET /cgi-bin/user/get?next_openid=`, the way logs and docs write it. */
import type { HttpMethod } from '../../../shared/models';

export function pathWithQuery(path: string, query: readonly (readonly [string, string])[]): string {
  const pairs = query.filter(([k]) => k !== 'access_token');
  return pairs.length ? `${path}?${new URLSearchParams(pairs as [string, string][])}` : path;
}

export function requestLine(r: { method: HttpMethod; path: string; query: readonly (readonly [string, string])[] }): string {
  return `${r.method} ${pathWithQuery(r.path, r.query)}`;
}

/** Whether two requests would send the same thing (body compared as text, trimmed). */
export function sameRequest(
  a: { method: HttpMethod; path: string; query: readonly (readonly [string, string])[]; body?: string },
  b: { method: HttpMethod; path: string; query: readonly (readonly [string, string])[]; body?: string },
): boolean {
  const body = (r: typeof a) => (r.method === 'POST' ? (r.body ?? '').trim() : '');
  return a.method === b.method && a.path.trim() === b.path.trim() && JSON.stringify(a.query) === JSON.stringify(b.query) && body(a) === body(b);
}

/** `HTTP 200 · errcode 40003`: WeChat answers most errors with HTTP 200, so both are said. */
export function statusText(r: { status?: number; errcode?: number }): string {
  return [r.status !== undefined ? `HTTP ${r.status}` : undefined, r.errcode ? `errcode ${r.errcode}` : undefined].filter(Boolean).join(' · ');
}
