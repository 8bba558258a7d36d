/** Token formats of the server SDKs: each value written byte for byte the way its SDK writes it. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeValue, keysFor, maskKeySecret } from '../../../src/main/core/redis/formats';
import { phpUnserialize } from '../../../src/main/core/redis/php-unserialize';

const APPID = 'wx1234567890abcdef';
const CORPID = 'ww1234567890abcdef';
const TOKEN = '81_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz';
const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const buf = (text: string) => Buffer.from(text, 'utf8');
const keyOf = (...args: Parameters<typeof keysFor>) => {
  const r = keysFor(...args);
  if (!r.ok) throw new Error(r.problem.en);
  return r.keys;
};

describe('keys each SDK uses', () => {
  it('WxJava: Official Account, Mini Program, WeCom, open platform', () => {
    expect(keyOf('wxjava', { appid: APPID })).toEqual([{ key: `wx:access_token:${APPID}` }]);
    expect(keyOf('wxjava-ma', { appid: APPID })).toEqual([{ key: `wa:access_token:${APPID}` }]);
    expect(keyOf('wxjava-cp', { appid: CORPID, agentid: '1000002' })).toEqual([{ key: `wx:cp:wechat_cp_access_token_key:${CORPID}:1000002` }]);
    expect(keyOf('wxjava-open', { appid: APPID, componentAppid: 'wxcccccccccccccccc' })).toEqual([
      { key: `wx:open:wechat_authorizer_access_token:wxcccccccccccccccc:${APPID}` },
    ]);
  });

  it('refuses a key that needs a value that was not given', () => {
    const cp = keysFor('wxjava-cp', { appid: CORPID });
    expect(cp.ok).toBe(false);
    if (!cp.ok) expect(cp.problem.en).toContain('{agentid}');
    expect(keysFor('wxjava-open', { appid: APPID }).ok).toBe(false);
    expect(keysFor('easywechat5', { appid: APPID }).ok).toBe(false);
    expect(keysFor('plain', { appid: APPID }).ok).toBe(false);
    const unknown = keysFor('plain', { appid: APPID, template: 'tok:{app}' });
    expect(unknown.ok).toBe(false);
  });

  it('wechatpy and silenceper (double underscore, one module per kind)', () => {
    expect(keyOf('wechatpy', { appid: APPID })).toEqual([{ key: `wechatpy:${APPID}_access_token` }]);
    expect(keyOf('silenceper', { appid: APPID })).toEqual([{ key: `gowechat_officialaccount__access_token_${APPID}` }]);
    expect(keyOf('silenceper', { appid: APPID, kind: 'mp' })).toEqual([{ key: `gowechat_miniprogram__access_token_${APPID}` }]);
    expect(keyOf('silenceper', { appid: CORPID, kind: 'wecom' })).toEqual([{ key: `gowechat_work__access_token_${CORPID}` }]);
  });

  it('EasyWeChat 6: the secret and the stable flag in the key (6.15+), else the AppID only', () => {
    expect(keyOf('easywechat6', { appid: APPID, secret: 's3cr3t' })).toEqual([
      { key: `official_account.access_token.${APPID}.s3cr3t.1` },
      { key: `official_account.access_token.${APPID}.s3cr3t.0` },
      { key: `official_account.access_token.${APPID}` },
    ]);
    expect(keyOf('easywechat6', { appid: APPID, kind: 'mp' })).toEqual([{ key: `mini_app.access_token.${APPID}` }]);
    expect(maskKeySecret(`app:official_account.access_token.${APPID}.s3cr3t.0`)).toBe(`app:official_account.access_token.${APPID}.***.0`);
  });

  it("EasyWeChat 5: md5 of the credentials as PHP's json_encode writes them", () => {
    const json = `{"grant_type":"client_credential","appid":"${APPID}","secret":"a\\/b"}`;
    const md5 = createHash('md5').update(json).digest('hex');
    expect(keyOf('easywechat5', { appid: APPID, secret: 'a/b' })).toEqual([{ key: `easywechat.kernel.access_token.${md5}` }]);
  });

  it('Senparc: a field of the AccessTokenBag hash, or the whole key with the plain strategy', () => {
    const hash = 'Senparc:DefaultCache:Container:Senparc.Weixin.MP.Containers.AccessTokenBag';
    expect(keyOf('senparc', { appid: APPID })).toEqual([{ key: hash, field: APPID }, { key: `${hash}:${APPID}` }]);
  });

  it('--key overrides any format', () => {
    expect(keyOf('wxjava', { appid: APPID, template: 'prod:wx:access_token:{appid}' })).toEqual([{ key: `prod:wx:access_token:${APPID}` }]);
    expect(keyOf('plain', { appid: CORPID, agentid: '7', template: 'tok/{corpid}/{agentid}' })).toEqual([{ key: `tok/${CORPID}/7` }]);
  });
});

describe('values each SDK writes', () => {
  const ok = (r: ReturnType<typeof decodeValue>) => {
    if (!r.ok) throw new Error(r.problem.en);
    return r.value;
  };

  it('WxJava and silenceper v2: the token as a plain string; the TTL gives the expiry', () => {
    for (const format of ['wxjava', 'wxjava-ma', 'wxjava-cp', 'wxjava-open', 'silenceper'] as const) {
      expect(ok(decodeValue(format, buf(TOKEN), 2 * HOUR, NOW))).toEqual({ accessToken: TOKEN, expiresAt: NOW + 2 * HOUR, warnings: [] });
    }
  });

  it('wechatpy: json.dumps of the token (quotes included)', () => {
    expect(ok(decodeValue('wechatpy', buf(`"${TOKEN}"`), 7_000_000, NOW)).accessToken).toBe(TOKEN);
  });

  it('EasyWeChat 6: PHP serialize() of a string, also inside Symfony\'s metadata wrapper', () => {
    const value = `s:${TOKEN.length}:"${TOKEN}";`;
    expect(ok(decodeValue('easywechat6', buf(value), HOUR, NOW))).toEqual({ accessToken: TOKEN, expiresAt: NOW + HOUR, warnings: [] });
    // Symfony's key: "\x9D" . pack('VN', expiry, ctime) . "\x5F", ten raw bytes.
    const metaKey = Buffer.from([0x9d, 0x80, 0xf1, 0x2a, 0x00, 0x00, 0x00, 0x00, 0x2a, 0x5f]);
    const meta = Buffer.concat([buf('a:1:{s:10:"'), metaKey, buf('";'), buf(value), buf('}')]);
    expect(ok(decodeValue('easywechat6', meta, HOUR, NOW)).accessToken).toBe(TOKEN);
  });

  it('EasyWeChat 5: a serialized array with access_token and expires_in', () => {
    const value = `a:2:{s:12:"access_token";s:${TOKEN.length}:"${TOKEN}";s:10:"expires_in";i:7200;}`;
    expect(ok(decodeValue('easywechat5', buf(value), 7_000_000, NOW)).accessToken).toBe(TOKEN);
  });

  it('Senparc: AccessTokenBag JSON; the expiry it stores; a warning that the AppSecret is in it', () => {
    const bag = {
      Name: null,
      AppId: APPID,
      AppSecret: 'the-app-secret',
      AccessTokenExpireTime: '2027-01-15T10:00:00.1234567+08:00',
      AccessTokenResult: { access_token: TOKEN, expires_in: 7200, errcode: 0, errmsg: null },
      Key: APPID,
      CacheTime: '2027-01-15T08:00:00.1234567+08:00',
    };
    const value = ok(decodeValue('senparc', buf(JSON.stringify(bag)), -1, NOW));
    expect(value.accessToken).toBe(TOKEN);
    expect(value.expiresAt).toBe(Date.parse('2027-01-15T02:00:00.123Z'));
    expect(value.warnings.map((w) => w.en).join()).toMatch(/AppSecret in clear/);
    const unzoned = ok(decodeValue('senparc', buf(JSON.stringify({ ...bag, AppSecret: '', AccessTokenExpireTime: '2027-01-15T10:00:00' })), -1, NOW));
    expect(unzoned.expiresAt).toBe(Date.parse('2027-01-15T02:00:00Z'));
    expect(unzoned.warnings.map((w) => w.en).join()).toMatch(/China time/);
  });

  it('plain: a string, a JSON string, or JSON with access_token and expires_at', () => {
    expect(ok(decodeValue('plain', buf(TOKEN), HOUR, NOW)).accessToken).toBe(TOKEN);
    expect(ok(decodeValue('plain', buf(`"${TOKEN}"`), HOUR, NOW)).accessToken).toBe(TOKEN);
    const at = NOW + 90 * 60_000;
    expect(ok(decodeValue('plain', buf(JSON.stringify({ access_token: TOKEN, expires_at: at / 1000 })), -1, NOW)).expiresAt).toBe(at);
    expect(ok(decodeValue('plain', buf(JSON.stringify({ data: { access_token: TOKEN, expires_at: new Date(at).toISOString() } })), -1, NOW)).expiresAt).toBe(at);
    const none = ok(decodeValue('plain', buf(JSON.stringify({ access_token: TOKEN, expires_in: 7200 })), -1, NOW));
    expect(none.expiresAt).toBeUndefined();
    expect(none.warnings[0].en).toMatch(/time left is unknown/);
  });

  it('a Java-serialized string (Spring RedisTemplate with the JDK serializer) is read exactly', () => {
    const body = buf(TOKEN);
    const head = Buffer.from([0xac, 0xed, 0x00, 0x05, 0x74, 0x00, body.length]);
    const value = ok(decodeValue('wxjava', Buffer.concat([head, body]), HOUR, NOW));
    expect(value.accessToken).toBe(TOKEN);
    expect(value.warnings[0].en).toMatch(/Java-serialized/);
  });

  it('binary values (Redisson codecs) are named as such, not guessed at', () => {
    const kryo = Buffer.concat([Buffer.from([0x03, 0x01, 0xd8, 0x01]), buf(TOKEN)]);
    const result = decodeValue('wxjava', kryo, HOUR, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.en).toMatch(/binary.*Redisson/);
    const marshalling = Buffer.concat([Buffer.from([0x04, 0x19, 0x00, 0x00]), buf(TOKEN)]);
    expect(decodeValue('plain', marshalling, HOUR, NOW).ok).toBe(false);
  });

  it('garbage is a clear problem in every format', () => {
    const cases: [Parameters<typeof decodeValue>[0], string][] = [
      ['wxjava', 'not a token'],
      ['wxjava', '{"access_token":"x"}'],
      ['wechatpy', '"unterminated'],
      ['easywechat6', `s:99:"${TOKEN}";`],
      ['easywechat6', 'O:8:"stdClass":0:{}'],
      ['easywechat5', `s:${TOKEN.length}:"${TOKEN}";`],
      ['senparc', TOKEN],
      ['senparc', '{"AccessTokenResult":{}}'],
      ['plain', '{"token":"x"}'],
      ['plain', ''],
    ];
    for (const [format, value] of cases) {
      const result = decodeValue(format, buf(value), HOUR, NOW);
      expect(result.ok, `${format} ${value}`).toBe(false);
      if (!result.ok) {
        expect(result.problem.en).not.toContain(TOKEN);
        expect(result.problem.zh).toBeTruthy();
      }
    }
  });
});

describe('PHP unserialize (strings, integers, arrays only)', () => {
  it('reads byte lengths, nested arrays and integer keys', () => {
    const value = phpUnserialize(buf('a:2:{i:0;s:6:"令牌";s:1:"n";a:1:{s:1:"b";b:1;}}'));
    expect(value).toEqual(new Map<string | number, unknown>([[0, '令牌'], ['n', new Map([['b', true]])]]));
  });

  it('refuses objects, references, trailing bytes and lengths past the end', () => {
    for (const bad of ['O:8:"stdClass":0:{}', 'C:3:"Foo":0:{}', 'a:1:{i:0;R:1;}', 's:3:"abc";x', 's:1000000:"a";', 'i:99999999999999999999;']) {
      expect(() => phpUnserialize(buf(bad)), bad).toThrow();
    }
  });
});
