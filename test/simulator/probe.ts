/** A bare HTTP client for poking the simulator in tests: one connection per request, every failure visible. */
import http from 'node:http';

export interface ProbeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON (throws if it is not JSON). */
  json<T = Record<string, unknown>>(): T;
}

export interface ProbeOptions {
  method?: 'GET' | 'POST';
  body?: string | Buffer | object;
  /** Extra request headers (a multipart upload's content-type); JSON is the default for a body. */
  headers?: Record<string, string>;
  /** Give up after this many ms (rejects with an Error whose message is `timeout`). */
  timeoutMs?: number;
}

/** Resolves with the whole answer; rejects on reset, premature close (`aborted`) or timeout. */
export function probe(url: string, opts: ProbeOptions = {}): Promise<ProbeResponse> {
  const raw = opts.body;
  const body = raw === undefined ? undefined : typeof raw === 'string' || Buffer.isBuffer(raw) ? raw : JSON.stringify(raw);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('aborted', () => reject(Object.assign(new Error('aborted'), { received: Buffer.concat(chunks), headers: res.headers })));
      res.on('error', (err) => reject(Object.assign(err, { received: Buffer.concat(chunks), headers: res.headers })));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buf, json: () => JSON.parse(buf.toString('utf8')) });
      });
    });
    req.on('error', reject);
    if (opts.timeoutMs !== undefined) {
      req.setTimeout(opts.timeoutMs, () => req.destroy(new Error('timeout')));
    }
    if (body !== undefined) req.setHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(opts.headers ?? {})) req.setHeader(name, value);
    req.end(body);
  });
}
