/**
 * Issue 10: saved requests per account (name, request, notes), kept across reloads, loaded back into the editor,
 * and exported as a file that holds no token and no secret value.
 */
import { describe, expect, it } from 'vitest';
import { downloadedBytes, waitReady } from '../../support/e2e/e2e-browser';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('saved requests', () => {
  const e2e = useE2e();
  let seeded: Promise<{ appid: string }> | undefined;

  async function openOn(lang: UiLang, colorScheme: 'light' | 'dark') {
    seeded ??= e2e().addAccount('saved-oa', { kind: 'oa' });
    const { appid } = await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    const sidebar = new SidebarPage(app.page, lang);
    await sidebar.select('saved-oa');
    const c = new ConsolePage(app.page, lang);
    const t = textsFor(lang);
    return { app, sidebar, appid, console: c, t, saved: c.section.getByRole('region', { name: t('saved.title'), exact: true }) };
  }

  it('saves with a name and notes, keeps them across a reload, loads one back and exports without secrets (en)', async () => {
    const { stack } = e2e();
    const { app, sidebar, appid, console: c, t, saved } = await openOn('en', 'light');
    await c.pick('/cgi-bin/message/custom/send');
    await c.insertBody('{"touser": "o-saved-user", "msgtype": "text", "text": {"content": "hi"}}');
    await c.section.getByRole('button', { name: t('console.addParam'), exact: true }).click();
    await c.section.getByRole('textbox', { name: t('console.paramNameN', { n: 1 }), exact: true }).fill('appsecret');
    await c.queryValue(1).fill('not-a-real-secret-but-secret-shaped');
    await saved.getByRole('textbox', { name: t('saved.name'), exact: true }).fill('Greet a tester');
    await saved.getByRole('textbox', { name: t('saved.notes'), exact: true }).fill('for the QA account');
    await saved.getByRole('button', { name: t('saved.save'), exact: true }).click();
    await saved.getByText('Greet a tester').waitFor();
    await saved.getByText('for the QA account').waitFor();
    await app.screenshot('console-saved.en.light');

    await app.page.reload();
    await waitReady(app.page);
    await sidebar.select('saved-oa');
    await c.pick('/cgi-bin/getcallbackip');
    await saved.getByRole('button', { name: t('saved.loadN', { name: 'Greet a tester' }), exact: true }).click();
    expect(await c.path.inputValue()).toBe('/cgi-bin/message/custom/send');
    expect(JSON.parse(await c.bodyText())).toMatchObject({ touser: 'o-saved-user' });

    const [download] = await Promise.all([app.page.waitForEvent('download'), saved.getByRole('button', { name: t('saved.export'), exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('wxtoken-saved-saved-oa.json');
    const text = (await downloadedBytes(download)).toString('utf8');
    const file = JSON.parse(text) as { requests: { name: string; notes?: string; path: string; query: [string, string][]; body?: string }[] };
    expect(file.requests).toHaveLength(1);
    expect(file.requests[0]).toMatchObject({ name: 'Greet a tester', notes: 'for the QA account', path: '/cgi-bin/message/custom/send', query: [['appsecret', '***']] });
    expect(text).not.toContain('not-a-real-secret-but-secret-shaped');
    expect(text).not.toContain(await stack.tokenOf('saved-oa'));
    expect(text).not.toContain(appid);
    await e2e().expectNoSecretLeak(app);
  });

  it('speaks Chinese and removes a saved request (zh)', async () => {
    const { console: c, t, saved } = await openOn('zh-CN', 'dark');
    await c.pick('/cgi-bin/getcallbackip');
    await saved.getByRole('textbox', { name: t('saved.name'), exact: true }).fill('回调 IP');
    await saved.getByRole('button', { name: t('saved.save'), exact: true }).click();
    const remove = saved.getByRole('button', { name: t('saved.removeN', { name: '回调 IP' }), exact: true });
    await remove.click();
    await remove.waitFor({ state: 'detached' });
    expect(await saved.getByText('回调 IP').count()).toBe(0);
  });
});
