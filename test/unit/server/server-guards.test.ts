/** The server's pure checks: Host/Origin allow-lists, the bearer key, and URL paths for static files. */
import { describe, expect, it } from 'vitest';
import { bearer, hasCredentialParam, makeGuards } from '../../../src/main/server/guards';
import { contentTypeOf, safeRelativePath } from '../../../src/main/server/routes/static-files';

const KEY = 'k'.repeat(43);
const TOKEN_KEY = 't'.repeat(43);
const guards = makeGuards(4321, { ui: KEY, token: TOKEN_KEY });

describe('checkSite', () => {
  it('accepts exactly its own Host names, in any letter case', () => {
    expect(guards.checkSite({ host: '127.0.0.1:4321' })).toBeUndefined();
    expect(guards.checkSite({ host: 'LOCALHOST:4321' })).toBeUndefined();
    expect(guards.checkSite({ host: '[::1]:4321' })).toBeUndefined();
    expect(guards.checkSite({})).toBe(400);
    for (const host of ['localhost', '127.0.0.1:43210', 'evil.example:4321', '0.0.0.0:4321', ' 127.0.0.1:4321', '127.0.0.1:4321.']) {
      expect(guards.checkSite({ host }), host).toBe(421);
    }
  });

  it('accepts no Origin or its own, refuses the rest', () => {
    const host = '127.0.0.1:4321';
    expect(guards.checkSite({ host, origin: 'http://localhost:4321' })).toBeUndefined();
    for (const origin of ['null', '', 'http://127.0.0.1:4321/', 'http://[::1]:4321', 'https://localhost:4321', 'HTTP://127.0.0.1:4321']) {
      expect(guards.checkSite({ host, origin }), origin).toBe(403);
    }
    expect(guards.checkSite({ host, 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(guards.checkSite({ host, 'sec-fetch-site': 'same-origin' })).toBeUndefined();
  });
});

describe('checkKey', () => {
  it('tells the UI key from the token key, accepts only exact keys as a Bearer header, and never throws on other lengths', () => {
    expect(guards.checkKey({ authorization: `Bearer ${KEY}` }, '')).toBe('ui');
    expect(guards.checkKey({ authorization: `bearer ${KEY}` }, '')).toBe('ui');
    expect(guards.checkKey({ authorization: `Bearer ${TOKEN_KEY}` }, '')).toBe('token');
    // Characters beyond Latin-1 whose low bytes spell the key (`ū` is U+016B, `k` is 0x6B).
    const lowBytesOfKey = String.fromCharCode(0x100 + 'k'.charCodeAt(0)).repeat(43);
    for (const authorization of [undefined, '', 'Bearer', 'Bearer ', `Bearer ${KEY}x`, `Bearer ${KEY.slice(1)}`, `Bearer ${'j'.repeat(43)}`, `Token ${KEY}`, KEY, `Bearer ${'é'.repeat(43)}`, `Bearer é${KEY.slice(2)}`, `Bearer ${lowBytesOfKey}`]) {
      expect(guards.checkKey({ authorization }, ''), String(authorization)).toBeUndefined();
    }
    // After a good key, a shorter-encoding guess must not be completed by the previous request's bytes.
    expect(guards.checkKey({ authorization: `Bearer ${KEY}` }, '')).toBe('ui');
    expect(guards.checkKey({ authorization: `Bearer ${KEY.slice(0, 42)}é` }, '')).toBeUndefined();
  });

  it('refuses a credential in the query string even alongside the right header', () => {
    expect(guards.checkKey({ authorization: `Bearer ${KEY}` }, `key=${KEY}`)).toBeUndefined();
    expect(guards.checkKey({ authorization: `Bearer ${TOKEN_KEY}` }, `token=${TOKEN_KEY}`)).toBeUndefined();
    expect(guards.checkKey({ authorization: `Bearer ${KEY}` }, 'cache=1')).toBe('ui');
    expect(hasCredentialParam('a=1&Access_Token=x')).toBe(true);
    expect(hasCredentialParam('a=1&b=2')).toBe(false);
    expect(bearer('Bearer   abc ')).toBe('abc');
  });
});

describe('safeRelativePath', () => {
  it('maps folders to index.html and keeps plain paths', () => {
    expect(safeRelativePath('/')).toBe('index.html');
    expect(safeRelativePath('/assets/')).toBe('assets/index.html');
    expect(safeRelativePath('/assets/app%20x.js')).toBe('assets/app x.js');
  });

  it('refuses traversal, dot-files, NUL, backslashes and bad encodings', () => {
    for (const p of ['/..', '/../x', '/%2e%2e/x', '/a/%2E%2E%2F%2E%2E%2Fx', '/.git/config', '/a/.env', '/%00', '/a\\..\\x', '/%5c..%5cx', '/%zz', 'x', 'http://h/x', '/C:/x']) {
      expect(safeRelativePath(p), p).toBeUndefined();
    }
  });

  it('names content types by extension, unknown ones as bytes', () => {
    expect(contentTypeOf('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('x.woff2')).toBe('font/woff2');
    expect(contentTypeOf('x.exe')).toBe('application/octet-stream');
  });
});
