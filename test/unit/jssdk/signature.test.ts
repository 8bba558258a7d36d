import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cardSignature, jsapiSignature, newNonce, signedUrl } from '../../../src/main/core/jssdk/signature';

const DOC = {
  ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
  nonceStr: 'Wm3WZYTPz0wzccnW',
  timestamp: 1414587457,
  url: 'http://mp.weixin.qq.com?params=value',
};

/** sha1 by another implementation: OpenSSL in a child process, fed the exact bytes on stdin. */
const opensslSha1 = (text: string) => /([0-9a-f]{40})/.exec(execFileSync('openssl', ['sha1'], { input: Buffer.from(text, 'utf8') }).toString())![1];
const coreutilsSha1 = (text: string) => execFileSync('sha1sum', [], { input: Buffer.from(text, 'utf8') }).toString().slice(0, 40);

describe('JS-SDK signature', () => {
  it("reproduces the official docs' worked example", () => {
    const signed = jsapiSignature(DOC);
    expect(signed.stringToSign).toBe(
      'jsapi_ticket=sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value',
    );
    expect(signed.signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('signs the URL without # and what follows, and leaves the values raw', () => {
    const withHash = jsapiSignature({ ...DOC, url: `${DOC.url}#/pay?x=1` });
    expect(withHash.signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    const raw = jsapiSignature({ ...DOC, url: 'https://例子.cn/a b?q=中文&x=%2F' });
    expect(raw.stringToSign.endsWith('&url=https://例子.cn/a b?q=中文&x=%2F')).toBe(true);
    expect(signedUrl('https://a.cn/#x#y')).toBe('https://a.cn/');
  });

  it('agrees with OpenSSL and coreutils on random tickets, nonces and URLs (UTF-8 included)', () => {
    for (let i = 0; i < 8; i++) {
      const input = {
        ticket: randomBytes(48).toString('base64url'),
        nonceStr: newNonce(),
        timestamp: 1_700_000_000 + i,
        url: `https://h${i}.example.cn/页面/${randomBytes(6).toString('hex')}?a=${i}&b=%E4%B8%AD#frag`,
      };
      const ours = jsapiSignature(input);
      const text = `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${input.url.split('#')[0]}`;
      expect(ours.signature).toBe(opensslSha1(text));
      expect(ours.signature).toBe(coreutilsSha1(text));
    }
  });

  it('card signature: sorts the values, concatenates them, sha1 (checked against sort | tr | sha1sum)', () => {
    const values = ['ticket_Zq9', '1414587457', 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', 'code 12', 'oOpenid', 'nonceAbc'];
    const ours = cardSignature(values);
    const shell = execFileSync('sh', ['-c', 'LC_ALL=C sort | tr -d "\\n" | sha1sum'], { input: values.join('\n') + '\n' }).toString().slice(0, 40);
    expect(ours.stringToSign).toBe('1414587457code 12nonceAbcoOpenidpFS7Fjg8kV1IdDz01r4SQwMkuCKcticket_Zq9');
    expect(ours.signature).toBe(shell);
  });

  it('makes 16-character alphanumeric nonces that differ', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(newNonce()).not.toBe(a);
  });
});
