/**
 * The loopback HTTP host over the contract: the renderer served to a browser, the API for it, and
 * `/v1/token/NAME` for other local programs. Bound to 127.0.0.1 only, behind two random keys made at each
 * start: the UI key (everything; only in the URL the user is shown) and the token key (token routes only;
 * in server.json for scripts).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiImpl, EventListener } from '../../shared/contract';
import { removeDiscovery, writeDiscovery } from './discovery';
import { EventStreams } from './routes/events-route';
import { makeGuards } from './guards';
import { makeHandler } from './handler';
import { MAX_HEADER_BYTES, resolveLimits, type ServerLimits } from './limits';
import { StaticFiles } from './routes/static-files';

export { DEFAULT_LIMITS, type ServerLimits } from './limits';
export { discoveryPath, type Discovery } from './discovery';
export { httpHostParts } from './host-parts';

export interface LoopbackServerOptions {
  api: ApiImpl;
  onEvent(listener: EventListener): () => void;
  /** Data directory: the discovery file goes here. */
  home: string;
  /** 0 or absent = any free port. */
  port?: number;
  /** The built renderer (out/renderer), served at '/'. */
  rendererDir?: string;
  /** Tighter limits for tests; the defaults suit everyone else. */
  limits?: Partial<ServerLimits>;
  /** Start and stop lines go here (never a key); nothing else is logged. */
  log?: (line: string) => void;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT/#key=UI_KEY`, what the user opens: the fragment never reaches a server or a log. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  /** The full contract, the event stream and the token routes. Never written to a file. */
  uiKey: string;
  /** `GET /v1/token/NAME` only; written to server.json. */
  tokenKey: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const limits = resolveLimits(options.limits);
  const log = options.log ?? (() => {});
  const keys = { ui: randomBytes(32).toString('base64url'), token: randomBytes(32).toString('base64url') };
  const events = new EventStreams(options.onEvent, limits.pingMs);
  const files = new StaticFiles(options.rendererDir);

  let handler: ReturnType<typeof makeHandler> | undefined;
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      requireHostHeader: true,
    },
    (req, res) => handler!(req, res),
  );
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: options.port ?? 0, exclusive: true }, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  handler = makeHandler({ api: options.api, guards: makeGuards(port, keys), events, files, limits });
  const origin = `http://${HOST}:${port}`;
  const url = `${origin}/#key=${keys.ui}`;

  try {
    await writeDiscovery(options.home, { url: `${origin}/`, port, pid: process.pid, token_key: keys.token });
  } catch (err) {
    await new Promise((resolve) => server.close(resolve));
    throw err;
  }
  log(`wxtoken server listening on ${origin}/`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await removeDiscovery(options.home, keys.token);
      events.closeAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      log('wxtoken server stopped');
    })());

  return { url, origin, port, uiKey: keys.ui, tokenKey: keys.token, close };
}
