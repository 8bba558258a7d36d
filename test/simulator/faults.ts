/** Switchable failures per path (or `*`): what a flaky network or a sick WeChat looks like to a client. */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { parseJsonBody, sendError, type SimRequest } from './http';
import type { Fault } from './types';

const KINDS = ['latency', 'busy', 'http', 'nonjson', 'truncated', 'reset', 'hang', 'echo'];

/** A fault as given in-process or over /__sim/fault; a malformed one is a programmer error. */
export function validateFault(value: unknown): Fault {
  const f = value as Fault;
  if (typeof f !== 'object' || f === null || !KINDS.includes(f.kind)) throw new Error(`fault.kind must be one of ${KINDS.join(', ')}`);
  if (f.kind === 'latency' && !(Number.isFinite(f.ms) && f.ms >= 0)) throw new Error('latency fault needs ms >= 0');
  if (f.kind === 'http' && !(Number.isInteger(f.status) && f.status >= 100 && f.status <= 599)) throw new Error('http fault needs a status 100-599');
  if (f.kind === 'echo' && !(Number.isInteger(f.errcode) && f.errcode !== 0)) throw new Error('echo fault needs a non-zero errcode');
  return f;
}

export class FaultTable {
  private readonly entries = new Map<string, { fault: Fault; remaining?: number }>();

  set(path: string, fault: Fault | undefined, times?: number): void {
    if (typeof path !== 'string' || !path) throw new Error('fault path must be a path or "*"');
    if (!fault) {
      this.entries.delete(path);
      return;
    }
    if (times !== undefined && !(Number.isInteger(times) && times > 0)) throw new Error('times must be a positive integer');
    this.entries.set(path, { fault: validateFault(fault), remaining: times });
  }

  /** The fault for this request, if any: the path's own before `*`; a counted one wears off. */
  take(path: string): Fault | undefined {
    const key = this.entries.has(path) ? path : this.entries.has('*') ? '*' : undefined;
    if (key === undefined) return undefined;
    const entry = this.entries.get(key)!;
    if (entry.remaining !== undefined && --entry.remaining <= 0) this.entries.delete(key);
    return entry.fault;
  }
}

/**
 * Answers (or refuses to) as the fault says. `proceed` serves the request normally: latency calls it late.
 * `later` schedules a timer the simulator clears on close.
 */
export function applyFault(fault: Fault, req: SimRequest, proceed: () => void, later: (fn: () => void, ms: number) => void): void {
  const res = req.res;
  const socket = res.socket;
  switch (fault.kind) {
    case 'latency':
      return later(proceed, fault.ms);
    case 'busy':
      return sendError(res, -1, 'system error');
    case 'http': {
      const reason = STATUS_CODES[fault.status] ?? 'Error';
      const html = `<html>\r\n<head><title>${fault.status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${fault.status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
      res.writeHead(fault.status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
      return void res.end(html);
    }
    case 'nonjson': {
      const html = '<!DOCTYPE html><html><body><p>系统繁忙，请稍后再试 / The system is busy</p></body></html>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      return void res.end(html);
    }
    case 'truncated': {
      const full = Buffer.from(JSON.stringify({ errcode: 0, errmsg: 'ok', padding: 'x'.repeat(200) }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': full.length });
      // Half the promised body, then the connection ends.
      return void res.write(full.subarray(0, full.length >> 1), () => socket?.end());
    }
    case 'reset':
      return void socket?.resetAndDestroy();
    case 'hang':
      return; // never answers; close() destroys the socket
    case 'echo':
      return sendError(res, fault.errcode, echoMessage(req));
  }
}

const SECRET_FIELDS = ['secret', 'corpsecret', 'appsecret'];

/**
 * What a careless server says back: the credential it was sent, in plain words (no `key=value` shape).
 * The secret of a token request, else the access_token, else every query value.
 */
function echoMessage(req: SimRequest): string {
  const body = req.body.length ? parseJsonBody(req.body) : undefined;
  const fields = (name: string) => [req.query.get(name), body?.ok ? body.value[name] : undefined];
  const secret = SECRET_FIELDS.flatMap(fields).find((v): v is string => typeof v === 'string' && v !== '');
  if (secret) return `invalid appsecret ${secret}`;
  const token = req.query.get('access_token');
  if (token) return `invalid credential, access_token ${token} is not latest`;
  return `invalid args ${[...req.query.values()].join(' ')}`;
}
