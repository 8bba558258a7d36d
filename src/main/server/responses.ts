/**
 * Response headers and writers. Every header set is built once: the hot path only adds a length.
 * No response ever carries an Access-Control-* header.
 */
import type { ServerResponse } from 'node:http';
import { APP_CSP } from '../csp';

/** On every response. CORP keeps other sites from even loading our answers as no-cors resources. */
const BASE_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': APP_CSP,
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** Documents only: framing and window-opener rules mean nothing on a JSON answer. */
const SECURITY_HEADERS = Object.freeze({
  ...BASE_HEADERS,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

const JSON_HEADERS = Object.freeze({
  ...BASE_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json; charset=utf-8',
});

const TEXT_HEADERS = Object.freeze({
  ...SECURITY_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Type': 'text/plain; charset=utf-8',
});

export const EVENT_STREAM_HEADERS = Object.freeze({
  ...SECURITY_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Type': 'text/event-stream; charset=utf-8',
  'X-Accel-Buffering': 'no',
});

export function staticHeaders(contentType: string, length: number): Record<string, string | number> {
  return { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache', 'Content-Type': contentType, 'Content-Length': length };
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
