/** `wxtoken callback set` and `wxtoken push` as a user runs them, against a callback server of the test's own. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../../support/cli';
import { encryptedReply, field, startCallbackServer, type CallbackServer } from '../../support/toolbox/callback-server';

const TOKEN = 'cliPushToken7';
const AES_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg';
const APPID = 'wx5f3c9a1e7b2d4c60';

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken callback set / push', () => {
  let cli: CliSandbox;
  let server: CallbackServer;

  beforeEach(async () => {
    cli = await cliSandbox();
    server = await startCallbackServer({ token: TOKEN, aesKey: AES_KEY });
    // No WeChat call is made: a push goes only to the callback URL.
    expect((await cli.run(['account', 'add', 'oa', '--appid', APPID, '--api-base', 'http://127.0.0.1:9'], { input: 'unusedsecret\n' })).code).toBe(0);
  });
  afterEach(async () => {
    await server.close();
    await cli.cleanup();
  });

  it('keeps the Token and EncodingAESKey in the keychain only, then passes the URL check and a safe-mode message', async () => {
    const set = await cli.run(['callback', 'set', 'oa'], { input: `${TOKEN}\n${AES_KEY}\n` });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Stored the Token and EncodingAESKey of oa');
    const items = await keytar.findCredentials(cli.service);
    expect(items.find((i) => i.account === 'callback:oa')?.password).toContain(AES_KEY);
    for (const file of await readdir(cli.home, { recursive: true })) {
      const text = await readFile(join(cli.home, file)).then((b) => b.toString('latin1'), () => '');
      expect(text, file).not.toContain(AES_KEY);
      expect(text, file).not.toContain(TOKEN);
    }

    server.answer = (r) => ({ body: r.signatureOk ? r.query.get('echostr')! : '' });
    const verify = await cli.run(['push', 'oa', '--to', server.url, '--verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('✓ URL check passed');

    server.answer = (r) => {
      const xml = r.decrypted!;
      const reply = `<xml><ToUserName><![CDATA[${field(xml, 'FromUserName')}]]></ToUserName><FromUserName><![CDATA[${field(xml, 'ToUserName')}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[pong]]></Content></xml>`;
      return { body: encryptedReply(reply, APPID, TOKEN, AES_KEY) };
    };
    const json = await cli.run(['push', 'oa', '--to', server.url, '--text', 'ping', '--from', 'oTester', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ passed: true, verdict: { en: 'Accepted: a text reply: pong' } });
    expect(report.request.url).toContain('encrypt_type=aes');
    expect(report.reply.decrypted).toContain('pong');
    expect(server.received.at(-1)).toMatchObject({ msgSignatureOk: true, receiverId: APPID });
    expect(field(server.received.at(-1)!.decrypted!, 'FromUserName')).toBe('oTester');
  });

  it('exits non-zero and names the failure for a bad reply', async () => {
    await cli.run(['callback', 'set', 'oa'], { input: `${TOKEN}\n\n` });
    server.answer = () => ({ body: 'hello' });
    const bad = await cli.run(['push', 'oa', '--to', server.url, '--event', 'subscribe']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✗ Would be rejected');
    expect(bad.stdout).toContain('neither `success` / empty nor XML');
    const zh = await cli.run(['push', 'oa', '--to', server.url, '--event', 'subscribe'], { env: { WXTOKEN_LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('不会被接受');
  });

  it('refuses a push without a Token, and a typo in how it is asked', async () => {
    const none = await cli.run(['push', 'oa', '--to', server.url, '--verify']);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('wxtoken callback set oa');
    const both = await cli.run(['push', 'oa', '--to', server.url, '--verify', '--text', 'x']);
    expect(both.code).toBe(2);
    const badKey = await cli.run(['callback', 'set', 'oa'], { input: `${TOKEN}\nshort\n` });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('EncodingAESKey is 43 letters and digits');
    expect(server.received).toHaveLength(0);
  });
});
