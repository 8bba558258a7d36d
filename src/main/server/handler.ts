/**
 * Routes one request. Order matters: the Host allow-list runs before anything else, then Origin, then
 * the method and the key and what that key may do; only then is a route chosen. Nothing here logs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_PREFIX, type ApiImpl } from '../../shared/contract';
import { appError } from '../../shared/errors/errors';
import { fail } from '../../shared/result';
import { dispatch } from './routes/dispatch';
import type { EventStreams } from './routes/events-route';
import type { Guards } from './guards';
import { bodyLimitOf, type ServerLimits } from './limits';
import { sendJson, sendStatus } from './responses';
import type { StaticFiles } from './routes/static-files';
import { makeTokenRoute } from './routes/token-route';

export interface HandlerParts {
  api: ApiImpl;
  guards: Guards;
  events: EventStreams;
  files: StaticFiles;
  limits: Pick<ServerLimits, 'maxBodyBytes' | 'maxUploadBodyBytes'>;
}

const internal = fail(appError('internal'));

export function makeHandler(parts: HandlerParts): (req: IncomingMessage, res: ServerResponse) => void {
  const { api, guards, events, files, limits } = parts;
  const tokenRoute = makeTokenRoute(api);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusal = guards.checkSite(req.headers);
    if (refusal) return sendStatus(res, refusal, refusal === 400 || refusal === 421);
    // No CORS, ever: a preflight gets a plain refusal and no Access-Control-* header.
    if (req.method === 'OPTIONS' || req.method === 'TRACE' || req.method === 'CONNECT') return sendStatus(res, 405);
    const url = req.url ?? '';
    const mark = url.indexOf('?');
    const pathname = mark < 0 ? url : url.slice(0, mark);
    const query = mark < 0 ? '' : url.slice(mark + 1);
    const isApi = pathname.startsWith(HTTP_API_PREFIX);
    if (!isApi && !pathname.startsWith(HTTP_TOKEN_PREFIX)) return files.serve(req, res, pathname);
    const capability = guards.checkKey(req.headers, query);
    if (!capability) return sendStatus(res, 401);
    if (!isApi) {
      if (req.method !== 'GET') return sendStatus(res, 405);
      return tokenRoute(pathname.slice(HTTP_TOKEN_PREFIX.length), req.headers, res);
    }
    // The token key (server.json) reads tokens and nothing else: no contract call, no event stream.
    if (capability !== 'ui') return sendStatus(res, 403);
    if (pathname === HTTP_EVENTS_PATH) return events.serve(req, res);
    const method = pathname.slice(HTTP_API_PREFIX.length);
    return dispatch(api, method, req, res, bodyLimitOf(method, limits));
  };

  return (req, res) => {
    route(req, res).catch(() => {
      // A bug in a route: answer without the exception's text, or drop the socket if headers went out.
      if (!res.headersSent) sendJson(res, 500, internal);
      else res.destroy();
    });
  };
}
