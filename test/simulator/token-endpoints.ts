/** The three token endpoints (wechat-api.md §1): classic, stable and WeCom's gettoken. */
import { randomBytes } from 'node:crypto';
import { ipAllowed, parseJsonBody, plainIp, sendError, sendJson, type SimRequest } from './http';
import type { SimState } from './state';
import type { SimAccount } from './types';

const NOT_LATEST = 'invalid credential, access_token is invalid or not latest';
const FORCE_PER_DAY = 20;

export function whitelistMessage(ip: string): string {
  const plain = plainIp(ip);
  const v6 = plain.includes(':') ? plain : `::ffff:${plain}`;
  return `invalid ip ${plain} ipv6 ${v6}, not in whitelist`;
}

interface Credentials {
  grantType: unknown;
  appid: unknown;
  secret: unknown;
}

/** The checks both OA/MP token endpoints share, in WeChat's order; answers and returns undefined on failure. */
function admit(state: SimState, req: SimRequest, c: Credentials, wrongSecretCode: 40001 | 40125): SimAccount | undefined {
  const { res } = req;
  if (c.grantType !== 'client_credential') return void sendError(res, 40002, 'invalid grant_type');
  if (typeof c.appid !== 'string' || !c.appid) return void sendError(res, 41002, 'appid missing');
  if (typeof c.secret !== 'string' || !c.secret) return void sendError(res, 41004, 'appsecret missing');
  const account = state.accounts.get(c.appid);
  if (!account || account.kind === 'wecom') return void sendError(res, 40013, 'invalid appid');
  if (account.component) return void sendError(res, 61024, 'access clientcredential type forbidden for component');
  if (account.ipWhitelist && !ipAllowed(req.ip, account.ipWhitelist)) return void sendError(res, 40164, whitelistMessage(req.ip));
  if (c.secret !== account.secret) {
    return void sendError(res, wrongSecretCode, wrongSecretCode === 40001 ? NOT_LATEST : 'invalid appsecret');
  }
  if (account.frozen) return void sendError(res, 40243, 'appsecret is frozen, please unfreeze it on mp.weixin.qq.com');
  if (account.needsAdminConfirm) return void sendError(res, 89503, 'this ip needs the admin to confirm, please retry after the admin approves');
  return account;
}

/** GET /cgi-bin/token: a new token every call; the previous one lives on for the overlap. */
export function classicToken(state: SimState, req: SimRequest): void {
  const q = req.query;
  const account = admit(state, req, { grantType: q.get('grant_type'), appid: q.get('appid'), secret: q.get('secret') }, 40001);
  if (!account) return;
  const usage = state.usage(account.appid);
  if (usage.classicFetches >= (account.dailyQuota ?? 2000)) return sendError(req.res, 45009, 'reach max api daily quota limit');
  usage.classicFetches += 1;
  const t = state.issueClassic(account.appid);
  sendJson(req.res, { access_token: t.token, expires_in: state.lifetimeSeconds(account.appid) });
}

/** POST /cgi-bin/stable_token: one shared token per appid; force mode limited to 20 a day, 30 s apart. */
export function stableToken(state: SimState, req: SimRequest): void {
  const { res } = req;
  if (req.method !== 'POST') return sendError(res, 43002, 'require POST method');
  const body = parseJsonBody(req.body);
  if (!body.ok) return sendError(res, body.errcode, body.errmsg);
  const b = body.value;
  const account = admit(state, req, { grantType: b.grant_type, appid: b.appid, secret: b.secret }, 40125);
  if (!account) return;
  const now = Date.now();
  const current = state.currentOf(account.appid, 'stable');
  const answer = (t = current!) => sendJson(res, { access_token: t.token, expires_in: state.remainingSeconds(t) });

  if (b.force_refresh === true) {
    const usage = state.usage(account.appid);
    if (current && usage.lastForceAt !== undefined && now - usage.lastForceAt < state.forceGapMs) return answer();
    if (usage.forceTimes.length >= FORCE_PER_DAY) return sendError(res, 45009, 'reach max api daily quota limit');
    usage.forceTimes.push(now);
    usage.lastForceAt = now;
    if (current) state.invalidate(current);
  } else if (current) {
    const renewWindowMs = (state.renewWindowSeconds ?? Math.min(300, state.lifetimeSeconds(account.appid) / 24)) * 1000;
    // Inside the renewal window the platform has already made the next token; the old one still runs out normally.
    if (current.expiresAt - now > renewWindowMs) return answer();
  }
  const next = state.issue(account.appid, 'stable');
  state.setCurrent(next);
  answer(next);
}

/** WeCom errors carry a hint and a link instead of a rid. */
export function wecomError(req: SimRequest, errcode: number, text: string): void {
  const hint = `${Math.floor(Date.now() / 1000)}_${Math.floor(Math.random() * 9) + 1}_${randomBytes(16).toString('hex')}`;
  const ip = errcode === 60020 ? `, from ip: ${plainIp(req.ip)}` : '';
  const errmsg = `${text}, hint: [${hint}]${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
  sendJson(req.res, { errcode, errmsg });
}

/** GET /cgi-bin/gettoken (WeCom): the same token while it is valid, with the seconds it has left. */
export function wecomToken(state: SimState, req: SimRequest): void {
  const corpid = req.query.get('corpid');
  const corpsecret = req.query.get('corpsecret');
  if (!corpid) return wecomError(req, 41002, 'corpid missing');
  if (!corpsecret) return wecomError(req, 41004, 'corpsecret missing');
  const account = state.accounts.get(corpid);
  if (!account || account.kind !== 'wecom') return wecomError(req, 40013, 'invalid corpid');
  if (account.ipWhitelist && !ipAllowed(req.ip, account.ipWhitelist)) return wecomError(req, 60020, 'not allow to access from your ip');
  if (corpsecret !== account.secret) return wecomError(req, 40001, 'invalid secret');
  let t = state.currentOf(corpid, 'wecom');
  if (!t) {
    t = state.issue(corpid, 'wecom');
    state.setCurrent(t);
  }
  sendJson(req.res, { errcode: 0, errmsg: 'ok', access_token: t.token, expires_in: state.remainingSeconds(t) });
}

/** POST /cgi-bin/clear_quota/v2: clear_quota with the secret instead of a token (for when 45009 blocks fetching). */
export function clearQuotaV2(state: SimState, req: SimRequest): void {
  const { res } = req;
  if (req.method !== 'POST') return sendError(res, 43002, 'require POST method');
  const body = req.body.length ? parseJsonBody(req.body) : undefined;
  if (body && !body.ok) return sendError(res, body.errcode, body.errmsg);
  const pick = (k: string) => (body?.ok ? body.value[k] : undefined) ?? req.query.get(k);
  const appid = pick('appid');
  const secret = pick('appsecret');
  if (typeof appid !== 'string' || !appid) return sendError(res, 41002, 'appid missing');
  if (typeof secret !== 'string' || !secret) return sendError(res, 41004, 'appsecret missing');
  const account = state.accounts.get(appid);
  if (!account || account.kind === 'wecom') return sendError(res, 40013, 'invalid appid');
  if (account.ipWhitelist && !ipAllowed(req.ip, account.ipWhitelist)) return sendError(res, 40164, whitelistMessage(req.ip));
  if (secret !== account.secret) return sendError(res, 40125, 'invalid appsecret');
  if (!state.clearQuota(appid)) return sendError(res, 48006, 'forbid to clear quota because of reaching the limit');
  sendJson(res, { errcode: 0, errmsg: 'ok' });
}
