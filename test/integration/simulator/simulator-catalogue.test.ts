/**
 * The simulator answers every entry of the request console's catalogue: the sample request as the catalogue
 * gives it, and the same request with its placeholders filled in, the way a user sends them in the demo.
 * An entry added without a simulator answer fails here (40066 invalid url).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/catalogue/model';
import { ENDPOINTS } from '../../../src/shared/catalogue/index';
import type { AccountKind } from '../../../src/shared/models';
import { SIM_MEDIA_ID, simFollowers, simPlaceholderValues, startSimulator, type SimAccount, type Simulator } from '../../simulator';
import { MEDIA_JPEG } from '../../simulator/business/images';
import { probe, type ProbeResponse } from '../../simulator/probe';

const ACCOUNTS: Record<AccountKind, SimAccount> = {
  oa: { appid: 'wx00000000000000a1', secret: 'a'.repeat(32), kind: 'oa' },
  mp: { appid: 'wx00000000000000b2', secret: 'b'.repeat(32), kind: 'mp' },
  wecom: { appid: 'ww00000000000000c3', secret: 'corp-secret-c3', kind: 'wecom' },
};

/** Errors WeChat documents for a bad value in a request; a placeholder left in a sample gets one of these. */
const DOCUMENTED_INPUT_ERRORS: Record<number, string> = {
  40003: 'invalid openid',
  40007: 'invalid media_id',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40058: 'invalid parameter (WeCom)',
  40097: 'invalid args',
  53600: 'invalid article_id',
  65401: 'invalid kf_account',
  76001: 'rid not found',
  86003: 'chatid not found',
  88001: 'msg_data is not exists',
};
const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
const WECOM_HINT = /, hint: \[[^\]]+\], more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=\d+$/;
/** Entries whose success needs something the account did before (a rid it was answered); tested on their own below. */
const NEEDS_HISTORY = new Set(['diag.rid.get']);

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
  for (const a of Object.values(ACCOUNTS)) sim.addAccount(a);
});
afterEach(() => sim.close());

type Json = Record<string, any>;

async function tokenFor(kind: AccountKind): Promise<string> {
  const a = ACCOUNTS[kind];
  const res =
    kind === 'wecom'
      ? await probe(`${sim.url}/cgi-bin/gettoken?corpid=${a.appid}&corpsecret=${a.secret}`)
      : await probe(`${sim.url}/cgi-bin/stable_token`, { body: { grant_type: 'client_credential', appid: a.appid, secret: a.secret } });
  return res.json<Json>().access_token;
}

/** A multipart body as a browser sends it: files get a small JPEG, text fields their sample. */
function multipart(fields: { name: string; file: boolean; value: string }[]): { body: Buffer; type: string } {
  const boundary = '----wxtokenSimBoundary7MA4YWxkTrZu0gW';
  const parts = fields.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"${f.file ? `; filename="${f.name}.jpg"\r\nContent-Type: image/jpeg` : ''}\r\n\r\n`),
      f.file ? MEDIA_JPEG : Buffer.from(f.value),
      Buffer.from('\r\n'),
    ]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/** The catalogue's sample request: required query parameters with their sample values, the sample body or form. */
function sampleRequest(e: Endpoint, fill: (text: string) => string = (t) => t) {
  const query = new URLSearchParams();
  for (const p of e.query ?? []) if (p.required || p.sample) query.set(p.name, fill(p.sample ?? ''));
  const form = e.form && multipart(e.form.filter((p) => p.required || p.type === 'file' || p.sample).map((p) => ({ name: p.name, file: p.type === 'file', value: fill(p.sample ?? '') })));
  return { query, body: e.body === undefined ? undefined : fill(e.body), form };
}

async function send(e: Endpoint, kind: AccountKind, fill?: (text: string) => string): Promise<ProbeResponse> {
  const { query, body, form } = sampleRequest(e, fill);
  query.set('access_token', await tokenFor(kind));
  const url = `${sim.url}${e.path}?${query}`;
  if (form) return probe(url, { method: 'POST', body: form.body, headers: { 'content-type': form.type } });
  return probe(url, { method: e.method as 'GET' | 'POST', body: e.method === 'POST' ? (body ?? '{}') : undefined });
}

const isJson = (res: ProbeResponse) => /^application\/json/.test(String(res.headers['content-type']));
const fillerFor = (kind: AccountKind) => {
  const values = simPlaceholderValues(ACCOUNTS[kind].appid);
  const words = new RegExp(`\\b(${Object.keys(values).join('|')})\\b`, 'g');
  return (text: string) => text.replace(words, (word) => values[word]);
};

/** Success: bytes of a non-JSON type for a binary entry, or JSON without a non-zero errcode. */
function expectSuccess(e: Endpoint, res: ProbeResponse): void {
  expect(res.status).toBe(200);
  if (!isJson(res)) {
    expect(e.binary, `${e.id} answered ${res.headers['content-type']} but is not marked binary`).toBe(true);
    expect(res.headers['content-type']).toMatch(/^(image|audio|video)\//);
    expect(res.body.length).toBeGreaterThan(0);
    return;
  }
  const body = res.json<Json>();
  expect(body.errcode ?? 0, `${e.id}: ${body.errmsg}`).toBe(0);
  const data = Object.keys(body).filter((k) => k !== 'errcode' && k !== 'errmsg');
  // WeCom's writes answer `created`, `updated` or `deleted` where others say `ok`.
  expect(data.length > 0 || (body.errcode === 0 && ['ok', 'created', 'updated', 'deleted'].includes(body.errmsg)), `${e.id} answered neither data nor ok`).toBe(true);
}

const cases = ENDPOINTS.flatMap((e) => e.kinds.map((kind) => ({ id: `${e.id} as ${kind}`, e, kind })));

describe('every catalogue entry has an answer in the simulator', () => {
  it.each(cases)('$id: the sample as written is success or a documented input error, never 40066', async ({ e, kind }) => {
    const res = await send(e, kind);
    expect(res.status, `${e.method} ${e.path}`).toBe(200);
    if (!isJson(res)) return expectSuccess(e, res);
    const body = res.json<Json>();
    expect(body.errcode, `${e.id}: ${body.errmsg}`).not.toBe(40066);
    if (!body.errcode) return expectSuccess(e, res);
    expect(Object.keys(DOCUMENTED_INPUT_ERRORS).map(Number), `${e.id}: ${body.errcode} ${body.errmsg}`).toContain(body.errcode);
    expect(body.errmsg).toMatch(kind === 'wecom' ? WECOM_HINT : RID);
  });

  it.each(cases.filter((c) => !NEEDS_HISTORY.has(c.e.id)))('$id: the sample with its placeholders filled in succeeds', async ({ e, kind }) => {
    expectSuccess(e, await send(e, kind, fillerFor(kind)));
  });

  it.each(ENDPOINTS.flatMap((e) => {
    // A kind that the same method and path serves under another entry (WeCom's user/get) is not a wrong kind.
    const served = new Set(ENDPOINTS.filter((o) => o.method === e.method && o.path === e.path).flatMap((o) => o.kinds));
    return (['oa', 'mp', 'wecom'] as const).filter((k) => !served.has(k)).map((kind) => ({ id: `${e.id} as ${kind}`, e, kind }));
  }))('$id: a token of a kind the catalogue does not list gets 48001', async ({ e, kind }) => {
    expect((await send(e, kind, fillerFor(kind))).json<Json>().errcode).toBe(48001);
  });

  it.each(ENDPOINTS.filter((e) => e.method === 'POST' && !e.form))('$id: an empty body is 44002, a broken one 47001, a GET 43002', async (e) => {
    const url = `${sim.url}${e.path}?access_token=${await tokenFor(e.kinds[0])}`;
    expect((await probe(url, { method: 'POST', body: '' })).json<Json>().errcode).toBe(44002);
    expect((await probe(url, { body: '{"a":' })).json<Json>().errcode).toBe(47001);
    expect((await probe(url)).json<Json>().errcode).toBe(43002);
  });

  it.each(ENDPOINTS.filter((e) => e.form?.some((p) => p.required && p.type === 'file')))('$id: an upload without its file is 41005, a GET 43002', async (e) => {
    const kind = e.kinds[0];
    const query = sampleRequest(e, fillerFor(kind)).query;
    query.set('access_token', await tokenFor(kind));
    const url = `${sim.url}${e.path}?${query}`;
    const empty = multipart([{ name: 'note', file: false, value: 'no file here' }]);
    expect((await probe(url, { body: empty.body, headers: { 'content-type': empty.type } })).json<Json>().errcode).toBe(41005);
    expect((await probe(url, { body: { media: 'not a file' } })).json<Json>().errcode).toBe(41005);
    expect((await probe(url)).json<Json>().errcode).toBe(43002);
  });

  it.each(ENDPOINTS.flatMap((e) => (e.bodyParams ?? []).filter((p) => p.required).map((p) => ({ id: `${e.id} without ${p.name}`, e, p }))))(
    '$id: a required body field left out gets a documented error, not success',
    async ({ e, p }) => {
      const kind = e.kinds[0];
      const body = JSON.parse(fillerFor(kind)(e.body!));
      delete body[p.name];
      const query = sampleRequest(e, fillerFor(kind)).query;
      query.set('access_token', await tokenFor(kind));
      const answer = (await probe(`${sim.url}${e.path}?${query}`, { body })).json<Json>();
      expect([40003, 40169, 41006, 41009, 41011, 41017, 47001], `${e.id}: ${answer.errcode} ${answer.errmsg}`).toContain(answer.errcode);
    },
  );
});

describe('what the business endpoints change and check', () => {
  const call = async (kind: AccountKind, path: string, body?: object, query = '') =>
    (await probe(`${sim.url}${path}?access_token=${await tokenFor(kind)}${query}`, body ? { body } : {})).json<Json>();

  it('menu/delete removes the menu (menu/get 46003, selfmenu closed) until menu/create sets a new one', async () => {
    expect((await call('oa', '/cgi-bin/menu/get')).menu.button.length).toBeGreaterThan(0);
    expect(await call('oa', '/cgi-bin/menu/delete')).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await call('oa', '/cgi-bin/menu/get')).errcode).toBe(46003);
    expect(await call('oa', '/cgi-bin/get_current_selfmenu_info')).toEqual({ is_menu_open: 0 });
    expect((await call('oa', '/cgi-bin/menu/create', { button: [] })).errcode).toBe(40016);
    expect((await call('oa', '/cgi-bin/menu/create', { button: [{ type: 'teleport', name: 'x' }] })).errcode).toBe(40017);
    const button = [{ type: 'view', name: '官网', url: 'https://example.com/' }];
    expect(await call('oa', '/cgi-bin/menu/create', { button })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await call('oa', '/cgi-bin/menu/get')).menu.button).toEqual([{ ...button[0], sub_button: [] }]);
    expect(await call('oa', '/cgi-bin/get_current_selfmenu_info')).toMatchObject({ is_menu_open: 1, selfmenu_info: { button: [button[0]] } });
  });

  it('clear_quota resets every counter, quota/clear one; clear_quota checks the AppID', async () => {
    const used = async (cgi_path: string) => (await call('oa', '/cgi-bin/openapi/quota/get', { cgi_path })).quota.used;
    await call('oa', '/cgi-bin/tags/get');
    await call('oa', '/cgi-bin/menu/get');
    expect([await used('/cgi-bin/tags/get'), await used('/cgi-bin/menu/get')]).toEqual([1, 1]);
    expect(await call('oa', '/cgi-bin/openapi/quota/clear', { cgi_path: '/cgi-bin/tags/get' })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect([await used('/cgi-bin/tags/get'), await used('/cgi-bin/menu/get')]).toEqual([0, 1]);
    expect((await call('oa', '/cgi-bin/clear_quota', { appid: ACCOUNTS.mp.appid })).errcode).toBe(40013);
    expect(await call('oa', '/cgi-bin/clear_quota', { appid: ACCOUNTS.oa.appid })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await used('/cgi-bin/menu/get')).toBe(0);
    expect((await call('oa', '/cgi-bin/openapi/quota/clear', { cgi_path: '/cgi-bin/nope' })).errcode).toBe(76021);
  });

  it('rid/get describes an error this account was answered, without its token; another account cannot see it', async () => {
    const failed = await call('oa', '/cgi-bin/user/info', undefined, '&openid=oNobody');
    const rid = / rid: (\S+)$/.exec(failed.errmsg)![1];
    const found = await call('oa', '/cgi-bin/openapi/rid/get', { rid });
    expect(found).toMatchObject({ errcode: 0, request: { request_url: '/cgi-bin/user/info?openid=oNobody', client_ip: expect.any(String), invoke_time: expect.any(Number) } });
    expect(JSON.parse(found.request.response_body)).toMatchObject({ errcode: 40003 });
    expect(JSON.stringify(found)).not.toContain('access_token');
    expect((await call('mp', '/cgi-bin/openapi/rid/get', { rid })).errcode).toBe(76001);
  });

  it('required query parameters from the catalogue and unknown ids get their documented errors', async () => {
    expect((await call('oa', '/cgi-bin/user/info')).errcode).toBe(40003);
    expect((await call('oa', '/cgi-bin/media/get')).errcode).toBe(41006);
    expect((await call('oa', '/cgi-bin/ticket/getticket')).errcode).toBe(47001);
    expect((await call('oa', '/cgi-bin/ticket/getticket', undefined, '&type=wx_card'))).toMatchObject({ errcode: 0, expires_in: 7200 });
    const wecom = await call('wecom', '/cgi-bin/user/get');
    expect(wecom.errcode).toBe(41009);
    expect(wecom.errmsg).toMatch(WECOM_HINT);
    expect((await call('wecom', '/cgi-bin/user/get', undefined, '&userid=nobody')).errcode).toBe(60111);
    expect((await call('oa', '/cgi-bin/user/info/batchget', { user_list: [{ openid: 'oNobody' }] })).errcode).toBe(40003);
    expect((await call('oa', '/cgi-bin/material/batchget_material', { type: 'sticker', offset: 0, count: 20 })).errcode).toBe(40004);
  });

  it('get_material answers an image as bytes and JSON for video and news, and the same endpoint answers both kinds of user/get', async () => {
    const token = await tokenFor('oa');
    const image = await probe(`${sim.url}/cgi-bin/material/get_material?access_token=${token}`, { body: { media_id: SIM_MEDIA_ID } });
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect([...image.body.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const news = (await call('oa', '/cgi-bin/material/batchget_material', { type: 'news', offset: 0, count: 1 })).item[0];
    expect((await call('oa', '/cgi-bin/material/get_material', { media_id: news.media_id })).news_item[0].title).toEqual(expect.any(String));
    expect((await call('oa', '/cgi-bin/user/get')).data.openid).toEqual(simFollowers(ACCOUNTS.oa.appid));
    expect(await call('wecom', '/cgi-bin/user/get', undefined, '&userid=zhangsan')).toMatchObject({ errcode: 0, userid: 'zhangsan', name: '张三' });
  });

  it('an uploaded file comes back from media/get; permanent material can be fetched, then deleted', async () => {
    const token = await tokenFor('oa');
    const file = Buffer.concat([MEDIA_JPEG, Buffer.from('wxtoken')]);
    const boundary = 'b0undary';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const temp = (await probe(`${sim.url}/cgi-bin/media/upload?access_token=${token}&type=image`, { body, headers })).json<Json>();
    expect(temp).toMatchObject({ type: 'image', media_id: expect.any(String), created_at: expect.any(Number) });
    expect((await probe(`${sim.url}/cgi-bin/media/get?access_token=${token}&media_id=${temp.media_id}`)).body).toEqual(file);
    expect((await probe(`${sim.url}/cgi-bin/media/upload?access_token=${token}&type=sticker`, { body, headers })).json<Json>().errcode).toBe(40004);
    const kept = (await probe(`${sim.url}/cgi-bin/material/add_material?access_token=${token}&type=image`, { body, headers })).json<Json>();
    expect(kept.url).toMatch(/^http/);
    expect((await probe(`${sim.url}/cgi-bin/material/get_material?access_token=${token}`, { body: { media_id: kept.media_id } })).body).toEqual(file);
    expect(await call('oa', '/cgi-bin/material/del_material', { media_id: kept.media_id })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await call('oa', '/cgi-bin/material/get_material', { media_id: kept.media_id })).errcode).toBe(40007);
    expect((await call('oa', '/cgi-bin/material/del_material', { media_id: kept.media_id })).errcode).toBe(40007);
  });

  it('a draft is added, published and found by its article_id; the draft box no longer holds it', async () => {
    const article = { title: 'T', content: '<p>x</p>', thumb_media_id: SIM_MEDIA_ID };
    expect((await call('oa', '/cgi-bin/draft/add', { articles: [{ ...article, thumb_media_id: 'nope' }] })).errcode).toBe(40007);
    const { media_id } = await call('oa', '/cgi-bin/draft/add', { articles: [article] });
    const before = (await call('oa', '/cgi-bin/draft/count')).total_count;
    const { publish_id } = await call('oa', '/cgi-bin/freepublish/submit', { media_id });
    expect((await call('oa', '/cgi-bin/draft/count')).total_count).toBe(before - 1);
    const status = await call('oa', '/cgi-bin/freepublish/get', { publish_id });
    expect(status).toMatchObject({ publish_status: 0, article_detail: { count: 1 } });
    expect((await call('oa', '/cgi-bin/freepublish/getarticle', { article_id: status.article_id })).news_item[0].title).toBe('T');
    expect(await call('oa', '/cgi-bin/freepublish/delete', { article_id: status.article_id })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await call('oa', '/cgi-bin/freepublish/getarticle', { article_id: status.article_id })).errcode).toBe(53600);
  });

  it('WeCom members, departments and tags change as the writes say', async () => {
    const created = await call('wecom', '/cgi-bin/user/create', { userid: 'wangwu', name: '王五', department: [3], mobile: '13800000009' });
    expect(created).toEqual({ errcode: 0, errmsg: 'created' });
    expect((await call('wecom', '/cgi-bin/user/create', { userid: 'wangwu', name: '王五', mobile: '13800000010' })).errcode).toBe(60102);
    expect((await call('wecom', '/cgi-bin/user/get', undefined, '&userid=wangwu')).name).toBe('王五');
    expect((await call('wecom', '/cgi-bin/department/delete', undefined, '&id=3')).errcode).toBe(60005);
    expect((await call('wecom', '/cgi-bin/user/delete', undefined, '&userid=wangwu')).errmsg).toBe('deleted');
    expect((await call('wecom', '/cgi-bin/user/get', undefined, '&userid=wangwu')).errcode).toBe(60111);
    expect((await call('wecom', '/cgi-bin/department/delete', undefined, '&id=3')).errmsg).toBe('deleted');
    const tag = await call('wecom', '/cgi-bin/tag/addtagusers', { tagid: 1, userlist: ['lisi', 'nobody'] });
    expect(tag).toMatchObject({ errcode: 0, invalidlist: 'nobody' });
    expect((await call('wecom', '/cgi-bin/tag/get', undefined, '&tagid=1')).userlist.map((u: Json) => u.userid)).toEqual(['zhangsan', 'lisi']);
    const sent = await call('wecom', '/cgi-bin/message/send', { touser: 'zhangsan', msgtype: 'text', agentid: 1000002, text: { content: 'hi' } });
    expect(await call('wecom', '/cgi-bin/message/recall', { msgid: sent.msgid })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await call('wecom', '/cgi-bin/message/recall', { msgid: sent.msgid })).errcode).toBe(40058);
  });
});
