/**
 * Business endpoints (wechat-api.md §5, §6): a table of handlers by method, path and token kind (handlers-*.ts),
 * behind the checks every one of them shares: method, token, token kind, whitelist, body, and the required
 * query parameters the endpoint catalogue lists.
 */
import { ENDPOINTS } from '../../../src/shared/catalogue/index';
import type { Endpoint } from '../../../src/shared/catalogue/model';
import { largeJson } from './data';
import { rememberRid } from './account-data';
import { DIAGNOSTIC_ROUTES } from './handlers/diagnostics';
import { MP_ROUTES } from './handlers/mini-program';
import { OA_ROUTES } from './handlers/official-account';
import { WECOM_ROUTES } from './handlers/wecom';
import { CONTENT_ROUTES } from './handlers/content';
import { MESSAGE_ROUTES } from './handlers/messages';
import { MP_MORE_ROUTES } from './handlers/mini-program-more';
import { OA_USERS_MENUS_ROUTES } from './handlers/oa-users-menus';
import { STATS_OCR_ROUTES } from './handlers/stats-ocr';
import { WECOM_MORE_ROUTES } from './handlers/wecom-more';
import { TICKET_ROUTES } from './handlers/tickets';
import { answerOf, ipAllowed, parseJsonBody, sendError, sendJson, type SimRequest } from '../http';
import { parseMultipart, type FormPart } from './multipart';
import { route, type Ctx, type Route } from './route';
import type { SimState } from '../state';
import { whitelistMessage, wecomError } from '../token-endpoints';

const DEFAULT_DAILY_LIMIT = 10_000;

function largeJsonGet(c: Ctx): void {
  const bytes = Number(c.req.query.get('bytes') ?? 1024);
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > 128 * 1024 * 1024) return c.fail(40097, 'invalid args hint: [bytes]');
  const text = largeJson(bytes);
  c.req.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  c.req.res.end(text);
}

/** Not in the catalogue: a benchmark's big answer. */
const SIM_ROUTES: Route[] = [route('GET', '/cgi-bin/sim/large_json', ['oa', 'mp', 'wecom'], largeJsonGet, 1_000_000)];

/** `GET /cgi-bin/user/get` → the route; routes of one method and path from several files are merged by kind. */
const ROUTES = new Map<string, Route>();
const ALL_ROUTES = [
  ...DIAGNOSTIC_ROUTES, ...OA_ROUTES, ...MP_ROUTES, ...WECOM_ROUTES, ...SIM_ROUTES,
  // The rest of the catalogue (catalogue): later lists win for a kind they share with an earlier one.
  ...OA_USERS_MENUS_ROUTES, ...MESSAGE_ROUTES, ...CONTENT_ROUTES, ...STATS_OCR_ROUTES, ...MP_MORE_ROUTES, ...WECOM_MORE_ROUTES,
  // JS-SDK tickets (toolbox): last, so they answer the ticket paths.
  ...TICKET_ROUTES,
];
for (const r of ALL_ROUTES) {
  const key = `${r.method} ${r.path}`;
  const known = ROUTES.get(key);
  ROUTES.set(key, known ? { ...known, by: { ...known.by, ...r.by } } : r);
}
const PATHS = new Set([...ROUTES.values()].map((r) => r.path));

/**
 * What a missing required query parameter answers, where WeChat has its own code for it. An empty openid
 * is answered like a wrong one, 40003, as WeChat does.
 */
const MISSING_PARAM: Record<string, [number, string]> = {
  openid: [40003, 'invalid openid'],
  touser: [40003, 'invalid openid'],
  userid: [41009, 'missing userid'],
  media_id: [41006, 'missing media_id'],
  agentid: [41011, 'missing agentid'],
  tagid: [41017, 'missing tagid'],
  scene: [40169, 'invalid length for scene, or the data is not json string'],
};

/** A required field the request left out, from the catalogue's query, body and form lists. */
function missingField(entry: Endpoint | undefined, query: URLSearchParams, json: Record<string, unknown>, form: Map<string, FormPart>): [number, string] | undefined {
  const absent = (v: unknown) => v === undefined || v === null || v === '';
  const param = entry?.query?.find((p) => p.required && !query.get(p.name)) ?? entry?.bodyParams?.find((p) => p.required && absent(json[p.name]));
  if (param) return MISSING_PARAM[param.name] ?? [47001, `data format error hint: [${param.name} missing]`];
  const field = entry?.form?.find((p) => p.required && !form.get(p.name)?.data.length);
  if (field) return field.type === 'file' ? [41005, 'media data missing'] : [47001, `data format error hint: [${field.name} missing]`];
  return undefined;
}

export function isBusinessPath(path: string): boolean {
  return PATHS.has(path);
}

function catalogueEntry(method: string, path: string, kind: Endpoint['kinds'][number]): Endpoint | undefined {
  return ENDPOINTS.find((e) => e.method === method && e.path === path && e.kinds.includes(kind));
}

function dailyLimitOf(path: string): number | undefined {
  const r = ROUTES.get(`GET ${path}`) ?? ROUTES.get(`POST ${path}`);
  return r && (r.dailyLimit ?? DEFAULT_DAILY_LIMIT);
}

export function business(state: SimState, req: SimRequest): void {
  const { res } = req;
  // WeChat's POST-only endpoints answer a GET with 43002; its GET endpoints take a POST as well.
  const found = ROUTES.get(`${req.method} ${req.path}`) ?? (req.method === 'GET' ? undefined : ROUTES.get(`GET ${req.path}`));
  if (!found) return ROUTES.has(`POST ${req.path}`) ? sendError(res, 43002, 'require POST method') : sendError(res, 40066, 'invalid url', 404);
  const raw = req.query.get('access_token');
  if (!raw) return sendError(res, 41001, 'access_token missing');
  const check = state.check(raw);
  if (!check.ok) {
    return check.errcode === 42001
      ? sendError(res, 42001, 'access_token expired')
      : sendError(res, 40001, 'invalid credential, access_token is invalid or not latest');
  }
  const token = check.token;
  const account = state.accounts.get(token.appid)!;
  const wecom = token.kind === 'wecom';
  const fail = (errcode: number, errmsg: string) => (wecom ? wecomError(req, errcode, errmsg) : sendError(res, errcode, errmsg));
  const handler = found.by[token.kind];
  const answer = () => {
    if (!handler) return fail(48001, 'api unauthorized');
    if (account.kind === 'oa' && account.ipWhitelist && !ipAllowed(req.ip, account.ipWhitelist)) return fail(40164, whitelistMessage(req.ip));
    const entry = catalogueEntry(found.method, found.path, token.kind);
    let json: Record<string, unknown> = {};
    let form = new Map<string, FormPart>();
    if (found.method === 'POST' && entry?.form) {
      // An upload: multipart, or nothing at all where a URL in the query may stand in for the file (OCR's img_url).
      form = parseMultipart(req.headers['content-type'], req.body) ?? form;
    } else if (found.method === 'POST') {
      const body = parseJsonBody(req.body);
      if (!body.ok) return fail(body.errcode, body.errmsg);
      json = body.value;
    }
    const missing = missingField(entry, req.query, json, form);
    if (missing) return fail(...missing);
    const calls = state.usage(token.appid).calls;
    calls.set(req.path, (calls.get(req.path) ?? 0) + 1);
    handler({ state, req, token, account, json, form, fail, send: (body) => sendJson(res, body), dailyLimitOf });
  };
  const started = Date.now();
  answer();
  recordRid(state, req, token.appid, started);
}

/** An error answered with a rid can be looked up with rid/get, as WeChat allows for 7 days. */
function recordRid(state: SimState, req: SimRequest, appid: string, started: number): void {
  const sent = answerOf(req.res);
  if (!sent?.rid) return;
  const query = new URLSearchParams(req.query);
  query.delete('access_token');
  const search = query.toString();
  rememberRid(state.data(appid), sent.rid, {
    invoke_time: Math.floor(started / 1000),
    cost_in_ms: Date.now() - started,
    request_url: `${req.path}${search ? `?${search}` : ''}`,
    request_body: req.body.toString('utf8'),
    response_body: sent.text,
    client_ip: req.ip,
  });
}
