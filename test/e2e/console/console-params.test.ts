/**
 * Issue 10: parameter forms from the catalogue. Every query and body field with its type, required mark,
 * description (both languages, visible, not only on hover) and example, editing the request in place, and a link
 * to the endpoint's official documentation.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('parameter forms from the catalogue', () => {
  const e2e = useE2e();
  let seeded: Promise<unknown> | undefined;

  async function openOn(lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    seeded ??= e2e().addAccount('params-oa', { kind: 'oa' });
    await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select('params-oa');
    const c = new ConsolePage(app.page, lang);
    const t = textsFor(lang);
    return { app, console: c, t, form: c.section.getByRole('region', { name: t('console.params'), exact: true }) };
  }

  it('shows body fields with type, required mark, both descriptions and the example, and edits the JSON (en)', async () => {
    const { app, console: c, form, t } = await openOn('en');
    await c.pick('/cgi-bin/message/custom/send');
    const text = (await form.textContent()) ?? '';
    expect(text).toContain('touser');
    expect(text).toContain(t('console.paramType.string'));
    expect(text).toContain('The openid of the user who gets the message');
    expect(text).toContain('接收消息的用户的 OpenID');
    expect(text).toContain(`${t('console.example')} OPENID`);
    await form.getByTitle(t('console.required')).first().waitFor();
    expect(await form.getByRole('textbox', { name: /^touser/ }).getAttribute('aria-required')).toBe('true');
    const doc = form.getByRole('link', { name: t('console.docLink'), exact: true });
    expect(await doc.getAttribute('href')).toBe('https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html');

    await form.getByRole('textbox', { name: /^touser/ }).fill('o-from-form');
    expect(JSON.parse(await c.bodyText())).toMatchObject({ touser: 'o-from-form', msgtype: 'text' });
    await app.screenshot('console-params.en.light');
    const sent = e2e().stack.sim.count('/cgi-bin/message/custom/send');
    await c.send();
    expect(e2e().stack.sim.count('/cgi-bin/message/custom/send')).toBe(sent + 1);
  });

  it('fills query rows from the form and shows descriptions in Chinese first (zh)', async () => {
    const { app, console: c, form } = await openOn('zh-CN', 'dark');
    await c.pick('/cgi-bin/user/info');
    const field = form.getByRole('textbox', { name: /^openid/ });
    await field.fill('o-query-form');
    expect(await c.queryRows()).toEqual([['openid', 'o-query-form'], ['lang', 'zh_CN']]);
    const doc = form.locator('.param-doc').first();
    expect(await doc.locator('span').first().textContent()).toBe('用户在本账号下的 OpenID');
    await app.screenshot('console-params.zh-CN.dark');
  });
});
