import { describe, expect, it } from 'vitest';
import { checkJsapiConfig, type KnownTicket } from '../../../src/main/core/jssdk/checker';
import { jsapiSignature, sha1Hex } from '../../../src/main/core/jssdk/signature';

const CURRENT: KnownTicket = { ticket: 'current_ticket_AAA', kind: 'current' };
const PREVIOUS: KnownTicket = { ticket: 'old_ticket_BBB', kind: 'previous' };
const OTHER: KnownTicket = { ticket: 'other_ticket_CCC', kind: 'other', account: 'shop', appid: 'wx0000000000000abc' };
const TICKETS = [CURRENT, PREVIOUS, OTHER];
const page = { url: 'https://m.example.cn/pay?id=7', nonceStr: 'n0nce', timestamp: '1700000000' };
const sign = (ticket: string, url = page.url, timestamp = page.timestamp) =>
  sha1Hex(`jsapi_ticket=${ticket}&noncestr=${page.nonceStr}&timestamp=${timestamp}&url=${url}`);
const codes = (c: ReturnType<typeof checkJsapiConfig>) => c.findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('JS-SDK signature checker', () => {
  it('passes a right signature, and says what it should be', () => {
    const check = checkJsapiConfig({ ...page, signature: sign(CURRENT.ticket) }, TICKETS);
    expect(check.valid).toBe(true);
    expect(check.findings[0].code).toBe('ok');
    expect(check.expected).toEqual(jsapiSignature({ ticket: CURRENT.ticket, ...page }));
  });

  it('names a URL signed with its # part', () => {
    const url = `${page.url}#/step2`;
    const check = checkJsapiConfig({ ...page, url, signature: sign(CURRENT.ticket, url) }, TICKETS);
    expect(check.valid).toBe(false);
    expect(codes(check)).toEqual(['url_fragment']);
  });

  it('a pasted URL with # whose signature left it out is fine', () => {
    const check = checkJsapiConfig({ ...page, url: `${page.url}#/x`, signature: sign(CURRENT.ticket) }, TICKETS);
    expect(check.valid).toBe(true);
  });

  it('names a URL-encoded URL, either way round', () => {
    const encoded = encodeURIComponent(page.url);
    const signedEncoded = checkJsapiConfig({ ...page, signature: sign(CURRENT.ticket, encoded) }, TICKETS);
    expect(codes(signedEncoded)).toEqual(['url_encoded']);
    const pastedEncoded = checkJsapiConfig({ ...page, url: encoded, signature: sign(CURRENT.ticket) }, TICKETS);
    expect(codes(pastedEncoded)).toEqual(['url_encoded']);
  });

  it("names another account's ticket, with its name and AppID", () => {
    const check = checkJsapiConfig({ ...page, signature: sign(OTHER.ticket) }, TICKETS);
    expect(codes(check)).toEqual(['other_account']);
    expect(check.findings[0].message.en).toContain('wx0000000000000abc');
  });

  it('names an expired (replaced) ticket', () => {
    const check = checkJsapiConfig({ ...page, signature: sign(PREVIOUS.ticket) }, TICKETS);
    expect(codes(check)).toEqual(['previous_ticket']);
  });

  it('names a timestamp signed in one unit and passed in another', () => {
    const ms = checkJsapiConfig({ ...page, timestamp: '1700000000123', signature: sign(CURRENT.ticket, page.url, '1700000000') }, TICKETS);
    expect(codes(ms)).toEqual(['nonce_or_timestamp']);
    expect(ms.findings.map((f) => f.code)).toContain('timestamp_ms');
  });

  it('says nothing reproduces a signature made with another nonce, and shows the string to sign', () => {
    const check = checkJsapiConfig({ ...page, signature: sha1Hex(`jsapi_ticket=${CURRENT.ticket}&noncestr=other&timestamp=${page.timestamp}&url=${page.url}`) }, TICKETS);
    expect(check.valid).toBe(false);
    expect(codes(check)).toEqual(['no_match']);
    expect(check.expected.stringToSign).toContain('noncestr=n0nce');
  });

  it('warns about a malformed timestamp and signature', () => {
    const check = checkJsapiConfig({ ...page, timestamp: 'soon', signature: 'XYZ' }, TICKETS);
    expect(check.findings.map((f) => f.code)).toEqual(['no_match', 'timestamp_format', 'signature_format']);
  });
});
