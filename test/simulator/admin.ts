/** The simulator's controls over HTTP under /__sim/, so child processes (the CLI, the demo, e2e) can drive it. */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http';
import type { Simulator } from './types';

type Handler = (sim: Simulator, body: Record<string, unknown>) => unknown;

const done = { ok: true };

const ROUTES: Record<string, Handler> = {
  'POST /__sim/accounts': (sim, b) => (sim.addAccount(b as never), done),
  'POST /__sim/fault': (sim, b) => (sim.setFault(b.path as string, (b.fault ?? undefined) as never, (b.times ?? undefined) as never), done),
  'GET /__sim/counts': (sim) => sim.counts(),
  'POST /__sim/reset-counts': (sim) => (sim.resetCounts(), done),
  'POST /__sim/expires-in': (sim, b) => {
    if (!(typeof b.seconds === 'number' && b.seconds > 0)) throw new Error('seconds must be a positive number');
    sim.setExpiresIn(b.seconds);
    return done;
  },
  'POST /__sim/revoke': (sim, b) => (sim.revokeTokens(appidOf(b)), done),
  'POST /__sim/expire': (sim, b) => (sim.expireTokens(appidOf(b)), done),
  /** `{ip}` sets the caller IP the whitelists see; `{}` goes back to the socket's address. */
  'POST /__sim/caller-ip': (sim, b) => {
    if (b.ip !== undefined && typeof b.ip !== 'string') throw new Error('ip must be a string');
    sim.callerIp = b.ip as string | undefined;
    return done;
  },
};

function appidOf(b: Record<string, unknown>): string {
  if (typeof b.appid !== 'string' || !b.appid) throw new Error('appid is required');
  return b.appid;
}

/** 200 with the result, 400 `{error}` for a bad request, 404 for an unknown control. */
export function handleAdmin(sim: Simulator, method: string, path: string, raw: Buffer, res: ServerResponse): void {
  const handler = ROUTES[`${method} ${path}`];
  if (!handler) return sendJson(res, { error: `no such control: ${method} ${path}` }, 404);
  let body: Record<string, unknown> = {};
  if (raw.length) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, { error: 'body is not JSON' }, 400);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendJson(res, { error: 'body must be a JSON object' }, 400);
  }
  try {
    sendJson(res, handler(sim, body));
  } catch (err) {
    sendJson(res, { error: (err as Error).message }, 400);
  }
}
