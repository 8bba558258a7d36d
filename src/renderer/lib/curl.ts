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
  /** A multipart upload's fields, instead of a JSON body. */
  form?: FormField[];
  /** The real token; omitted means the placeholder. */
  token?: string;
}

/** One field of a multipart upload as code shows it: a file (by its name on disk) or a text value. */
export type FormField = { name: string; file: string; contentType: string } | { name: string; value: string };


export function buildCurl({ apiBase, method, path, query, body, form, token }: CurlInput): string {
  const params = new URLSearchParams();
  params.set('access_token', token ?? TOKEN_PLACEHOLDER);
  for (const [k, v] of query) if (k && k !== 'access_token') params.append(k, v);
  const url = `${apiBase.replace(/\/+$/, '')}${path}?${params.toString()}`;
  const parts = ['curl', '-sS'];
  if (method !== 'GET') parts.push('-X', method);
  parts.push(shellQuote(url));
  if (method === 'POST' && form) {
    // -F reads @file (with its type); --form-string takes a value literally, even one starting with @ or <.
    for (const f of form) parts.push(...('file' in f ? ['-F', shellQuote(`${f.name}=@${f.file};type=${f.contentType}`)] : ['--form-string', shellQuote(`${f.name}=${f.value}`)]));
  } else if (method === 'POST' && body !== undefined && body.trim() !== '') {
    parts.push('-H', shellQuote('Content-Type: application/json'), '--data-raw', shellQuote(body));
  }
  return parts.join(' ');
}
