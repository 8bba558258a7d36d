/** wechat-api.md §5: IP lists, quotas, rid look-up, callback check. */
import { API_DOMAIN_IPS, CALLBACK_IPS } from '../data';
import { need, ok, route, type Ctx, type Kind, type Route } from '../route';

const ALL: Kind[] = ['oa', 'mp', 'wecom'];
const OA_MP: Kind[] = ['oa', 'mp'];
const TOKEN_LIMITS: Record<string, (c: Ctx) => { limit: number; used: number }> = {
  '/cgi-bin/token': (c) => ({ limit: c.account.dailyQuota ?? 2000, used: c.state.usage(c.account.appid).classicFetches }),
  '/cgi-bin/stable_token': () => ({ limit: 500_000, used: 0 }),
};

function quotaGet(c: Ctx): void {
  const path = need(c, 'cgi_path');
  if (path === undefined) return;
  const token = TOKEN_LIMITS[path];
  const limit = token ? token(c).limit : c.dailyLimitOf(path);
  if (limit === undefined) return c.fail(76021, 'cgi_path not found, please check');
  const used = token ? token(c).used : (c.state.usage(c.account.appid).calls.get(path) ?? 0);
  c.send({ ...ok, quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) } });
}

function quotaClear(c: Ctx): void {
  const path = need(c, 'cgi_path');
  if (path === undefined) return;
  if (c.dailyLimitOf(path) === undefined) return c.fail(76021, 'cgi_path not found, please check');
  c.state.usage(c.account.appid).calls.delete(path);
  c.send(ok);
}

function clearQuota(c: Ctx): void {
  const appid = c.json.appid;
  if (typeof appid !== 'string' || !appid) return c.fail(41002, 'appid missing');
  if (appid !== c.account.appid) return c.fail(40013, 'invalid appid');
  if (!c.state.clearQuota(c.account.appid)) return c.fail(48006, 'forbid to clear quota because of reaching the limit');
  c.send(ok);
}

function ridGet(c: Ctx): void {
  const rid = need(c, 'rid');
  if (rid === undefined) return;
  const record = c.state.data(c.account.appid).rids.get(rid);
  if (!record) return c.fail(76001, 'rid not found');
  c.send({ ...ok, request: record });
}

const OPERATORS = ['DEFAULT', 'CHINANET', 'UNICOM', 'CAP'];

function callbackCheck(c: Ctx): void {
  const { action = 'all', check_operator: operator = 'DEFAULT' } = c.json;
  if (!['all', 'dns', 'ping'].includes(action as string) || !OPERATORS.includes(operator as string)) {
    return c.fail(40097, 'invalid args hint: [action or check_operator]');
  }
  const real = operator === 'DEFAULT' ? 'UNICOM' : (operator as string);
  const dns = [{ ip: '192.0.2.10', real_operator: real }];
  const ping = [{ ip: '192.0.2.10', from_operator: real, package_loss: '0%', time: '23.1ms' }];
  c.send({ dns: action === 'ping' ? [] : dns, ping: action === 'dns' ? [] : ping });
}

/** The limits are the documented defaults for an account with few followers; only quota/get reads them. */
export const DIAGNOSTIC_ROUTES: Route[] = [
  route('GET', '/cgi-bin/getcallbackip', ALL, (c) => c.send({ ip_list: CALLBACK_IPS })),
  route('GET', '/cgi-bin/get_api_domain_ip', ALL, (c) => c.send({ ip_list: API_DOMAIN_IPS })),
  route('POST', '/cgi-bin/openapi/quota/get', OA_MP, quotaGet, 100),
  route('POST', '/cgi-bin/openapi/quota/clear', OA_MP, quotaClear, 10),
  route('POST', '/cgi-bin/clear_quota', OA_MP, clearQuota, 10),
  route('POST', '/cgi-bin/openapi/rid/get', OA_MP, ridGet, 100),
  route('POST', '/cgi-bin/callback/check', ['oa'], callbackCheck, 100),
];
