/**
 * Observing production's token in Redis: each SDK's key and value written exactly as that SDK writes them,
 * read through a real redis-server; and an observed account never asks WeChat for a token, whatever fails.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountSource } from '../../../src/shared/models';
import { makeCoreEnv, uniqueAppid, type CoreEnv } from '../../support/core-env';
import { startRedis, type RedisFixture } from '../../support/redis-server';

let redis: RedisFixture;
let client: Redis;
let env: CoreEnv;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis({ host: redis.host, port: redis.port, password: redis.password, lazyConnect: true });
  await client.connect();
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});
beforeEach(async () => {
  env = await makeCoreEnv();
  const added = await env.core.api.addRedis({ connection: { name: 'prod', url: redis.url }, password: redis.password });
  expect(added.ok).toBe(true);
});
afterEach(async () => {
  await env?.close();
});

const token = () => `86_${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}`;
const tokenFetches = () => env.sim.count('/cgi-bin/token') + env.sim.count('/cgi-bin/stable_token') + env.sim.count('/cgi-bin/gettoken');

async function observe(name: string, appid: string, source: Omit<Extract<AccountSource, { type: 'observe' }>, 'type' | 'redis'>, kind: 'oa' | 'mp' | 'wecom' = 'oa', secret?: string) {
  const added = await env.core.api.addAccount({
    account: { name, appid, kind, apiBase: env.sim.url, source: { type: 'observe', redis: 'prod', ...source } },
    ...(secret ? { secret } : {}),
  });
  expect(added.ok, added.ok ? '' : added.error.message.en).toBe(true);
}

async function reveal(name: string) {
  const got = await env.core.api.revealToken({ name });
  if (!got.ok) throw new Error(got.error.message.en);
  return got.value;
}

describe('every format, written as its SDK writes it', () => {
  it('WxJava (OA, MA, CP, open platform), wechatpy, silenceper: the key and its TTL', async () => {
    const appid = uniqueAppid();
    const corpid = uniqueAppid('ww');
    const component = uniqueAppid();
    const cases: [string, () => Promise<unknown>, Parameters<typeof observe>[2], 'oa' | 'mp' | 'wecom', string, string][] = [];
    const add = (name: string, key: string, value: string, ttl: number, source: Parameters<typeof observe>[2], kind: 'oa' | 'mp' | 'wecom' = 'oa', id = appid) => {
      const t = value;
      cases.push([name, () => client.set(key, t, 'EX', ttl), source, kind, id, key]);
    };
    const tokens: Record<string, string> = {};
    for (const name of ['wxjava', 'ma', 'cp', 'open', 'wechatpy', 'silenceper', 'silenceper-mp']) tokens[name] = token();
    // WxJava's RedisTemplate / Jedis config: SET key token EX expires_in (Mini Program: expires_in - 200).
    add('wxjava', `wx:access_token:${appid}`, tokens.wxjava, 7200, { format: 'wxjava' });
    add('ma', `wa:access_token:${appid}`, tokens.ma, 7000, { format: 'wxjava-ma' }, 'mp');
    add('cp', `wx:cp:wechat_cp_access_token_key:${corpid}:1000002`, tokens.cp, 7200, { format: 'wxjava-cp', agentid: '1000002' }, 'wecom', corpid);
    add('open', `wx:open:wechat_authorizer_access_token:${component}:${appid}`, tokens.open, 7200, { format: 'wxjava-open', componentAppid: component });
    // wechatpy's RedisStorage: json.dumps(value), so the quotes are stored too.
    add('wechatpy', `wechatpy:${appid}_access_token`, JSON.stringify(tokens.wechatpy), 7200, { format: 'wechatpy' });
    // silenceper/wechat: expires_in - 1500, double underscore.
    add('silenceper', `gowechat_officialaccount__access_token_${appid}`, tokens.silenceper, 5700, { format: 'silenceper' });
    add('silenceper-mp', `gowechat_miniprogram__access_token_${appid}`, tokens['silenceper-mp'], 5700, { format: 'silenceper' }, 'mp');
    for (const [name, write, source, kind, id] of cases) {
      await write();
      await observe(name, id, source, kind);
      const info = await reveal(name);
      expect(info.accessToken, name).toBe(tokens[name]);
      const ttl = await client.ttl(cases.find((c) => c[0] === name)![5]);
      expect(Math.abs(info.expiresIn - ttl), name).toBeLessThanOrEqual(2);
      expect(info.origin).toMatchObject({ type: 'observe', where: 'prod' });
    }
    expect(tokenFetches()).toBe(0);
  });

  it('EasyWeChat 6 (behind a cache namespace, the secret in the key) and 5 (md5 of the credentials), Senparc, plain', async () => {
    const appid = uniqueAppid();
    const secret = randomUUID().replace(/-/g, '');
    const namespaced = await env.core.api.addRedis({ connection: { name: 'php', url: redis.url, prefix: 'laravel_cache:' }, password: redis.password });
    expect(namespaced.ok).toBe(true);
    const e6 = token();
    // Symfony cache: the namespace, then the key; the value is serialize($token) (not a stable token: ".0").
    await client.set(`laravel_cache:official_account.access_token.${appid}.${secret}.0`, `s:${e6.length}:"${e6}";`, 'EX', 7200);
    const added6 = await env.core.api.addAccount({ account: { name: 'e6', appid, apiBase: env.sim.url, source: { type: 'observe', redis: 'php', format: 'easywechat6' } }, secret });
    expect(added6.ok).toBe(true);
    expect((await reveal('e6')).accessToken).toBe(e6);

    const e5 = token();
    const md5 = createHash('md5').update(JSON.stringify({ grant_type: 'client_credential', appid, secret })).digest('hex');
    await client.set(`easywechat.kernel.access_token.${md5}`, `a:2:{s:12:"access_token";s:${e5.length}:"${e5}";s:10:"expires_in";i:7200;}`, 'EX', 7000);
    await observe('e5', appid, { format: 'easywechat5' }, 'oa', secret);
    expect((await reveal('e5')).accessToken).toBe(e5);

    const sp = token();
    const expire = new Date(Date.now() + 3_600_000);
    const bag = { AppId: appid, AppSecret: secret, AccessTokenExpireTime: expire.toISOString().replace('Z', '+00:00'), AccessTokenResult: { access_token: sp, expires_in: 7200, errcode: 0, errmsg: null }, Key: appid };
    await client.hset('Senparc:DefaultCache:Container:Senparc.Weixin.MP.Containers.AccessTokenBag', appid, JSON.stringify(bag));
    await observe('senparc', appid, { format: 'senparc' });
    const senparc = await reveal('senparc');
    expect(senparc.accessToken).toBe(sp);
    expect(Math.abs(senparc.expiresAt - expire.getTime())).toBeLessThan(1000);

    const pl = token();
    await client.set(`myapp:token:${appid}`, JSON.stringify({ access_token: pl, expires_in: 7200 }), 'EX', 1800);
    await observe('plain', appid, { format: 'plain', key: 'myapp:token:{appid}' });
    const plain = await reveal('plain');
    expect(plain.accessToken).toBe(pl);
    expect(Math.abs(plain.expiresIn - 1800)).toBeLessThanOrEqual(2);
    expect(tokenFetches()).toBe(0);
  });

  it('an EasyWeChat account without its AppSecret is refused (its key is made from it), and nothing is saved', async () => {
    const added = await env.core.api.addAccount({ account: { name: 'e6', appid: uniqueAppid(), source: { type: 'observe', redis: 'prod', format: 'easywechat6' } } });
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.message.en).toMatch(/builds its key from the AppSecret/);
    const list = await env.core.api.listAccounts({});
    expect(list.ok && list.value).toEqual([]);
  });
});

describe('missing, expired and garbage values', () => {
  it('says which key on which Redis, and fetches nothing', async () => {
    const appid = uniqueAppid();
    await observe('prod-oa', appid, { format: 'wxjava' });
    const missing = await env.core.api.revealToken({ name: 'prod-oa' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('token_unavailable');
      expect(missing.error.message.en).toContain(`key wx:access_token:${appid} on Redis prod`);
      expect(missing.error.next?.en).toContain(`wxtoken redis find prod ${appid}`);
    }

    await client.set(`wx:access_token:${appid}`, '\u0000\u0001binary-kryo', 'EX', 100);
    const garbage = await env.core.api.revealToken({ name: 'prod-oa' });
    expect(!garbage.ok && garbage.error.message.en).toMatch(/cannot be read as a token: the value is binary/);

    // A key that expires: gone once its TTL runs out.
    const short = token();
    await client.set(`wx:access_token:${appid}`, short, 'PX', 300);
    expect((await reveal('prod-oa')).accessToken).toBe(short);
    await new Promise((r) => setTimeout(r, 400));
    const expired = await env.core.api.revealToken({ name: 'prod-oa' });
    expect(!expired.ok && expired.error.code).toBe('token_unavailable');

    // A stored expiry in the past (Senparc keeps it in the value).
    const bag = { AccessTokenExpireTime: new Date(Date.now() - 60_000).toISOString(), AccessTokenResult: { access_token: token() } };
    await client.hset('Senparc:DefaultCache:Container:Senparc.Weixin.MP.Containers.AccessTokenBag', appid, JSON.stringify(bag));
    await observe('sp', appid, { format: 'senparc' });
    const old = await env.core.api.revealToken({ name: 'sp' });
    expect(!old.ok && old.error.message.en).toMatch(/expired at/);
    expect(tokenFetches()).toBe(0);
  });
});

describe('editing the source', () => {
  it('another key (or Redis) drops the token read from the old one', async () => {
    const appid = uniqueAppid();
    const [one, two] = [token(), token()];
    await client.set(`wx:access_token:${appid}`, one, 'EX', 3600);
    await client.set(`prod:${appid}:token`, two, 'EX', 3600);
    await observe('oa', appid, { format: 'wxjava' });
    expect((await reveal('oa')).accessToken).toBe(one);
    const edited = await env.core.api.editAccount({ name: 'oa', patch: { source: { type: 'observe', redis: 'prod', format: 'plain', key: 'prod:{appid}:token' } } });
    expect(edited.ok).toBe(true);
    expect((await reveal('oa')).accessToken).toBe(two);
  });
});

describe('an observed account never fetches', () => {
  /** Production fetches its own token from the simulator and stores it as WxJava does. */
  async function productionFetches(appid: string, secret: string): Promise<string> {
    const res = await fetch(`${env.sim.url}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    await client.set(`wx:access_token:${appid}`, body.access_token, 'EX', body.expires_in);
    return body.access_token;
  }

  it('40001 with the same token in Redis: a stale-token error naming the key; a new one in Redis: one retry; force refused; refresh re-reads', async () => {
    const appid = uniqueAppid();
    const secret = randomUUID().replace(/-/g, '');
    env.sim.addAccount({ kind: 'oa', appid, secret });
    const first = await productionFetches(appid, secret);
    env.sim.resetCounts();
    await observe('prod', appid, { format: 'wxjava' });

    const call = () => env.core.api.sendRequest({ account: 'prod', method: 'GET', path: '/cgi-bin/getcallbackip', noHistory: true });
    const okCall = await call();
    expect(okCall.ok && okCall.value.errcode).toBeFalsy();
    expect(okCall.ok && okCall.value.retried).toBe(false);

    // Somebody else fetched long ago: production's token is dead, and Redis still holds it.
    env.sim.revokeTokens(appid);
    const staleCall = await call();
    expect(staleCall.ok).toBe(false);
    if (!staleCall.ok) {
      expect(staleCall.error.code).toBe('token_stale');
      expect(staleCall.error.message.en).toContain(`key wx:access_token:${appid} on Redis prod`);
      expect(staleCall.error.message.en).toMatch(/production's token is stale/);
    }
    expect(tokenFetches()).toBe(0);

    // Production renews it: read at the next call.
    const renewed = await productionFetches(appid, secret);
    expect(renewed).not.toBe(first);
    env.sim.resetCounts();
    const afterRenewal = await call();
    expect(afterRenewal.ok && afterRenewal.value.retried).toBe(false);
    expect(afterRenewal.ok && afterRenewal.value.errcode).toBeFalsy();
    // Renewed again while this process holds the last one: 40001, Redis read again, a new token, one retry.
    env.sim.revokeTokens(appid);
    await productionFetches(appid, secret);
    env.sim.resetCounts();
    const retried = await call();
    expect(retried.ok && retried.value.retried).toBe(true);
    expect(retried.ok && retried.value.errcode).toBeFalsy();

    const forced = await env.core.api.refreshToken({ name: 'prod', force: true });
    expect(!forced.ok && forced.error.code).toBe('read_only_source');
    const third = token();
    await client.set(`wx:access_token:${appid}`, third, 'EX', 7200);
    const refreshed = await env.core.api.refreshToken({ name: 'prod' });
    expect(refreshed.ok).toBe(true);
    expect((await reveal('prod')).accessToken).toBe(third);

    // Expired at WeChat (42001) and gone from Redis: an error, still no fetch.
    env.sim.expireTokens(appid);
    await client.del(`wx:access_token:${appid}`);
    const gone = await call();
    expect(gone.ok).toBe(false);
    // Redis down: an error within seconds, no fetch.
    redis.pause();
    try {
      const down = await env.core.api.refreshToken({ name: 'prod' });
      expect(!down.ok && down.error.code).toBe('redis_unreachable');
    } finally {
      redis.resume();
    }
    expect(await env.core.api.testCredentials({ name: 'prod' })).toMatchObject({ ok: false });
    expect(tokenFetches()).toBe(0);
  });
});
