/**
 * The toolbox panels in Chromium against `wxtoken serve` and the simulator: a JS-SDK signature and the checker
 * naming a mistake, a safe-mode push to a callback server of the test's own, and a rid look-up explained.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptedReply, field, startCallbackServer, type CallbackServer } from '../../support/toolbox/callback-server';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { ToolboxPage } from '../pages/toolbox';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

const TOKEN = 'e2ePushToken1';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe.skipIf(Boolean(skip))('the toolbox panels', () => {
  const e2e = useE2e();
  let appid = '';
  let server: CallbackServer | undefined;
  afterEach(async () => server?.close());

  async function openOn(lang: UiLang) {
    if (!appid) appid = (await e2e().addAccount('tools-oa', { kind: 'oa' })).appid;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    await new SidebarPage(app.page, lang).select('tools-oa');
    return { app, box: new ToolboxPage(app.page, lang), t: textsFor(lang) };
  }

  it('signs a page URL (the # part left out), shows the exact string and snippet, and the checker names a signed #', async () => {
    const { app, box, t } = await openOn('en');
    await box.url.fill('https://m.example.cn/pay?id=7#/step2');
    await box.button(t('toolbox.jssdk.sign'));
    await box.signature.waitFor();
    const signed = (await box.stringToSign.textContent()) ?? '';
    expect(signed).toMatch(/^jsapi_ticket=sim_[\w-]+&noncestr=[A-Za-z0-9]{16}&timestamp=\d{10}&url=https:\/\/m\.example\.cn\/pay\?id=7$/);
    expect(await box.signature.textContent()).toBe(sha1(signed));
    expect(await box.snippet.textContent()).toContain(`appId: '${appid}'`);
    await app.screenshot('toolbox-jssdk.en.light');

    // The checker is filled with what was just signed; a page that signed its #… part is told so.
    const withHash = `${signed}#/step2`; // the same string with the URL's # part left in
    await box.field(t('toolbox.check.signature')).fill(sha1(withHash));
    await box.field('url').fill('https://m.example.cn/pay?id=7#/step2');
    await box.button(t('toolbox.check.run'));
    await box.findings.waitFor();
    expect(await box.findings.locator('[data-code="url_fragment"]').first().textContent()).toContain('The URL was signed with its # part');
    await e2e().expectNoSecretLeak(app);
  });

  it('pushes a safe-mode message to a loopback callback server and shows the request, the decrypted reply and the verdict', async () => {
    server = await startCallbackServer({ token: TOKEN, aesKey: AES_KEY });
    const { app, box, t } = await openOn('zh-CN');
    await box.tab('push');
    await box.field(t('toolbox.push.token')).fill(TOKEN);
    await box.field(t('toolbox.push.aesKey')).fill(AES_KEY);
    await box.button(t('toolbox.push.saveConfig'));
    await box.section.getByRole('status').filter({ hasText: t('toolbox.push.configSaved') }).waitFor();
    expect(await box.field(t('toolbox.push.token')).inputValue()).toBe('');

    server.answer = (r) => {
      const xml = r.decrypted ?? '';
      const reply = `<xml><ToUserName><![CDATA[${field(xml, 'FromUserName')}]]></ToUserName><FromUserName><![CDATA[${field(xml, 'ToUserName')}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到]]></Content></xml>`;
      return { body: r.msgSignatureOk ? encryptedReply(reply, appid, TOKEN, AES_KEY) : 'bad' };
    };
    await box.field(t('toolbox.push.to')).fill(server.url);
    await box.field(t('toolbox.push.what')).selectOption('text');
    await box.field(t('toolbox.push.content')).fill('你好');
    await box.field(t('toolbox.push.mode')).selectOption('safe');
    await box.button(t('toolbox.push.send'));
    await box.verdict.waitFor();
    expect(await box.verdict.textContent()).toContain('已接受：text 回复：收到');
    expect(await box.reply.textContent()).toContain('<Content><![CDATA[收到]]></Content>');
    expect(server.received.at(-1)).toMatchObject({ msgSignatureOk: true, receiverId: appid });
    await app.screenshot('toolbox-push.zh-CN.light');

    server.answer = () => ({ body: 'hello' });
    await box.button(t('toolbox.push.send'));
    await box.verdict.filter({ hasText: '不会被接受' }).waitFor();
    expect(await box.verdict.textContent()).toContain('既不是 success / 空，也不是 XML');
    expect(await app.domText()).not.toContain(AES_KEY);
  });

  it('looks up a rid and explains one WeChat no longer has', async () => {
    const { box, t } = await openOn('en');
    await box.tab('rid');
    await box.field(t('toolbox.rid.rid')).fill('0000aaaa-1111bbbb-2222cccc');
    await box.button(t('toolbox.rid.run'));
    await box.alert.waitFor();
    expect(await box.alert.textContent()).toContain('WeChat keeps rids for 7 days');
  });

  it("shows a catalogue API's daily quota, and resets the counts only after the warning about the 10 a month", async () => {
    const { box, t } = await openOn('en');
    await box.tab('quota');
    await box.field(t('toolbox.quota.path')).fill('/cgi-bin/message/custom/send');
    await box.button(t('toolbox.quota.run'));
    const result = box.section.getByRole('region', { name: t('toolbox.quota.result'), exact: true });
    await result.waitFor();
    expect(await result.textContent()).toContain('500000');
    const before = e2e().stack.sim.count('/cgi-bin/clear_quota');
    await box.button(t('toolbox.quota.clear'));
    const dialog = box.section.getByRole('alertdialog', { name: t('toolbox.quota.clear'), exact: true });
    expect(await dialog.textContent()).toContain('uses one of its 10 resets a month');
    await dialog.getByRole('button', { name: t('common.cancel'), exact: true }).click();
    expect(e2e().stack.sim.count('/cgi-bin/clear_quota')).toBe(before);
    await box.button(t('toolbox.quota.clear'));
    await dialog.getByRole('button', { name: t('toolbox.quota.clearYes'), exact: true }).click();
    await box.section.getByRole('status').filter({ hasText: t('toolbox.quota.cleared') }).waitFor();
    expect(e2e().stack.sim.count('/cgi-bin/clear_quota')).toBe(before + 1);
  });

  it('an error that carries a rid offers "look it up", which shows what WeChat received', async () => {
    const { app, box, t } = await openOn('en');
    const c = new ConsolePage(app.page, 'en');
    await c.pick('/cgi-bin/user/info');
    await c.queryValue(1).fill('');
    await c.send();
    await c.responseError.waitFor();
    await c.responseError.getByRole('button', { name: t('toolbox.rid.lookUp'), exact: true }).click();
    const result = box.section.getByRole('region', { name: t('toolbox.rid.result'), exact: true });
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('/cgi-bin/user/info');
    expect(text).toContain('40003');
    expect(text).not.toContain('access_token');
  });
});
