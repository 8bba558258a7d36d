/**
 * Response headers and writers. Every header set is built once: the hot path only adds a length.
 * No response ever carries an Access-Control-* header.
 */
import type { ServerResponse } from 'node:http';
import { APP_CSP } from '../csp';

/**
 * On every response: no MIME sniffing (a JSON or text answer is never run as script or shown as HTML), and
 * CORP keeps other sites from even loading our answers as no-cors resources.
 */
const BASE_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/**
 * What a browser may render as a document (the UI, a plain-text status, an event stream opened in a tab):
 * its CSP, no referrer, no framing, no window opener. JSON answers go without them: they come only after
 * the bearer key, which only a script's own request carries (never a navigation, a frame or a link), and
 * a script reads them as data; a CSP or a referrer rule there would protect no document and cost a
 * header check on every `/v1/token` answer.
 */
const DOCUMENT_HEADERS = Object.freeze({
  ...BASE_HEADERS,
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': APP_CSP,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

const JSON_HEADERS = Object.freeze({
  ...BASE_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json; charset=utf-8',
});

/** JSON_HEADERS as a flat [name, value, …] list, so an answer can be written without a new object. */
export function jsonHeaderList(length: number): (string | number)[] {
  return [...Object.entries(JSON_HEADERS).flat(), 'Content-Length', length];
}

const TEXT_HEADERS = Object.freeze({
  ...DOCUMENT_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Type': 'text/plain; charset=utf-8',
});

export const EVENT_STREAM_HEADERS = Object.freeze({
  ...DOCUMENT_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Type': 'text/event-stream; charset=utf-8',
  'X-Accel-Buffering': 'no',
});

/**
 * The built renderer's files. Those under assets/ carry a hash of their content in their name (the build
 * names them so), so a browser may keep them for good; the page that names them is asked for again each time.
 */
export function staticHeaders(contentType: string, length: number, hashedName: boolean): Record<string, string | number> {
  const cache = hashedName ? 'public, max-age=31536000, immutable' : 'no-cache';
  return { ...DOCUMENT_HEADERS, 'Cache-Control': cache, 'Content-Type': contentType, 'Content-Length': length };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const UNAUTHORIZED_EXTRA = { 'WWW-Authenticate': 'Bearer' };
const NOT_ALLOWED_EXTRA = { Allow: 'GET, HEAD, POST' };

/** A bare status with no detail: guards say no more than the status code. */
export function sendStatus(res: ServerResponse, status: number, close = false): void {
  const text = `${status}\n`;
  const extra = status === 401 ? UNAUTHORIZED_EXTRA : status === 405 ? NOT_ALLOWED_EXTRA : undefined;
  res.writeHead(status, { ...TEXT_HEADERS, ...extra, 'Content-Length': text.length, ...(close ? { Connection: 'close' } : {}) });
  res.end(text);
}
