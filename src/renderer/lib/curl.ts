/** "Copy as cURL": the token is the placeholder ACCESS_TOKEN unless the caller passes the real one. */
import type { HttpMethod } from '../../shared/models';

export const TOKEN_PLACEHOLDER = 'ACCESS_TOKEN';

/** POSIX shell single-quoting. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface CurlInput {
  apiBase: string;
  method: HttpMethod;
  path: string;
  query: [string, string][];
  body?: string;
  /** The real token; omitted means the placeholder. */
  token?: string;
}

export function buildCurl({ apiBase, method, path, query, body, token }: CurlInput): string {
  const params = new URLSearchParams();
  params.set('access_token', token ?? TOKEN_PLACEHOLDER);
  for (const [k, v] of query) if (k && k !== 'access_token') params.append(k, v);
  const url = `${apiBase.replace(/\/+$/, '')}${path}?${params.toString()}`;
  const parts = ['curl', '-sS'];
  if (method !== 'GET') parts.push('-X', method);
  parts.push(shellQuote(url));
  if (method === 'POST' && body !== undefined && body.trim() !== '') {
    parts.push('-H', shellQuote('Content-Type: application/json'), '--data-raw', shellQuote(body));
  }
  return parts.join(' ');
}
