/**
 * Issue 10: a history that is useful on the hundredth day. Rows show method, path with its query, HTTP status and
 * errcode; the response is kept (redacted, bounded) and can be viewed; the list is searchable; the editor's draft
 * survives a reload.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitReady } from '../../support/e2e/e2e-browser';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('the console history', () => {
  const e2e = useE2e();
  let seeded: Promise<unknown> | undefined;

  async function openOn(lang: UiLang, colorScheme: 'light' | 'dark') {
    seeded ??= e2e().addAccount('hist-oa', { kind: 'oa' });
    await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    const sidebar = new SidebarPage(app.page, lang);
    await sidebar.select('hist-oa');
    return { app, sidebar, console: new ConsolePage(app.page, lang), t: textsFor(lang) };
  }

  it('shows path with query, HTTP status and errcode, keeps the response redacted, and searches (en)', async () => {
    const { stack } = e2e();
    const { app, console: c, t } = await openOn('en', 'light');
    await c.pick('/cgi-bin/user/info');
    await c.queryValue(1).fill('');
    await c.send();
    await c.pick('/cgi-bin/user/get');
    await c.send();
    await expect.poll(() => c.historyEntries().count()).toBe(2);

    const rows = c.history.locator('.history-row');
    expect(await rows.nth(0).locator('.history-path').textContent()).toBe('/cgi-bin/user/get?next_openid=');
    expect(await rows.nth(0).locator('.history-status').textContent()).toBe('HTTP 200');
    expect(await rows.nth(1).locator('.history-path').textContent()).toBe('/cgi-bin/user/info?openid=&lang=zh_CN');
    expect(await rows.nth(1).locator('.history-status').textContent()).toBe('HTTP 200 · errcode 40003');

    await c.history.getByRole('button', { name: t('history.viewN', { path: '/cgi-bin/user/info' }), exact: true }).click();
    const kept = c.history.getByLabel(t('history.responseOf', { path: '/cgi-bin/user/info?openid=&lang=zh_CN' }));
    expect(await kept.textContent()).toContain('"errcode":40003');

    const search = c.history.getByRole('searchbox', { name: t('history.search'), exact: true });
    await search.fill('40003');
    await expect.poll(() => rows.count()).toBe(1);
    await app.screenshot('console-history.en.light');
    await search.fill('openid=& user/info');
    await expect.poll(() => rows.count()).toBe(1);
    await search.fill('no-such-request');
    await c.history.getByText(t('history.noMatch')).waitFor();

    // Kept on disk with the response, and without the token.
    const token = await stack.tokenOf('hist-oa');
    const dir = join(stack.home, 'history');
    const files = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
    const text = files.join('\n');
    expect(text).toContain('invalid openid');
    expect(text).not.toContain(token);
    await e2e().expectNoSecretLeak(app);
  });

  it('keeps the editor draft across a reload (zh)', async () => {
    const { app, sidebar, console: c } = await openOn('zh-CN', 'dark');
    await c.pick('/cgi-bin/message/custom/send');
    await c.insertBody('{"touser": "o-draft-kept", "msgtype": "text", "text": {"content": "草稿"}}');
    await expect.poll(() => app.page.evaluate(() => Object.values({ ...localStorage }).join('\n'))).toContain('o-draft-kept');
    await app.page.reload();
    await waitReady(app.page);
    await sidebar.select('hist-oa');
    expect(await c.path.inputValue()).toBe('/cgi-bin/message/custom/send');
    expect(JSON.parse(await c.bodyText())).toMatchObject({ touser: 'o-draft-kept' });
  });
});
