import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectSimulator, DEMO_ACCOUNT, SIM_MEDIA_ID, simFollowers, startSimulator, type SimAccount, type Simulator } from '../../simulator';
import { probe } from '../../simulator/probe';

const OA: SimAccount = { appid: 'wx00000000000000a1', secret: 'a'.repeat(32), kind: 'oa' };
const MP: SimAccount = { appid: 'wx00000000000000b2', secret: 'b'.repeat(32), kind: 'mp' };
const CORP: SimAccount = { appid: 'ww00000000000000c3', secret: 'corp-secret-c3', kind: 'wecom' };
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{140,200}$/;
const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

let sim: Simulator;
const started: Simulator[] = [];
async function start(opts: Parameters<typeof startSimulator>[0] = {}) {
  const s = await startSimulator(opts);
  started.push(s);
  for (const a of [OA, MP, CORP]) s.addAccount(a);
  return s;
}
beforeEach(async () => {
  sim = await start();
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

type Json = Record<string, any>;
const classic = async (a: SimAccount, s = sim, q: Record<string, string> = {}) =>
  (await probe(`${s.url}/cgi-bin/token?${new URLSearchParams({ grant_type: 'client_credential', appid: a.appid, secret: a.secret, ...q })}`)).json<Json>();
const stable = async (a: SimAccount, force?: boolean, s = sim) =>
  (await probe(`${s.url}/cgi-bin/stable_token`, { body: { grant_type: 'client_credential', appid: a.appid, secret: a.secret, force_refresh: force } })).json<Json>();
const wecom = async (corpid: string, corpsecret: string, s = sim) =>
  (await probe(`${s.url}/cgi-bin/gettoken?${new URLSearchParams({ corpid, corpsecret })}`)).json<Json>();
const call = (path: string, token: string | undefined, body?: unknown, s = sim, query = '') =>
  probe(`${s.url}${path}?${token === undefined ? '' : `access_token=${encodeURIComponent(token)}`}${query}`, body === undefined ? {} : { body: body as object });
const callJson = async (path: string, token: string | undefined, body?: unknown, s = sim, query = '') => (await call(path, token, body, s, query)).json<Json>();
const works = async (token: string, s = sim) => (await callJson('/cgi-bin/getcallbackip', token, undefined, s)).errcode;

describe('classic token', () => {
  it('issues a new real-looking token every call, with expires_in', async () => {
    const a = await classic(OA);
    const b = await classic(OA);
    expect(a.access_token).toMatch(TOKEN_SHAPE);
    expect(b.access_token).not.toBe(a.access_token);
    expect(a.expires_in).toBe(7200);
    expect(await works(a.access_token)).toBeUndefined();
  });

  it('keeps the previous token valid for the overlap, then fails it with 40001 "not latest"', async () => {
    const s = await start({ overlapSeconds: 1 });
    const first = (await classic(OA, s)).access_token;
    const second = (await classic(OA, s)).access_token;
    expect(await works(first, s)).toBeUndefined();
    await vi.waitFor(async () => expect(await works(first, s)).toBe(40001), { timeout: 5000, interval: 100 });
    const failure = await callJson('/cgi-bin/getcallbackip', first, undefined, s);
    expect(failure.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest rid: /);
    expect(await works(second, s)).toBeUndefined();
  });

  it('answers each credential error with its own errcode and a rid', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ secret: 'wrong' }, 40001],
      [{ appid: 'wx0000000000000404' }, 40013],
      [{ appid: '' }, 41002],
      [{ secret: '' }, 41004],
      [{ grant_type: 'password' }, 40002],
      [{ appid: CORP.appid, secret: CORP.secret }, 40013],
    ];
    for (const [query, errcode] of cases) {
      const body = await classic(OA, sim, query);
      expect(body, JSON.stringify(query)).toMatchObject({ errcode });
      expect(body.errmsg).toMatch(RID);
    }
  });

  it('stops at the daily quota with 45009 until clear_quota resets it', async () => {
    sim.addAccount({ ...OA, dailyQuota: 2 });
    const token = (await classic(OA)).access_token;
    await classic(OA);
    expect((await classic(OA)).errcode).toBe(45009);
    const quota = await callJson('/cgi-bin/openapi/quota/get', token, { cgi_path: '/cgi-bin/token' });
    expect(quota.quota).toEqual({ daily_limit: 2, used: 2, remain: 0 });
    expect(await callJson('/cgi-bin/clear_quota', token, { appid: OA.appid })).toMatchObject({ errcode: 0 });
    expect((await classic(OA)).access_token).toMatch(TOKEN_SHAPE);
  });

  it('honours per-account and default expires_in', async () => {
    sim.addAccount({ ...MP, expiresIn: 30 });
    sim.setExpiresIn(60);
    expect((await classic(MP)).expires_in).toBe(30);
    expect((await classic(OA)).expires_in).toBe(60);
  });
});

describe('account switches at the token endpoints', () => {
  const both = async (a: SimAccount, s = sim) => [(await classic(a, s)).errcode, (await stable(a, false, s)).errcode];

  it('40164 names the caller IP in the current errmsg form', async () => {
    const s = await start({ callerIp: '203.0.113.7' });
    s.addAccount({ ...OA, ipWhitelist: ['127.0.0.1'] });
    const body = await classic(OA, s);
    expect(body.errcode).toBe(40164);
    expect(body.errmsg).toMatch(/^invalid ip 203\.0\.113\.7 ipv6 ::ffff:203\.0\.113\.7, not in whitelist rid: /);
    expect(await both(OA, s)).toEqual([40164, 40164]);
  });

  it('lets whitelisted callers through (single IP or CIDR, the real socket address)', async () => {
    sim.addAccount({ ...OA, ipWhitelist: ['10.0.0.1', '127.0.0.0/8'] });
    expect((await classic(OA)).access_token).toMatch(TOKEN_SHAPE);
    sim.callerIp = '198.51.100.20';
    expect((await classic(OA)).errcode).toBe(40164);
  });

  it('frozen -> 40243, admin confirmation -> 89503, component -> 61024', async () => {
    sim.addAccount({ ...OA, frozen: true });
    sim.addAccount({ ...MP, needsAdminConfirm: true });
    expect(await both(OA)).toEqual([40243, 40243]);
    expect(await both(MP)).toEqual([89503, 89503]);
    sim.addAccount({ ...OA, component: true });
    expect(await both(OA)).toEqual([61024, 61024]);
  });
});

describe('stable token', () => {
  it('normal mode hands every caller the same token with the remaining seconds', async () => {
    const a = await stable(OA);
    const b = await stable(OA, false);
    expect(a.access_token).toMatch(TOKEN_SHAPE);
    expect(b.access_token).toBe(a.access_token);
    expect(b.expires_in).toSatisfy((n: number) => n > 7000 && n <= 7200);
  });

  it('renews near expiry; the old token then runs out with 42001', async () => {
    sim.addAccount({ ...OA, expiresIn: 2 });
    const first = (await stable(OA)).access_token;
    await vi.waitFor(async () => expect((await stable(OA)).access_token).not.toBe(first), { timeout: 5000, interval: 50 });
    await vi.waitFor(async () => expect(await works(first)).toBe(42001), { timeout: 5000, interval: 50 });
  });

  it('rejects GET, empty and unparsable bodies, and a wrong secret with 40125', async () => {
    expect((await probe(`${sim.url}/cgi-bin/stable_token`)).json()).toMatchObject({ errcode: 43002 });
    expect((await probe(`${sim.url}/cgi-bin/stable_token`, { method: 'POST', body: '' })).json()).toMatchObject({ errcode: 44002 });
    expect((await probe(`${sim.url}/cgi-bin/stable_token`, { body: 'grant_type=client_credential' })).json()).toMatchObject({ errcode: 47001 });
    expect(await stable({ ...OA, secret: 'nope' })).toMatchObject({ errcode: 40125 });
  });

  it('force mode replaces the token at once and ignores repeats within 30 s', async () => {
    const old = (await stable(OA)).access_token;
    const forced = await stable(OA, true);
    expect(forced.access_token).not.toBe(old);
    expect(forced.expires_in).toBe(7200);
    expect(await works(old)).toBe(40001);
    expect((await stable(OA, true)).access_token).toBe(forced.access_token);
    expect((await stable(OA)).access_token).toBe(forced.access_token);
  });

  it('allows 20 force refreshes a day, then 45009 until clear_quota', async () => {
    const s = await start({ forceGapSeconds: 0 });
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add((await stable(OA, true, s)).access_token);
    expect(seen.size).toBe(20);
    expect(await stable(OA, true, s)).toMatchObject({ errcode: 45009 });
    const token = (await stable(OA, false, s)).access_token;
    expect(await callJson('/cgi-bin/clear_quota', token, { appid: OA.appid }, s)).toMatchObject({ errcode: 0 });
    expect((await stable(OA, true, s)).access_token).toMatch(TOKEN_SHAPE);
  });

  it('is isolated from classic tokens both ways', async () => {
    const s = await start({ overlapSeconds: 0 });
    const st = (await stable(OA, false, s)).access_token;
    await classic(OA, s);
    const cl = (await classic(OA, s)).access_token;
    expect(await works(st, s)).toBeUndefined();
    expect((await stable(OA, false, s)).access_token).toBe(st);
    await stable(OA, true, s);
    expect(await works(cl, s)).toBeUndefined();
  });
});

describe('WeCom gettoken', () => {
  it('returns the same token while valid, errcode 0', async () => {
    const a = await wecom(CORP.appid, CORP.secret);
    const b = await wecom(CORP.appid, CORP.secret);
    expect(a).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
    expect(a.access_token).toMatch(TOKEN_SHAPE);
    expect(b.access_token).toBe(a.access_token);
    sim.expireTokens(CORP.appid);
    expect((await wecom(CORP.appid, CORP.secret)).access_token).not.toBe(a.access_token);
  });

  it('wrong secret 40001, unknown corpid 40013, untrusted IP 60020 with the IP', async () => {
    expect((await wecom(CORP.appid, 'bad')).errcode).toBe(40001);
    expect((await wecom(OA.appid, OA.secret)).errcode).toBe(40013);
    sim.addAccount({ ...CORP, ipWhitelist: ['10.1.1.1'] });
    sim.callerIp = '1.2.3.4';
    const body = await wecom(CORP.appid, CORP.secret);
    expect(body.errcode).toBe(60020);
    expect(body.errmsg).toMatch(
      /^not allow to access from your ip, hint: \[\d+_\d_[0-9a-f]+\], from ip: 1\.2\.3\.4, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=60020$/,
    );
  });
});

describe('business endpoints', () => {
  it('check the token: missing 41001, unknown or revoked 40001, expired 42001, wrong kind 48001', async () => {
    expect((await callJson('/cgi-bin/getcallbackip', undefined)).errcode).toBe(41001);
    expect(await works('not-a-token')).toBe(40001);
    const oa = (await stable(OA)).access_token;
    const mp = (await classic(MP)).access_token;
    expect((await callJson('/wxa/getwxacodeunlimit', oa, { scene: 'a=1' })).errcode).toBe(48001);
    expect((await callJson('/cgi-bin/user/get', mp)).errcode).toBe(48001);
    sim.revokeTokens(OA.appid);
    expect(await works(oa)).toBe(40001);
    sim.expireTokens(MP.appid);
    expect(await works(mp)).toBe(42001);
    expect((await stable(OA)).access_token).not.toBe(oa);
  });

  it('serve IP lists, quota, followers, user info, tags and menu', async () => {
    const t = (await classic(OA)).access_token;
    expect((await callJson('/cgi-bin/getcallbackip', t)).ip_list.length).toBeGreaterThan(0);
    expect((await callJson('/cgi-bin/get_api_domain_ip', t)).ip_list.length).toBeGreaterThan(0);
    await callJson('/cgi-bin/tags/get', t);
    expect(await callJson('/cgi-bin/openapi/quota/get', t, { cgi_path: '/cgi-bin/tags/get' })).toMatchObject({ quota: { used: 1 } });
    expect((await callJson('/cgi-bin/openapi/quota/get', t, { cgi_path: '/cgi-bin/nope' })).errcode).toBe(76021);
    const page = await callJson('/cgi-bin/user/get', t);
    expect(page.data.openid).toEqual(simFollowers(OA.appid));
    expect(page.next_openid).toBe(page.data.openid.at(-1));
    expect(await callJson('/cgi-bin/user/get', t, undefined, sim, `&next_openid=${page.next_openid}`)).toMatchObject({ count: 0, next_openid: '' });
    const openid = page.data.openid[0];
    expect(await callJson('/cgi-bin/user/info', t, undefined, sim, `&openid=${openid}&lang=zh_CN`)).toMatchObject({ openid, subscribe: 1 });
    expect((await callJson('/cgi-bin/user/info', t)).errcode).toBe(40003);
    expect((await callJson('/cgi-bin/user/info', t, undefined, sim, '&openid=oNobody')).errcode).toBe(40003);
    expect((await callJson('/cgi-bin/tags/get', t)).tags.map((x: Json) => x.name)).toContain('星标组');
    expect((await callJson('/cgi-bin/menu/get', t)).menu.button.length).toBeGreaterThan(0);
  });

  it('custom/send checks its body: empty 44002, bad JSON 47001, GET 43002', async () => {
    const t = (await classic(OA)).access_token;
    const url = `${sim.url}/cgi-bin/message/custom/send?access_token=${t}`;
    expect((await probe(url, { method: 'POST', body: '' })).json()).toMatchObject({ errcode: 44002 });
    expect((await probe(url, { body: '{"touser":' })).json()).toMatchObject({ errcode: 47001 });
    expect((await probe(url)).json()).toMatchObject({ errcode: 43002 });
    const touser = simFollowers(OA.appid)[1];
    expect((await probe(url, { body: { touser, msgtype: 'text', text: { content: '你好' } } })).json()).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('getwxacodeunlimit answers JPEG bytes on success and JSON on failure', async () => {
    const t = (await classic(MP)).access_token;
    const img = await call('/wxa/getwxacodeunlimit', t, { scene: 'id=42', page: 'pages/index/index' });
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect([...img.body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...img.body.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect((await call('/wxa/getwxacodeunlimit', t, {})).json()).toMatchObject({ errcode: 40169 });
  });

  it('media/get answers a binary attachment, or JSON 40007 for a bad media_id', async () => {
    const t = (await classic(OA)).access_token;
    const media = await call('/cgi-bin/media/get', t, undefined, sim, `&media_id=${SIM_MEDIA_ID}`);
    expect(media.headers['content-type']).toBe('image/jpeg');
    expect(media.headers['content-disposition']).toMatch(/^attachment; filename=".+\.jpg"$/);
    expect([...media.body.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect((await callJson('/cgi-bin/media/get', t, undefined, sim, '&media_id=nope')).errcode).toBe(40007);
  });

  it('large_json returns valid JSON of about the asked size; unknown paths are 404 JSON', async () => {
    const t = (await classic(OA)).access_token;
    const res = await call('/cgi-bin/sim/large_json', t, undefined, sim, '&bytes=200000');
    expect(res.body.length).toSatisfy((n: number) => n > 180_000 && n <= 200_000);
    expect(res.json<{ items: unknown[] }>().items.length).toBeGreaterThan(100);
    const missing = await probe(`${sim.url}/cgi-bin/no/such/api`);
    expect(missing.status).toBe(404);
    expect(missing.json().errcode).toEqual(expect.any(Number));
  });
});

describe('faults', () => {
  const path = '/cgi-bin/token';
  const tokenUrl = () => `${sim.url}${path}?grant_type=client_credential&appid=${OA.appid}&secret=${OA.secret}`;

  it('busy answers -1 for the given number of times, then clears', async () => {
    sim.setFault(path, { kind: 'busy' }, 2);
    for (let i = 0; i < 2; i++) expect((await probe(tokenUrl())).json()).toMatchObject({ errcode: -1, errmsg: expect.stringMatching(/^system error rid: /) });
    expect((await probe(tokenUrl())).json().access_token).toMatch(TOKEN_SHAPE);
    expect(sim.count(path)).toBe(3);
  });

  it('http status with an HTML body, non-JSON 200, and clearing with undefined', async () => {
    sim.setFault(path, { kind: 'http', status: 502 });
    const bad = await probe(tokenUrl());
    expect(bad.status).toBe(502);
    expect(bad.headers['content-type']).toMatch(/text\/html/);
    expect(bad.body.toString()).toContain('502 Bad Gateway');
    sim.setFault(path, { kind: 'nonjson' });
    const odd = await probe(tokenUrl());
    expect(odd.status).toBe(200);
    expect(() => odd.json()).toThrow();
    sim.setFault(path, undefined);
    expect((await probe(tokenUrl())).json().access_token).toMatch(TOKEN_SHAPE);
  });

  it('truncated promises more than it sends; reset destroys the connection', async () => {
    sim.setFault(path, { kind: 'truncated' }, 1);
    const cut = await probe(tokenUrl()).catch((e) => e);
    expect(cut).toBeInstanceOf(Error);
    expect(cut.received.length).toBeGreaterThan(0);
    expect(cut.received.length).toBeLessThan(Number(cut.headers['content-length']));
    sim.setFault(path, { kind: 'reset' }, 1);
    await expect(probe(tokenUrl())).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE/) });
  });

  it('latency delays the real answer; a long one outlasts a client timeout', async () => {
    sim.setFault(path, { kind: 'latency', ms: 20 }, 1);
    expect((await probe(tokenUrl())).json().access_token).toMatch(TOKEN_SHAPE);
    sim.setFault(path, { kind: 'latency', ms: 60_000 });
    await expect(probe(tokenUrl(), { timeoutMs: 300 })).rejects.toThrow('timeout');
  });

  it('hang never answers, and close() still finishes and drops the socket', async () => {
    const s = await start();
    s.setFault('*', { kind: 'hang' });
    const pending = probe(`${s.url}/cgi-bin/getcallbackip`).catch((e: Error) => e);
    await vi.waitFor(() => expect(s.count('/cgi-bin/getcallbackip')).toBe(1));
    await s.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('a path fault wins over "*", which covers every other path', async () => {
    sim.setFault('*', { kind: 'busy' });
    sim.setFault(path, { kind: 'http', status: 503 });
    expect((await probe(tokenUrl())).status).toBe(503);
    expect((await probe(`${sim.url}/cgi-bin/menu/get`)).json().errcode).toBe(-1);
  });
});

describe('counters and controls', () => {
  it('counts requests per path, faulted ones included, /__sim/ excluded', async () => {
    await classic(OA);
    await stable(OA);
    await stable(OA);
    sim.setFault('/cgi-bin/menu/get', { kind: 'busy' });
    await probe(`${sim.url}/cgi-bin/menu/get`);
    await probe(`${sim.url}/__sim/counts`);
    expect(sim.counts()).toEqual({ '/cgi-bin/token': 1, '/cgi-bin/stable_token': 2, '/cgi-bin/menu/get': 1 });
    sim.resetCounts();
    expect(sim.count('/cgi-bin/token')).toBe(0);
  });

  it('drives everything over /__sim/ from another client', async () => {
    const remote = connectSimulator(sim.url);
    const other: SimAccount = { appid: 'wx00000000000000d4', secret: 'd'.repeat(32), kind: 'oa' };
    await remote.addAccount(other);
    await remote.setExpiresIn(90);
    const t = await classic(other);
    expect(t.expires_in).toBe(90);
    await remote.setFault('/cgi-bin/token', { kind: 'busy' }, 1);
    expect((await classic(other)).errcode).toBe(-1);
    expect(await remote.counts()).toEqual({ '/cgi-bin/token': 2 });
    expect(await remote.count('/cgi-bin/token')).toBe(2);
    await remote.resetCounts();
    expect(await remote.counts()).toEqual({});
    await remote.revokeTokens(other.appid);
    expect(await works(t.access_token)).toBe(40001);
    const t2 = (await classic(other)).access_token;
    await remote.expireTokens(other.appid);
    expect(await works(t2)).toBe(42001);
    await remote.setCallerIp('203.0.113.9');
    await remote.addAccount({ ...other, ipWhitelist: ['127.0.0.1'] });
    expect((await classic(other)).errmsg).toContain('invalid ip 203.0.113.9');
  });

  it('refuses bad control requests with 400 and unknown ones with 404', async () => {
    expect((await probe(`${sim.url}/__sim/accounts`, { body: { appid: 'x' } })).status).toBe(400);
    expect((await probe(`${sim.url}/__sim/fault`, { body: { path: '*', fault: { kind: 'explode' } } })).status).toBe(400);
    expect((await probe(`${sim.url}/__sim/expires-in`, { body: 'nope' })).status).toBe(400);
    expect((await probe(`${sim.url}/__sim/teleport`, { body: {} })).status).toBe(404);
  });
});

describe('npm run simulator', () => {
  it('starts with the demo account, prints a ready add line, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/simulator/cli.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    try {
      await vi.waitFor(() => expect(out).toContain('Ctrl+C'), { timeout: 20_000, interval: 100 });
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0];
      expect(out).toContain(`printf '%s' '${DEMO_ACCOUNT.secret}' | wxtoken account add demo --appid ${DEMO_ACCOUNT.appid}`);
      expect(out).toContain(`--api-base ${url}`);
      const body = await classic(DEMO_ACCOUNT, { url } as Simulator);
      expect(body.access_token).toMatch(TOKEN_SHAPE);
      child.kill('SIGINT');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
