/**
 * The push debugger against a callback server of the test's own on 127.0.0.1, which checks signatures and decrypts
 * with node:crypto directly (test/support/toolbox/callback-server.ts), independently of the code under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushReport } from '../../../src/shared/toolbox/models';
import { hasTestKeyring } from '../../support/keychain/keychain';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';
import { encrypt, encryptedReply, field, startCallbackServer, type CallbackServer, type Received } from '../../support/toolbox/callback-server';

const TOKEN = 'wxtokenPushTest42';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const textReply = (r: Received, content = 'hi back', swap = true) => {
  const xml = r.decrypted ?? r.body;
  const [to, from] = swap ? [field(xml, 'FromUserName'), field(xml, 'ToUserName')] : [field(xml, 'ToUserName'), field(xml, 'FromUserName')];
  return `<xml><ToUserName><![CDATA[${to}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content></xml>`;
};

describe.skipIf(!hasTestKeyring())('push debugger', () => {
  let env: CoreEnv;
  let server: CallbackServer;
  let appid: string;
  const push = async (input: Record<string, unknown>): Promise<PushReport> => {
    const got = await env.core.api.pushMessage({ name: 'oa', to: server.url, ...input } as never);
    if (!got.ok) throw new Error(got.error.message.en);
    return got.value;
  };
  const codes = (r: PushReport) => r.problems.map((p) => p.code);

  beforeEach(async () => {
    env = await makeCoreEnv();
    appid = (await env.addAccount('oa', {}, 'stable')).appid;
    expect((await env.core.api.setCallbackConfig({ name: 'oa', token: TOKEN, aesKey: AES_KEY })).ok).toBe(true);
    server = await startCallbackServer({ token: TOKEN, aesKey: AES_KEY });
  });
  afterEach(async () => {
    await server?.close();
    await env?.close();
  });

  it('URL check: a signed GET with echostr; passes only when echostr comes back exactly', async () => {
    server.answer = (r) => ({ body: r.signatureOk ? r.query.get('echostr')! : 'bad signature' });
    const passed = await push({ verify: true });
    expect(passed.passed).toBe(true);
    expect(server.received[0]).toMatchObject({ method: 'GET', signatureOk: true });
    expect(server.received[0].query.get('echostr')).toMatch(/^\d+$/);

    server.answer = (r) => ({ body: `${r.query.get('echostr')}\n` });
    const newline = await push({ verify: true });
    expect(newline.passed).toBe(false);
    expect(codes(newline)).toEqual(['echostr_mismatch']);
    expect(newline.problems[0].message.en).toContain('whitespace');
  });

  it('plain text message: signed, with the openid; a swapped text reply is accepted and shown', async () => {
    server.answer = (r) => ({ body: r.signatureOk ? textReply(r) : '' });
    const report = await push({ text: '你好', mode: 'plain', from: 'oUser123' });
    expect(report.passed).toBe(true);
    expect(report.verdict.en).toBe('Accepted: a text reply: hi back');
    const got = server.received[0];
    expect(got).toMatchObject({ method: 'POST', signatureOk: true });
    expect(got.query.get('openid')).toBe('oUser123');
    expect(got.query.has('encrypt_type')).toBe(false);
    expect(field(got.body, 'Content')).toBe('你好');
    expect(field(got.body, 'MsgType')).toBe('text');
    expect(field(got.body, 'ToUserName')).toMatch(/^gh_/);
  });

  it('safe mode: encrypted with the AppID, msg_signature right; an encrypted reply is checked and decrypted', async () => {
    server.answer = (r) => ({ body: encryptedReply(textReply(r, '加密回复'), appid, TOKEN, AES_KEY) });
    const report = await push({ text: 'secret hello', mode: 'safe' });
    const got = server.received[0];
    expect(got.query.get('encrypt_type')).toBe('aes');
    expect(got).toMatchObject({ signatureOk: true, msgSignatureOk: true, receiverId: appid, paddedTo32: true });
    expect(field(got.decrypted!, 'Content')).toBe('secret hello');
    expect(field(got.body, 'Content')).toBeUndefined(); // nothing in clear
    expect(report.passed).toBe(true);
    expect(field(report.reply.decrypted!, 'Content')).toBe('加密回复');
    expect(report.request.plainBody).toContain('secret hello');
  });

  it('compat mode sends the plain fields and the ciphertext together', async () => {
    server.answer = (r) => ({ body: textReply(r) });
    const report = await push({ event: 'CLICK', eventKey: 'MENU_1', mode: 'compat' });
    const got = server.received[0];
    expect(field(got.body, 'Event')).toBe('CLICK');
    expect(field(got.body, 'EventKey')).toBe('MENU_1');
    expect(got.msgSignatureOk).toBe(true);
    expect(field(got.decrypted!, 'EventKey')).toBe('MENU_1');
    expect(report.passed).toBe(true);
  });

  it('accepts success and an empty body', async () => {
    server.answer = () => ({ body: 'success' });
    expect((await push({ event: 'subscribe', mode: 'plain' })).passed).toBe(true);
    server.answer = () => ({ body: '' });
    expect((await push({ event: 'LOCATION', mode: 'plain' })).passed).toBe(true);
    expect(field(server.received[1].body, 'Latitude')).toBeDefined();
  });

  it.each([
    ['not XML', () => ({ body: '{"ok":true}' }), 'plain', 'not_xml'],
    ['To/From not swapped', (r: Received) => ({ body: textReply(r, 'x', false) }), 'plain', 'not_swapped'],
    ['an unknown MsgType', (r: Received) => ({ body: textReply(r).replace('<![CDATA[text]]>', '<![CDATA[txt]]>') }), 'plain', 'unknown_msgtype'],
    ['a text reply without Content', (r: Received) => ({ body: textReply(r).replace(/<Content>.*<\/Content>/, '') }), 'plain', 'missing_field'],
    ['HTTP 500', () => ({ status: 500, body: 'oops' }), 'plain', 'http_status'],
    ['a plain reply in safe mode', (r: Received) => ({ body: textReply(r) }), 'safe', 'not_encrypted'],
    ['a bad reply signature', (r: Received) => ({ body: encryptedReply(textReply(r), appid, TOKEN, AES_KEY, 'signature') }), 'safe', 'bad_signature'],
    ['another AppID in the ciphertext', (r: Received) => ({ body: encryptedReply(textReply(r), 'wx00000000000000ff', TOKEN, AES_KEY) }), 'safe', 'wrong_appid'],
    ['a reply encrypted with another key', (r: Received) => ({ body: encryptedReply(textReply(r), appid, TOKEN, 'Z'.repeat(43)) }), 'safe', 'bad_encryption'],
  ] as const)('names a bad reply: %s', async (_, answer, mode, code) => {
    server.answer = answer as (r: Received) => { body: string; status?: number };
    const report = await push({ text: 'x', mode });
    expect(report.passed).toBe(false);
    expect(codes(report)).toContain(code);
    expect(report.problems[0].message.zh).toBeTruthy();
  });

  it('a reply after 5 s is too slow', async () => {
    server.answer = () => ({ body: 'success', delayMs: 5_600 });
    const report = await push({ text: 'x', mode: 'plain' });
    expect(codes(report)).toEqual(['too_slow']);
    expect(report.reply.timeMs).toBeGreaterThanOrEqual(4_900);
  });

  it('says what is missing without a stored Token, and refuses safe mode without an EncodingAESKey', async () => {
    await env.addAccount('bare', {}, 'stable');
    const none = await env.core.api.pushMessage({ name: 'bare', to: server.url, verify: true });
    expect(!none.ok && none.error.next?.en).toContain('wxtoken callback set bare');
    await env.core.api.setCallbackConfig({ name: 'bare', token: TOKEN, aesKey: '' });
    const safe = await env.core.api.pushMessage({ name: 'bare', to: server.url, text: 'x', mode: 'safe' });
    expect(!safe.ok && safe.error.field).toBe('mode');
    expect(server.received).toHaveLength(0);
  });

  it('the callback config follows a rename and leaves the keychain with the account', async () => {
    const keytar = (await import('keytar')).default;
    const items = async () => (await keytar.findCredentials(env.service)).map((i) => i.account).filter((a) => a.startsWith('callback:'));
    expect((await env.core.api.editAccount({ name: 'oa', patch: { name: 'renamed' } })).ok).toBe(true);
    expect(await items()).toEqual(['callback:renamed']);
    server.answer = (r) => ({ body: r.signatureOk ? r.query.get('echostr')! : '' });
    const got = await env.core.api.pushMessage({ name: 'renamed', to: server.url, verify: true });
    expect(got.ok && got.value.passed).toBe(true);
    expect((await env.core.api.removeAccount({ name: 'renamed' })).ok).toBe(true);
    expect(await items()).toEqual([]);
  });

  it('WeCom: the URL check sends an encrypted echostr and wants it decrypted; messages are always encrypted', async () => {
    const corp = await env.addAccount('corp', { kind: 'wecom' });
    await env.core.api.setCallbackConfig({ name: 'corp', token: TOKEN, aesKey: AES_KEY });
    server.answer = (r) => ({ body: r.msgSignatureOk && r.receiverId === corp.appid ? r.decrypted! : 'no' });
    const ok = await env.core.api.pushMessage({ name: 'corp', to: server.url, verify: true });
    expect(ok.ok && ok.value.passed).toBe(true);
    server.answer = (r) => ({ body: r.query.get('echostr')! });
    const echoed = await env.core.api.pushMessage({ name: 'corp', to: server.url, verify: true });
    expect(echoed.ok && echoed.value.problems[0].message.en).toContain('decrypted echostr');
    server.answer = (r) => ({ body: encryptedReply(textReply(r), corp.appid, TOKEN, AES_KEY) });
    const msg = await env.core.api.pushMessage({ name: 'corp', to: server.url, text: 'hello corp' });
    expect(msg.ok && msg.value.passed).toBe(true);
    const last = server.received.at(-1)!;
    expect(last).toMatchObject({ msgSignatureOk: true, receiverId: corp.appid });
    expect(last.query.has('signature')).toBe(false);
    expect(encrypt('x', 'y', AES_KEY)).toBeTruthy();
  });
});
