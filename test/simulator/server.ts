/** The simulator's HTTP server on 127.0.0.1: counting, faults, then the endpoint the path names. */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { business, isBusinessPath } from './business/index';
import { applyFault, FaultTable } from './faults';
import { plainIp, readBody, sendError, sendJson, type SimRequest } from './http';
import { SimState } from './state';
import { classicToken, clearQuotaV2, stableToken, wecomToken } from './token-endpoints';
import type { Simulator, SimulatorOptions } from './types';

const TOKEN_ROUTES: Record<string, (state: SimState, req: SimRequest) => void> = {
  '/cgi-bin/token': classicToken,
  '/cgi-bin/stable_token': stableToken,
  '/cgi-bin/gettoken': wecomToken,
  '/cgi-bin/clear_quota/v2': clearQuotaV2,
};

function route(state: SimState, req: SimRequest): void {
  const tokenRoute = TOKEN_ROUTES[req.path];
  if (tokenRoute) return tokenRoute(state, req);
  if (isBusinessPath(req.path)) return business(state, req);
  sendError(req.res, 40066, 'invalid url', 404);
}

export function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const state = new SimState(opts.expiresIn ?? 7200, (opts.overlapSeconds ?? 300) * 1000, (opts.forceGapSeconds ?? 30) * 1000, opts.renewWindowSeconds);
  const faults = new FaultTable();
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined;

  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const sim: Simulator = {
    url: '',
    callerIp: opts.callerIp,
    addAccount: (a) => state.addAccount(a),
    setExpiresIn(seconds) {
      if (!(seconds > 0)) throw new Error('expiresIn must be > 0');
      state.defaultExpiresIn = seconds;
    },
    setFault: (path, fault, times) => faults.set(path, fault, times),
    count: (path) => counts.get(path) ?? 0,
    counts: () => Object.fromEntries(counts),
    resetCounts: () => counts.clear(),
    revokeTokens: (appid) => state.revoke(appid),
    expireTokens: (appid) => state.expire(appid),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections(); // hung and keep-alive sockets included
      });
      return closing;
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const admin = path.startsWith('/__sim/');
    if (!admin) counts.set(path, (counts.get(path) ?? 0) + 1);
    const body = await readBody(req);
    if (!body) return sendError(res, 47001, 'data too large', 413);
    if (admin) return handleAdmin(sim, req.method ?? 'GET', path, body, res);
    const simReq: SimRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      headers: req.headers,
      ip: sim.callerIp ?? plainIp(req.socket.remoteAddress ?? '127.0.0.1'),
      res,
    };
    const proceed = () => {
      try {
        route(state, simReq);
      } catch (err) {
        console.error('[simulator] handler failed:', err);
        if (!res.headersSent) sendJson(res, { errcode: -1, errmsg: `simulator bug: ${(err as Error).message}` }, 500);
      }
    };
    const fault = faults.take(path);
    if (fault) applyFault(fault, simReq, proceed, later);
    else proceed();
  }

  const server = http.createServer((req, res) => void serve(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('simulator: no TCP address'));
      sim.url = `http://127.0.0.1:${address.port}`;
      resolve(sim);
    });
  });
}
