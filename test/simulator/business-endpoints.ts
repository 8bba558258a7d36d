/** Business endpoints (wechat-api.md §5, §6): each checks `?access_token=` the way WeChat does. */
import { API_DOMAIN_IPS, CALLBACK_IPS, followers, largeJson, MENU, MESSAGE_TYPES, SIM_MEDIA_ID, TAGS, userInfo } from './business-data';
import { ipAllowed, parseJsonBody, sendBytes, sendError, sendJson, type SimRequest } from './http';
import { MEDIA_JPEG, WXACODE_JPEG } from './images';
import type { IssuedToken, SimState } from './state';
import { whitelistMessage } from './token-endpoints';
import type { SimAccount } from './types';

type Kind = SimAccount['kind'];

interface Ctx {
  state: SimState;
  req: SimRequest;
  token: IssuedToken;
  account: SimAccount;
  /** The parsed body of a POST. */
  json: Record<string, unknown>;
}

interface Route {
  method: 'GET' | 'POST';
  kinds: Kind[];
  dailyLimit: number;
  handle(c: Ctx): void;
}

const ALL: Kind[] = ['oa', 'mp', 'wecom'];
const OA_MP: Kind[] = ['oa', 'mp'];
const ok = { errcode: 0, errmsg: 'ok' };
const TOKEN_PATHS = ['/cgi-bin/token', '/cgi-bin/stable_token'];

const ROUTES: Record<string, Route> = {
  '/cgi-bin/getcallbackip': { method: 'GET', kinds: ALL, dailyLimit: 10_000, handle: (c) => sendJson(c.req.res, { ip_list: CALLBACK_IPS }) },
  '/cgi-bin/get_api_domain_ip': { method: 'GET', kinds: ALL, dailyLimit: 10_000, handle: (c) => sendJson(c.req.res, { ip_list: API_DOMAIN_IPS }) },
  '/cgi-bin/openapi/quota/get': { method: 'POST', kinds: OA_MP, dailyLimit: 100, handle: quotaGet },
  '/cgi-bin/clear_quota': { method: 'POST', kinds: OA_MP, dailyLimit: 10, handle: clearQuota },
  '/cgi-bin/user/get': { method: 'GET', kinds: ['oa'], dailyLimit: 500, handle: userGet },
  '/cgi-bin/user/info': { method: 'GET', kinds: ['oa'], dailyLimit: 5_000_000, handle: userInfoGet },
  '/cgi-bin/tags/get': { method: 'GET', kinds: ['oa'], dailyLimit: 1000, handle: (c) => sendJson(c.req.res, { tags: TAGS }) },
  '/cgi-bin/menu/get': { method: 'GET', kinds: ['oa'], dailyLimit: 10_000, handle: (c) => sendJson(c.req.res, MENU) },
  '/cgi-bin/message/custom/send': { method: 'POST', kinds: OA_MP, dailyLimit: 500_000, handle: customSend },
  '/wxa/getwxacodeunlimit': { method: 'POST', kinds: ['mp'], dailyLimit: 5_000_000, handle: wxaCode },
  '/cgi-bin/media/get': { method: 'GET', kinds: OA_MP, dailyLimit: 100_000, handle: mediaGet },
  '/cgi-bin/sim/large_json': { method: 'GET', kinds: ALL, dailyLimit: 1_000_000, handle: largeJsonGet },
};

export function isBusinessPath(path: string): boolean {
  return Object.hasOwn(ROUTES, path);
}

/** Method, token, token kind, whitelist and body checks, then the endpoint itself. */
export function business(state: SimState, req: SimRequest): void {
  const route = ROUTES[req.path];
  const { res } = req;
  if (route.method === 'POST' && req.method !== 'POST') return sendError(res, 43002, 'require POST method');
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
  if (!route.kinds.includes(token.kind)) return sendError(res, 48001, 'api unauthorized');
  if (account.kind === 'oa' && account.ipWhitelist && !ipAllowed(req.ip, account.ipWhitelist)) {
    return sendError(res, 40164, whitelistMessage(req.ip));
  }
  let json: Record<string, unknown> = {};
  if (route.method === 'POST') {
    const body = parseJsonBody(req.body);
    if (!body.ok) return sendError(res, body.errcode, body.errmsg);
    json = body.value;
  }
  const calls = state.usage(token.appid).calls;
  calls.set(req.path, (calls.get(req.path) ?? 0) + 1);
  route.handle({ state, req, token, account, json });
}

function quotaGet({ state, req, account, json }: Ctx): void {
  const path = json.cgi_path;
  if (typeof path !== 'string' || !path) return sendError(req.res, 47001, 'data format error hint: [cgi_path missing]');
  const usage = state.usage(account.appid);
  let limit: number;
  let used: number;
  if (TOKEN_PATHS.includes(path)) {
    limit = path === '/cgi-bin/token' ? (account.dailyQuota ?? 2000) : 500_000;
    used = path === '/cgi-bin/token' ? usage.classicFetches : 0;
  } else if (isBusinessPath(path)) {
    limit = ROUTES[path].dailyLimit;
    used = usage.calls.get(path) ?? 0;
  } else {
    return sendError(req.res, 76021, 'cgi_path not found, please check');
  }
  sendJson(req.res, { ...ok, quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) } });
}

function clearQuota({ state, req, account, json }: Ctx): void {
  if (typeof json.appid !== 'string' || !json.appid) return sendError(req.res, 41002, 'appid missing');
  if (json.appid !== account.appid) return sendError(req.res, 40013, 'invalid appid');
  if (!state.clearQuota(account.appid)) return sendError(req.res, 48006, 'forbid to clear quota because of reaching the limit');
  sendJson(req.res, ok);
}

function userGet({ req, account }: Ctx): void {
  const all = followers(account.appid);
  const after = req.query.get('next_openid');
  let start = 0;
  if (after) {
    const at = all.indexOf(after);
    if (at < 0) return sendError(req.res, 40003, 'invalid next_openid');
    start = at + 1;
  }
  const page = all.slice(start, start + 10_000);
  if (page.length === 0) return sendJson(req.res, { total: all.length, count: 0, next_openid: '' });
  sendJson(req.res, { total: all.length, count: page.length, data: { openid: page }, next_openid: page[page.length - 1] });
}

function userInfoGet({ req, account }: Ctx): void {
  const openid = req.query.get('openid');
  if (!openid || !followers(account.appid).includes(openid)) return sendError(req.res, 40003, 'invalid openid');
  sendJson(req.res, userInfo(account.appid, openid));
}

function customSend({ req, account, json }: Ctx): void {
  if (typeof json.touser !== 'string' || !followers(account.appid).includes(json.touser)) {
    return sendError(req.res, 40003, 'invalid openid');
  }
  if (typeof json.msgtype !== 'string' || !MESSAGE_TYPES.includes(json.msgtype)) return sendError(req.res, 40008, 'invalid message type');
  sendJson(req.res, ok);
}

function wxaCode({ req, json }: Ctx): void {
  const scene = json.scene;
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
    return sendError(req.res, 40169, 'invalid length for scene, or the data is not json string');
  }
  sendBytes(req.res, WXACODE_JPEG, { 'content-type': 'image/jpeg' });
}

function mediaGet({ req }: Ctx): void {
  const id = req.query.get('media_id');
  if (id !== SIM_MEDIA_ID) return sendError(req.res, 40007, 'invalid media_id');
  sendBytes(req.res, MEDIA_JPEG, {
    'content-type': 'image/jpeg',
    'content-disposition': `attachment; filename="${id}.jpg"`,
    'cache-control': 'no-cache, must-revalidate',
  });
}

function largeJsonGet({ req }: Ctx): void {
  const bytes = Number(req.query.get('bytes') ?? 1024);
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > 128 * 1024 * 1024) return sendError(req.res, 40097, 'invalid args hint: [bytes]');
  const text = largeJson(bytes);
  req.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  req.res.end(text);
}
