import { describe, expect, it } from 'vitest';
import { MASK, SECRET_KEYS, isSecretKey, maskToken, redactError, redactJsonText, redactQuery, redactText } from '../../../src/shared/redact';
import { wechatError } from '../../../src/shared/errors/errors';

const TOKEN = '78_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-abcdefghijklmnopqrstuvwxyzTAIL';
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('maskToken', () => {
  it('shows the first 6 and last 4 characters only', () => {
    expect(maskToken(TOKEN)).toBe('78_AbC…TAIL');
    expect(maskToken(TOKEN)).not.toContain('Qr');
  });

  it('hides short values completely', () => {
    expect(maskToken('short-token')).toBe(MASK);
    expect(maskToken('')).toBe(MASK);
  });
});

describe('SECRET_KEYS', () => {
  it('covers the credential names, in any case', () => {
    for (const key of ['access_token', 'secret', 'appsecret', 'corpsecret']) expect(SECRET_KEYS).toContain(key);
    expect(isSecretKey('AppSecret')).toBe(true);
    expect(isSecretKey('openid')).toBe(false);
  });
});

describe('redactQuery', () => {
  it('masks secret values and keeps the rest', () => {
    const pairs: [string, string][] = [
      ['openid', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M'],
      ['access_token', TOKEN],
      ['Secret', SECRET],
      ['redirect', `https://example.com/cb?access_token=${TOKEN}&x=1`],
      ['corpsecret', ''],
    ];
    const out = redactQuery(pairs);
    expect(out).toEqual([
      ['openid', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M'],
      ['access_token', MASK],
      ['Secret', MASK],
      ['redirect', `https://example.com/cb?access_token=${MASK}&x=1`],
      ['corpsecret', ''],
    ]);
    expect(pairs[1]![1]).toBe(TOKEN); // the input is not modified
  });
});

describe('redactJsonText', () => {
  it('masks secret keys at any depth and keeps the layout', () => {
    const body = JSON.stringify(
      { appid: 'wx123', secret: SECRET, nested: { list: [{ access_token: TOKEN, openid: 'o1' }], expires_in: 7200 } },
      null,
      2,
    );
    const out = redactJsonText(body);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(TOKEN);
    expect(JSON.parse(out)).toEqual({ appid: 'wx123', secret: MASK, nested: { list: [{ access_token: MASK, openid: 'o1' }], expires_in: 7200 } });
    expect(out.split('\n')).toHaveLength(body.split('\n').length);
  });

  it('masks numbers, whole objects and escaped key names under secret keys', () => {
    const out = redactJsonText('{"AppSecret":12345678,"corpsecret":{"value":"hidden-value"},"acc\\u0065ss_token":"escaped-token-value"}');
    expect(out).not.toMatch(/12345678|hidden-value|escaped-token-value/);
    expect(JSON.parse(out)).toEqual({ AppSecret: MASK, corpsecret: MASK, access_token: MASK });
  });

  it('scrubs credentials inside string values', () => {
    const out = redactJsonText(JSON.stringify({ url: `https://api.weixin.qq.com/cgi-bin/user/get?access_token=${TOKEN}` }));
    expect(out).not.toContain(TOKEN);
    expect(JSON.parse(out).url).toBe(`https://api.weixin.qq.com/cgi-bin/user/get?access_token=${MASK}`);
  });

  it('leaves ordinary bodies as they are', () => {
    const body = '{\n  "touser": "OPENID",\n  "msgtype": "text",\n  "text": { "content": "secret plans" }\n}';
    expect(redactJsonText(body)).toBe(body);
    expect(redactJsonText('plain text, no credentials')).toBe('plain text, no credentials');
  });

  it('still scrubs the obvious shapes in text that is not JSON', () => {
    const text = `GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=${SECRET} -> {"access_token":"${TOKEN}","expires_in":72`;
    const out = redactJsonText(text);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('appid=wx1');
    expect(out).toContain('"expires_in":72');
  });

  it('handles a body cut off inside a secret value', () => {
    const out = redactJsonText(`{"errcode":0,"access_token":"${TOKEN.slice(0, 30)}`);
    expect(out).not.toContain(TOKEN.slice(0, 30));
  });
});

describe('redactText', () => {
  it('replaces every occurrence of the known values', () => {
    const text = `token ${TOKEN} used twice: ${TOKEN}; secret ${SECRET}; encoded ${encodeURIComponent('p@ss/word+1')}`;
    const out = redactText(text, [TOKEN, SECRET, 'p@ss/word+1', '']);
    expect(out).toBe(`token ${MASK} used twice: ${MASK}; secret ${MASK}; encoded ${MASK}`);
  });

  it('also scrubs key=value pairs and bearer keys in log lines', () => {
    const out = redactText(`fetch failed for https://x/y?corpid=ww1&corpsecret=${SECRET} Authorization: Bearer abc.def-123`);
    expect(out).toBe(`fetch failed for https://x/y?corpid=ww1&corpsecret=${MASK} Authorization: Bearer ${MASK}`);
  });

  it('leaves text without secrets alone', () => {
    expect(redactText('errcode 40164: invalid ip 1.2.3.4', [TOKEN])).toBe('errcode 40164: invalid ip 1.2.3.4');
  });
});

describe('redaction of pathological bodies', () => {
  const deep = (levels: number, inner: string) => `${'{"a":'.repeat(levels)}${inner}${'}'.repeat(levels)}`;

  it('never throws on a body nested 10,000 levels, and still masks what it can see', () => {
    const body = deep(10_000, `{"secret":"${SECRET}"}`);
    let out = '';
    expect(() => (out = redactJsonText(body))).not.toThrow();
    expect(out).not.toContain(SECRET);
    expect(out.startsWith('{"a":{"a":')).toBe(true);
  });

  it('masks an object-valued secret structurally up to a deep body (200 levels)', () => {
    const out = redactJsonText(deep(200, `{"secret":{"value":"${SECRET}"}}`));
    expect(out).not.toContain(SECRET);
    expect(JSON.parse(out)).toBeTruthy();
  });
});

describe('redactError', () => {
  it('masks known values in the message, the next step and the errmsg', () => {
    const error = wechatError(40125, `invalid appsecret ${SECRET} rid: 1`);
    const unknown = wechatError(99999, `unexpected ${TOKEN}`);
    for (const e of [error, unknown]) {
      const out = JSON.stringify(redactError(e, [SECRET, TOKEN]));
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain(TOKEN);
    }
    expect(redactError(error, [SECRET]).errmsg).toBe(`invalid appsecret ${MASK} rid: 1`);
  });
});
