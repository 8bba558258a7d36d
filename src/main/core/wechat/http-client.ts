/**
 * One HTTP exchange with WeChat (or the simulator, or a reverse proxy), bounded in time and size, through an
 * optional HTTP(S) proxy. Every failure comes back as a value with its own kind: network, timeout, truncated,
 * cancelled — callers decide what is worth retrying.
 */
import type http from 'node:http';
import type https from 'node:https';
import type { Socket } from 'node:net';
import type tls from 'node:tls';
import { appError, withDetail } from '../../../shared/errors/errors';
import { fail, ok, type Result } from '../../../shared/result';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
  proxy?: string;
  signal?: AbortSignal;
  /** Responses larger than this fail instead of filling memory. */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

interface Net {
  http: typeof http;
  https: typeof https;
  tls: typeof tls;
}

let net: Promise<Net> | undefined;

/**
 * Loaded on the first request, not with the core: most CLI runs are cache hits that never open a
 * connection, and loading TLS alone costs a third of Node's own start-up.
 */
function loadNet(): Promise<Net> {
  net ??= Promise.all([import('node:http'), import('node:https'), import('node:tls')]).then(([http, https, tls]) => ({ http, https, tls }));
  return net;
}

export async function httpRequest(req: HttpRequest): Promise<Result<HttpResponse>> {
  return exchange(await loadNet(), req);
}

function exchange({ http, https, tls }: Net, req: HttpRequest): Promise<Result<HttpResponse>> {
  return new Promise((resolve) => {
    const target = new URL(req.url);
    let settled = false;
    let request: http.ClientRequest | undefined;
    const tunnelParts: { destroy(): void }[] = [];
    const finish = (result: Result<HttpResponse>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      request?.destroy();
      // A CONNECT still waiting for the proxy (or its socket) must go too, or it outlives the call.
      for (const part of tunnelParts) part.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish(fail(appError('timeout', { message: withDetail(appError('timeout').message, `${req.timeoutMs} ms`) }))),
      req.timeoutMs,
    );
    const onAbort = () => finish(fail(appError('cancelled')));
    if (req.signal?.aborted) return onAbort();
    req.signal?.addEventListener('abort', onAbort, { once: true });

    const start = (socket?: Socket) => {
      if (settled) return socket?.destroy();
      const viaPlainProxy = req.proxy && target.protocol === 'http:';
      const proxyUrl = viaPlainProxy ? new URL(req.proxy!) : undefined;
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
      const headers: Record<string, string> = { accept: 'application/json, */*', ...req.headers };
      if (body) headers['content-length'] = String(body.length);
      const options: https.RequestOptions = {
        method: req.method,
        host: proxyUrl ? proxyUrl.hostname : target.hostname,
        port: proxyUrl ? proxyUrl.port || 80 : target.port || (target.protocol === 'https:' ? 443 : 80),
        path: proxyUrl ? target.href : target.pathname + target.search,
        headers: proxyUrl ? { ...headers, host: target.host } : headers,
        agent: false,
        servername: target.hostname,
        ...(socket ? { createConnection: () => socket } : {}),
      };
      const mod = target.protocol === 'https:' && !proxyUrl ? https : http;
      request = mod.request(options, (res) => collect(res, req.maxBytes ?? DEFAULT_MAX_BYTES, finish));
      request.on('error', (err) => finish(fail(networkError(err))));
      request.end(body);
    };

    if (req.proxy && target.protocol === 'https:') {
      tunnel({ http, https, tls }, req.proxy, target, (part) => tunnelParts.push(part))
        .then((socket) => start(socket))
        .catch((err: Error) => finish(fail(networkError(err, 'proxy'))));
    } else {
      start();
    }
  });
}

function collect(res: http.IncomingMessage, maxBytes: number, finish: (r: Result<HttpResponse>) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      finish(fail(appError('bad_response', { message: withDetail(appError('bad_response').message, `larger than ${maxBytes} bytes`) })));
      return;
    }
    chunks.push(chunk);
  });
  // The parser raises 'aborted'/'error' when the connection ends before Content-Length bytes arrived.
  res.on('aborted', () => finish(fail(appError('truncated'))));
  res.on('error', () => finish(fail(appError('truncated'))));
  res.on('end', () => {
    if (!res.complete) return finish(fail(appError('truncated')));
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    finish(ok({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) }));
  });
}

/** Opens a CONNECT tunnel through an HTTP(S) proxy and starts TLS to the target over it. */
/** `opened` learns every request and socket made on the way, so the caller can tear them down at once. */
function tunnel({ http, https, tls }: Net, proxy: string, target: URL, opened: (part: { destroy(): void }) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const proxyUrl = new URL(proxy);
    const mod = proxyUrl.protocol === 'https:' ? https : http;
    const port = target.port || '443';
    const connect = mod.request({
      method: 'CONNECT',
      host: proxyUrl.hostname,
      port: proxyUrl.port || (proxyUrl.protocol === 'https:' ? 443 : 80),
      path: `${target.hostname}:${port}`,
      headers: { host: `${target.hostname}:${port}` },
      agent: false,
    });
    opened(connect);
    connect.on('connect', (res, socket) => {
      opened(socket);
      if (res.statusCode !== 200) {
        socket.destroy();
        return reject(new Error(`proxy answered ${res.statusCode} to CONNECT`));
      }
      const secure = tls.connect({ socket, servername: target.hostname });
      opened(secure);
      secure.once('secureConnect', () => resolve(secure));
      secure.once('error', reject);
    });
    connect.on('error', reject);
    connect.end();
  });
}

function networkError(err: NodeJS.ErrnoException, via?: 'proxy') {
  const what = err.code ?? err.message;
  const detail = via ? `proxy: ${what}` : what;
  return appError('network', { message: withDetail(appError('network').message, detail) });
}
