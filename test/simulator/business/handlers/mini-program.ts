/** Mini Program endpoints (wechat-api.md §6). */
import { randomBytes } from 'node:crypto';
import { followers, RISKY_WORDS, SIM_PHONE_CODE, SIM_TEMPLATE_ID } from '../data';
import { sendBytes } from '../../http';
import { WXACODE_JPEG } from '../images';
import { intIn, need, ok, route, type Ctx, type Route } from '../route';

const ENV_VERSIONS = ['release', 'trial', 'develop'];

function phoneNumber(c: Ctx): void {
  const code = need(c, 'code');
  if (code === undefined) return;
  if (code !== SIM_PHONE_CODE) return c.fail(40029, 'invalid code');
  c.send({
    ...ok,
    phone_info: {
      phoneNumber: '13800000000',
      purePhoneNumber: '13800000000',
      countryCode: '86',
      watermark: { timestamp: Math.floor(Date.now() / 1000), appid: c.account.appid },
    },
  });
}

function subscribeSend(c: Ctx): void {
  if (typeof c.json.touser !== 'string' || !followers(c.account.appid).includes(c.json.touser)) return c.fail(40003, 'invalid openid');
  if (c.json.template_id !== SIM_TEMPLATE_ID) return c.fail(40037, 'invalid template_id');
  if (c.json.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(c.json.miniprogram_state as string)) {
    return c.fail(47001, 'data format error hint: [miniprogram_state]');
  }
  c.send({ ...ok, msgid: c.state.data(c.account.appid).nextMsgId++ });
}

function envOk(c: Ctx, env: unknown): boolean {
  if (env === undefined || ENV_VERSIONS.includes(env as string)) return true;
  c.fail(40097, 'invalid args hint: [env_version]');
  return false;
}

function expiryOk(c: Ctx): boolean {
  const { expire_type: type = 0, expire_interval: interval, expire_time: time } = c.json;
  const now = Math.floor(Date.now() / 1000);
  let bad: string | undefined;
  if (type === 1 && !intIn(interval, 1, 30)) bad = 'expire_interval';
  else if (type === 0 && time !== undefined && !intIn(time, now, now + 30 * 86_400)) bad = 'expire_time';
  if (bad) c.fail(40097, `invalid args hint: [${bad}]`);
  return !bad;
}

function generateScheme(c: Ctx): void {
  const jump = (c.json.jump_wxa ?? {}) as Record<string, unknown>;
  if (typeof jump !== 'object' || Array.isArray(jump)) return c.fail(47001, 'data format error hint: [jump_wxa]');
  if (!envOk(c, jump.env_version) || !expiryOk(c)) return;
  c.send({ ...ok, openlink: `weixin://dl/business/?t=${randomBytes(8).toString('base64url')}` });
}

function generateUrlLink(c: Ctx): void {
  if (!envOk(c, c.json.env_version) || !expiryOk(c)) return;
  c.send({ ...ok, url_link: `https://wxaurl.cn/${randomBytes(9).toString('base64url')}` });
}

function msgSecCheck(c: Ctx): void {
  const content = need(c, 'content');
  if (content === undefined) return;
  if (c.json.version !== 2) return c.fail(40097, 'invalid args hint: [version must be 2]');
  if (!intIn(c.json.scene, 1, 4)) return c.fail(40097, 'invalid args hint: [scene]');
  if (typeof c.json.openid !== 'string' || !followers(c.account.appid).includes(c.json.openid)) return c.fail(40003, 'invalid openid');
  const risky = RISKY_WORDS.some((word) => content.includes(word));
  const result = risky ? { suggest: 'risky', label: 20006 } : { suggest: 'pass', label: 100 };
  const detail = [{ strategy: 'content_model', errcode: 0, suggest: result.suggest, label: result.label, ...(risky ? { prob: 90 } : {}) }];
  c.send({ ...ok, result, detail, trace_id: `${randomBytes(6).toString('hex')}-${randomBytes(4).toString('hex')}` });
}

function wxaCode(c: Ctx): void {
  const scene = c.json.scene;
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
    return c.fail(40169, 'invalid length for scene, or the data is not json string');
  }
  if (typeof c.json.page === 'string' && c.json.page.startsWith('/')) return c.fail(41030, 'invalid page hint: [page must not start with /]');
  if (!envOk(c, c.json.env_version)) return;
  sendBytes(c.req.res, WXACODE_JPEG, { 'content-type': 'image/jpeg' });
}

export const MP_ROUTES: Route[] = [
  route('POST', '/wxa/business/getuserphonenumber', ['mp'], phoneNumber, 50_000),
  route('POST', '/cgi-bin/message/subscribe/send', ['mp'], subscribeSend, 1_000_000),
  route('POST', '/wxa/generatescheme', ['mp'], generateScheme, 500_000),
  route('POST', '/wxa/generate_urllink', ['mp'], generateUrlLink, 500_000),
  route('POST', '/wxa/msg_sec_check', ['mp'], msgSecCheck, 2_000_000),
  route('POST', '/wxa/getwxacodeunlimit', ['mp'], wxaCode, 5_000_000),
];
