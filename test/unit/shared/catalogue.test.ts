import { describe, expect, it } from 'vitest';
import { callerIp, wechatError, wechatPolicy } from '../../../src/shared/errors/errors';
import { ENDPOINTS, endpointsFor, findEndpoint, searchEndpoints } from '../../../src/shared/catalogue/index';
import { GROUP_ORDER } from '../../../src/renderer/console/endpoint-filter';
import { TOKEN_ENDPOINT_ERRORS, WECHAT_ERRORS } from '../../../src/shared/errors/wechat-errors';

const SECTION_2_CODES = [
  -1, 40001, 40002, 40013, 40014, 40125, 40164, 40243, 41001, 41002, 41004, 42001, 43002, 43003, 44002, 47001, 45009,
  45011, 48001, 48006, 50001, 50002, 61024, 76021, 76022, 89503, 89501, 89506, 89507, 60020, 40091, 40003, 40007,
];

describe('WeChat error catalogue', () => {
  it.each(SECTION_2_CODES)('explains %i in both languages', (code) => {
    const info = WECHAT_ERRORS[code];
    expect(info, `missing ${code}`).toBeDefined();
    for (const text of [info!.meaning.zh, info!.meaning.en, info!.next.zh, info!.next.en]) expect(text.trim().length).toBeGreaterThan(3);
    expect(info!.meaning.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(info!.next.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('follows the retry rules of wechat-api.md §2', () => {
    for (const code of [40001, 40014, 42001]) expect(wechatPolicy(code)).toBe('refetch-once');
    for (const code of [40164, 40125, 40013, 40243, 45009, 61024, 89503, 60020]) expect(wechatPolicy(code)).toBe('stop');
    expect(wechatPolicy(-1)).toBe('retry-backoff');
    expect(wechatPolicy(45011)).toBe('retry-backoff');
    expect(wechatPolicy(99999)).toBe('report');
  });

  it('explains 40001 in both contexts, and as a wrong AppSecret at the token endpoint', () => {
    expect(WECHAT_ERRORS[40001]!.meaning.en).toMatch(/AppSecret/);
    expect(WECHAT_ERRORS[40001]!.meaning.en).toMatch(/not the latest/);
    const business = wechatError(40001, 'invalid credential, access_token is invalid or not latest rid: 65-ab');
    const atToken = wechatError(40001, 'invalid credential rid: 65-ab', { atTokenEndpoint: true });
    expect(business.next).toEqual(WECHAT_ERRORS[40001]!.next);
    expect(atToken.message).toEqual(TOKEN_ENDPOINT_ERRORS[40001]!.meaning);
    expect(atToken.message.zh).toMatch(/AppSecret 错误/);
    expect(atToken.next?.en).toMatch(/set-secret/);
    expect(wechatPolicy(40001, { atTokenEndpoint: true })).toBe('stop');
    expect(atToken.rid).toBe('65-ab');
  });

  it('says where to add the IP for each kind of account', () => {
    expect(WECHAT_ERRORS[40164]!.next.zh).toContain('设置与开发 → 基本配置 → IP白名单');
    expect(WECHAT_ERRORS[40164]!.next.zh).toContain('开发管理 → 开发设置 → IP白名单');
    expect(WECHAT_ERRORS[60020]!.next.zh).toContain('企业可信IP');
  });

  it('keeps unknown codes readable with WeChat\'s own errmsg', () => {
    const error = wechatError(12345, 'something odd');
    expect(error.message.en).toBe('WeChat error 12345: something odd');
    expect(error.next).toBeUndefined();
  });

  it('never keeps a credential that WeChat echoed in errmsg', () => {
    const error = wechatError(40001, 'bad request https://x/cgi-bin/token?appid=wx1&secret=s3cr3tvalue rid: 1-2');
    expect(error.errmsg).not.toContain('s3cr3tvalue');
    expect(error.message.en).not.toContain('s3cr3tvalue');
  });
});

describe('caller IP in 40164 / 60020', () => {
  it.each([
    ['invalid ip 8.149.1.108 ipv6 ::ffff:8.149.1.108, not in whitelist rid: 6543a1b2-0f1e2d3c-4b5a6978', '8.149.1.108'],
    ['invalid ip 47.98.10.7, not in whitelist', '47.98.10.7'],
    ['invalid ip 47.98.10.7, not in whitelist hint: [Xs0Jpa0227e297]', '47.98.10.7'],
    ['invalid ip 47.98.10.7 ipv6 ::ffff:47.98.10.7, not in whitelist, rid: 6543a1b2-aa', '47.98.10.7'],
    ['invalid ip ::ffff:203.0.113.9, not in whitelist', '203.0.113.9'],
    ['invalid ip 2001:db8::7, not in whitelist', '2001:db8::7'],
  ])('reads %s', (errmsg, ip) => {
    expect(callerIp(errmsg)).toBe(ip);
    expect(wechatError(40164, errmsg).ip).toBe(ip);
  });

  it('reads the WeCom 60020 form', () => {
    const errmsg = 'not allow to access from your ip, hint: [1699999999_12_abc], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';
    expect(wechatError(60020, errmsg).ip).toBe('1.2.3.4');
  });

  it('finds nothing when there is no IP', () => {
    expect(callerIp('invalid ip , not in whitelist')).toBeUndefined();
    expect(wechatError(40164, 'not in whitelist').ip).toBeUndefined();
    expect(wechatError(40013, 'invalid appid from ip: 1.2.3.4').ip).toBeUndefined();
  });
});

describe('endpoint catalogue', () => {
  it('has unique ids and bodies that parse as JSON', () => {
    expect(new Set(ENDPOINTS.map((e) => e.id)).size).toBe(ENDPOINTS.length);
    for (const endpoint of ENDPOINTS) {
      if (endpoint.body !== undefined) expect(() => JSON.parse(endpoint.body!), endpoint.id).not.toThrow();
      if (endpoint.method === 'POST') expect(endpoint.body ?? endpoint.form, endpoint.id).toBeDefined();
      expect(endpoint.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(endpoint.kinds.length).toBeGreaterThan(0);
    }
  });

  it('covers every endpoint of wechat-api.md §5 and §6 except the ones that need the AppSecret', () => {
    const paths = new Set(ENDPOINTS.map((e) => e.path));
    for (const path of [
      '/cgi-bin/getcallbackip', '/cgi-bin/get_api_domain_ip', '/cgi-bin/openapi/quota/get', '/cgi-bin/clear_quota',
      '/cgi-bin/openapi/quota/clear', '/cgi-bin/openapi/rid/get', '/cgi-bin/callback/check', '/cgi-bin/user/get',
      '/cgi-bin/user/info', '/cgi-bin/user/info/batchget', '/cgi-bin/tags/get', '/cgi-bin/user/tag/get', '/cgi-bin/menu/get',
      '/cgi-bin/menu/create', '/cgi-bin/menu/delete', '/cgi-bin/get_current_selfmenu_info', '/cgi-bin/get_current_autoreply_info',
      '/cgi-bin/material/get_materialcount', '/cgi-bin/material/batchget_material', '/cgi-bin/material/get_material',
      '/cgi-bin/media/get', '/cgi-bin/message/custom/send', '/cgi-bin/message/template/send',
      '/cgi-bin/template/get_all_private_template', '/cgi-bin/qrcode/create', '/cgi-bin/shorten/gen', '/cgi-bin/draft/batchget',
      '/cgi-bin/ticket/getticket', '/wxa/business/getuserphonenumber', '/cgi-bin/message/subscribe/send', '/wxa/generatescheme',
      '/wxa/generate_urllink', '/wxa/msg_sec_check', '/wxa/getwxacodeunlimit', '/cgi-bin/agent/list', '/cgi-bin/department/list',
      '/cgi-bin/message/send',
    ]) expect(paths.has(path), path).toBe(true);
    for (const path of ['/cgi-bin/token', '/cgi-bin/stable_token', '/cgi-bin/gettoken', '/cgi-bin/clear_quota/v2', '/sns/jscode2session']) {
      expect(paths.has(path), path).toBe(false);
    }
    const mentionsSecret = ENDPOINTS.filter((e) => /secret/i.test(`${e.body ?? ''} ${(e.query ?? []).map((q) => q.name).join(' ')}`));
    expect(mentionsSecret).toEqual([]);
  });

  it('flags the binary endpoints', () => {
    const binary = ENDPOINTS.filter((e) => e.binary).map((e) => e.path).sort();
    expect(binary).toEqual([
      '/cgi-bin/material/get_material', '/cgi-bin/media/get', '/cgi-bin/wxaapp/createwxaqrcode', '/wxa/getwxacode', '/wxa/getwxacodeunlimit',
    ]);
  });

  it('filters by account kind', () => {
    const mp = endpointsFor('mp');
    expect(mp.map((e) => e.path)).toContain('/wxa/getwxacodeunlimit');
    expect(mp.map((e) => e.path)).not.toContain('/cgi-bin/menu/create');
    const wecom = endpointsFor('wecom').map((e) => e.path);
    expect(wecom).toContain('/cgi-bin/message/send');
    expect(wecom).not.toContain('/cgi-bin/message/template/send');
    expect(endpointsFor('oa').map((e) => e.path)).not.toContain('/wxa/generatescheme');
    expect(endpointsFor('oa').every((e) => e.kinds.includes('oa'))).toBe(true);
  });

  it('searches names in both languages, paths and ids', () => {
    expect(searchEndpoints(ENDPOINTS, '不限数量 小程序码').map((e) => e.id)).toEqual(['mp.wxacode.unlimit']);
    expect(searchEndpoints(ENDPOINTS, 'UNLIMITED MINI PROGRAM CODE').map((e) => e.id)).toEqual(['mp.wxacode.unlimit']);
    expect(searchEndpoints(ENDPOINTS, 'getwxacode').map((e) => e.id)).toEqual(['mp.wxacode.unlimit', 'mp.wxacode.get']);
    expect(searchEndpoints(ENDPOINTS, 'oa.menu').map((e) => e.path)).toEqual(
      expect.arrayContaining(['/cgi-bin/menu/get', '/cgi-bin/menu/create', '/cgi-bin/menu/delete']),
    );
    expect(searchEndpoints(endpointsFor('oa'), '菜单 删除 自定义').map((e) => e.path)).toEqual(['/cgi-bin/menu/delete']);
    expect(searchEndpoints(ENDPOINTS, '  ')).toHaveLength(ENDPOINTS.length);
    expect(searchEndpoints(ENDPOINTS, 'no such endpoint')).toEqual([]);
    expect(findEndpoint('oa.user.get')?.path).toBe('/cgi-bin/user/get');
  });

  it('covers the platform: at least 120 entries, every account kind, every group WeChat\'s docs have', () => {
    expect(ENDPOINTS.length).toBeGreaterThanOrEqual(120);
    expect(endpointsFor('oa').length).toBeGreaterThanOrEqual(60);
    expect(endpointsFor('mp').length).toBeGreaterThanOrEqual(30);
    expect(endpointsFor('wecom').length).toBeGreaterThanOrEqual(30);
    const groups = new Set(ENDPOINTS.map((e) => e.group));
    for (const group of GROUP_ORDER) expect(groups.has(group), group).toBe(true);
    expect([...groups].filter((g) => !GROUP_ORDER.includes(g))).toEqual([]);
    for (const path of ['/cgi-bin/menu/addconditional', '/cgi-bin/message/mass/sendall', '/cgi-bin/media/upload', '/wxa/generatescheme', '/wxa/genwxashortlink',
      '/cgi-bin/draft/add', '/cgi-bin/freepublish/submit', '/cgi-bin/comment/list', '/datacube/getusersummary', '/customservice/kfaccount/add',
      '/wxa/msg_sec_check', '/cv/ocr/idcard', '/cgi-bin/user/create', '/cgi-bin/appchat/send']) {
      expect(ENDPOINTS.some((e) => e.path === path), path).toBe(true);
    }
  });

  it.each(ENDPOINTS)('$id has a doc page, descriptions and typed parameters in both languages', (e) => {
    expect(e.docUrl, 'docUrl').toMatch(/^https:\/\/(developers\.weixin\.qq\.com|developer\.work\.weixin\.qq\.com)\//);
    for (const text of [e.name, e.description!]) {
      expect(text?.zh, 'zh').toMatch(/[\u4e00-\u9fff]/);
      expect(text?.en.trim().length, 'en').toBeGreaterThan(3);
    }
    for (const p of [...(e.query ?? []), ...(e.bodyParams ?? []), ...(e.form ?? [])]) {
      expect(p.type, `${p.name} type`).toMatch(/^(string|number|boolean|object|array|file)$/);
      expect(p.description?.zh, `${p.name} zh`).toMatch(/[\u4e00-\u9fff]/);
      expect(p.description?.en.length, `${p.name} en`).toBeGreaterThan(2);
    }
    for (const p of [...(e.query ?? []), ...(e.bodyParams ?? [])]) expect(p.type, `${p.name}: files only in a form`).not.toBe('file');
  });

  it.each(ENDPOINTS.filter((e) => e.body !== undefined && e.bodyParams?.length))('$id describes every field of its sample body', (e) => {
    const described = new Set(e.bodyParams!.map((p) => p.name));
    expect(Object.keys(JSON.parse(e.body!)).filter((k) => !described.has(k))).toEqual([]);
  });

  it('describes every upload as a form with a file field, and no upload as JSON', () => {
    const uploads = ENDPOINTS.filter((e) => e.form);
    expect(uploads.map((e) => e.path)).toEqual(expect.arrayContaining(['/cgi-bin/media/upload', '/cgi-bin/material/add_material', '/cgi-bin/media/uploadimg']));
    for (const e of uploads) {
      expect(e.method, e.id).toBe('POST');
      expect(e.body, e.id).toBeUndefined();
      expect(e.form!.some((p) => p.type === 'file'), e.id).toBe(true);
    }
  });

  it('marks what deletes or sends to real people as destructive, and what spends a counted allowance as quota-limited', () => {
    const destructive = /\/(delete|del_\w+|del|delconditional|batchdelete|batchblacklist|recall|sendall|submit)$|\/mass\/send$|\/menu\/create$/;
    for (const e of ENDPOINTS.filter((x) => destructive.test(x.path))) expect(e.sideEffect?.kind, e.id).toBe('destructive');
    for (const id of ['diag.clear_quota', 'diag.quota.clear', 'oa.mass.preview', 'oa.template.industry.set', 'mp.wxacode.get']) {
      expect(findEndpoint(id)?.sideEffect?.kind, id).toBe('quota');
    }
    for (const e of ENDPOINTS.filter((x) => x.sideEffect)) {
      expect(e.sideEffect!.note.zh, e.id).toMatch(/[\u4e00-\u9fff]/);
      expect(e.sideEffect!.note.en.length, e.id).toBeGreaterThan(10);
    }
    // Reading never has a side effect.
    expect(ENDPOINTS.filter((e) => e.sideEffect && /\/(get|list|batchget|count)\w*$/.test(e.path) && e.method === 'GET').map((e) => e.id)).toEqual([]);
  });
});
