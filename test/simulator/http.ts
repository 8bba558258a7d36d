/** HTTP plumbing shared by the endpoints: request ids, JSON answers, bodies. */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
  /** The request's headers (content-type tells an upload from JSON). */
  headers: IncomingHttpHeaders;
  /** The caller IP the checks use: the simulator's override or the socket's address. */
  ip: string;
  res: ServerResponse;
}

const MAX_BODY = 1024 * 1024;
/** A multipart upload may be larger: WeChat takes media up to 10 MB, WeCom files up to 20 MB (plus the form around them). */
const MAX_UPLOAD_BODY = 21 * 1024 * 1024;

/** A request id in WeChat's shape, e.g. `6543a1b2-1f2e3d4c-5b6a7980`. */
export function rid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16)}`;
}

/** The JSON text and rid each response carried, for rid/get. */
const answered = new WeakMap<ServerResponse, { text: string; rid?: string }>();

export function answerOf(res: ServerResponse): { text: string; rid?: string } | undefined {
  return answered.get(res);
}

export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  answered.set(res, { text });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** WeChat's error shape: HTTP 200 (unless told), errmsg ending in a request id. */
export function sendError(res: ServerResponse, errcode: number, errmsg: string, status = 200): void {
  const id = rid();
  sendJson(res, { errcode, errmsg: `${errmsg} rid: ${id}` }, status);
  answered.get(res)!.rid = id;
}

export function sendBytes(res: ServerResponse, bytes: Buffer, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-length': bytes.length });
  res.end(bytes);
}

/** The whole body, or undefined when it exceeds the limit (the caller answers 413). */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const max = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '') ? MAX_UPLOAD_BODY : MAX_BODY;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; errcode: 44002 | 47001; errmsg: string };

/** A POST body as WeChat reads it: empty -> 44002, not a JSON object -> 47001. */
export function parseJsonBody(body: Buffer): JsonBody {
  const text = body.toString('utf8').trim();
  if (!text) return { ok: false, errcode: 44002, errmsg: 'empty post data' };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // falls through to 47001
  }
  return { ok: false, errcode: 47001, errmsg: 'data format error hint: [json parse error]' };
}

/** `::ffff:1.2.3.4` -> `1.2.3.4`. */
export function plainIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/** Single IPs or IPv4 CIDR blocks, as the platform's whitelist accepts them. */
export function ipAllowed(ip: string, whitelist: string[]): boolean {
  const v4 = (s: string) => {
    const parts = s.split('.').map(Number);
    if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return undefined;
    return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
  };
  const caller = plainIp(ip);
  return whitelist.some((entry) => {
    const [base, bits] = entry.split('/');
    if (bits === undefined) return plainIp(base) === caller;
    const a = v4(caller);
    const b = v4(base);
    const n = Number(bits);
    if (a === undefined || b === undefined || !(n >= 0 && n <= 32)) return false;
    const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
    return (a & mask) === (b & mask);
  });
}
