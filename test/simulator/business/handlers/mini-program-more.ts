/** More Mini Program endpoints: limited codes, link queries, Short Links, UnionID, plugins, cloud functions, security. */
import { randomBytes } from 'node:crypto';
import { followers } from '../data';
import { sendBytes } from '../../http';
import { WXACODE_JPEG } from '../images';
import { follower, intIn, ok, route, type Ctx, type Route } from '../route';

const MP = ['mp'] as const;

function limitedCode(maxPath: number) {
  return (c: Ctx) => {
    const path = String(c.json.path);
    if (path.length > maxPath) return c.fail(45029, 'qrcode count out of limit');
    if (c.json.width !== undefined && !intIn(c.json.width, 280, 1280)) return c.fail(40097, 'invalid args hint: [width]');
    sendBytes(c.req.res, WXACODE_JPEG, { 'content-type': 'image/jpeg' });
  };
}

const inADay = () => Math.floor(Date.now() / 1000) + 86_400;

function queryScheme(c: Ctx): void {
  if (!/^weixin:\/\/dl\/business\/\?t=\w+$/.test(String(c.json.scheme))) return c.fail(40097, 'invalid args hint: [scheme]');
  const info = { appid: c.account.appid, path: 'pages/index/index', query: 'a=1', create_time: 1_700_000_000, expire_time: inADay(), env_version: 'release' };
  c.send({ ...ok, scheme_info: info, visit_openid: followers(c.account.appid)[0] });
}

function queryUrlLink(c: Ctx): void {
  if (!/^https:\/\/wxaurl\.cn\/\w+$/.test(String(c.json.url_link))) return c.fail(40097, 'invalid args hint: [url_link]');
  const info = { appid: c.account.appid, path: 'pages/index/index', query: 'a=1', create_time: 1_700_000_000, expire_time: inADay(), env_version: 'release' };
  c.send({ ...ok, url_link_info: info, visit_openid: followers(c.account.appid)[0], url_link_quota: { long_time_used: 3, long_time_limit: 100_000 } });
}

function shortLink(c: Ctx): void {
  const page = String(c.json.page_url);
  if (page.startsWith('/') || page.length > 1024) return c.fail(40165, 'invalid weapp pagepath');
  if (typeof c.json.page_title === 'string' && c.json.page_title.length > 40) return c.fail(40097, 'invalid args hint: [page_title]');
  c.send({ ...ok, link: `#小程序://wxtoken演示/${randomBytes(6).toString('base64url')}` });
}

function paidUnionid(c: Ctx): void {
  const openid = follower(c, c.req.query.get('openid'), followers);
  if (openid) c.send({ ...ok, unionid: `o6_bm${randomBytes(17).toString('base64url').slice(0, 23)}` });
}

function plugin(c: Ctx): void {
  if (c.json.action === 'list') return c.send({ ...ok, plugin_list: [{ appid: 'wxsimplugin000001', status: 2, nickname: '演示插件 Demo plugin', headimgurl: 'http://mmbiz.qpic.cn/sim/plugin/0' }] });
  if (c.json.action !== 'apply' && c.json.action !== 'unbind') return c.fail(40097, 'invalid args hint: [action]');
  if (typeof c.json.plugin_appid !== 'string' || !c.json.plugin_appid) return c.fail(47001, 'data format error hint: [plugin_appid missing]');
  c.send(ok);
}

function invokeCloud(c: Ctx): void {
  if (!/^[\w-]{1,64}$/.test(c.req.query.get('env')!)) return c.fail(-501000, 'env not exists');
  if (!/^[\w-]{1,64}$/.test(c.req.query.get('name')!)) return c.fail(-501000, 'function not exists');
  c.send({ ...ok, resp_data: JSON.stringify({ event: c.json, openid: '', appid: c.account.appid }) });
}

function mediaCheck(c: Ctx): void {
  if (!/^https?:\/\//.test(String(c.json.media_url))) return c.fail(40097, 'invalid args hint: [media_url]');
  if (c.json.media_type !== 1 && c.json.media_type !== 2) return c.fail(40097, 'invalid args hint: [media_type]');
  if (c.json.version !== 2) return c.fail(40097, 'invalid args hint: [version must be 2]');
  if (!intIn(c.json.scene, 1, 4)) return c.fail(40097, 'invalid args hint: [scene]');
  if (follower(c, c.json.openid, followers)) c.send({ ...ok, trace_id: `${randomBytes(6).toString('hex')}-${randomBytes(4).toString('hex')}` });
}

function riskRank(c: Ctx): void {
  if (c.json.appid !== c.account.appid) return c.fail(40013, 'invalid appid');
  if (c.json.scene !== 0 && c.json.scene !== 1) return c.fail(40097, 'invalid args hint: [scene]');
  if (follower(c, c.json.openid, followers)) c.send({ ...ok, risk_rank: 0, unoin_id: 1_234_567 });
}

export const MP_MORE_ROUTES: Route[] = [
  route('POST', '/wxa/getwxacode', [...MP], limitedCode(1024), 5_000_000),
  route('POST', '/cgi-bin/wxaapp/createwxaqrcode', [...MP], limitedCode(128), 5_000_000),
  route('POST', '/wxa/queryscheme', [...MP], queryScheme, 500_000),
  route('POST', '/wxa/query_urllink', [...MP], queryUrlLink, 500_000),
  route('POST', '/wxa/genwxashortlink', [...MP], shortLink, 500_000),
  route('GET', '/wxa/getpaidunionid', [...MP], paidUnionid),
  route('POST', '/wxa/plugin', [...MP], plugin),
  route('POST', '/tcb/invokecloudfunction', [...MP], invokeCloud),
  route('POST', '/wxa/media_check_async', [...MP], mediaCheck, 2_000_000),
  route('POST', '/wxa/getuserriskrank', [...MP], riskRank),
];
