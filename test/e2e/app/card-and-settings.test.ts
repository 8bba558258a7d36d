/**
 * The token card shows the account's note, API base and proxy; the force-refresh wait counts seconds ("in
 * 26 s") instead of naming a time; settings switch the theme (system / light / dark, in every open page) and
 * show the URL that opens this UI, with a copy button.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { uniqueAppid } from '../../support/e2e/e2e-serve';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

/** Mean of the page background's RGB channels: low on a dark page. */
const pageLightness = (page: Page) =>
  page.evaluate(() => (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).reduce((s, v) => s + Number(v), 0) / 3);

describe.skipIf(Boolean(skip))('card facts and settings', () => {
  const e2e = useE2e();
  let seeded = false;

  async function openOn(account: string, lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    if (!seeded) {
      seeded = true;
      const { stack } = e2e();
      await e2e().addAccount('facts-stable', { kind: 'oa' }, 'stable');
      const secret = randomUUID().replace(/-/g, '');
      e2e().rememberSecret(secret);
      const added = await stack.call('addAccount', {
        account: { name: 'facts-proxied', appid: uniqueAppid(), kind: 'mp', mode: 'classic', apiBase: stack.sim.url, proxy: 'http://127.0.0.1:9', note: '生产环境 · do not force' },
        secret,
      });
      expect(added.ok).toBe(true);
    }
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select(account);
    const t = textsFor(lang);
    const card = new TokenCardPage(app.page, lang);
    const fact = (key: Parameters<typeof t>[0]) => card.card.locator(`dt:text-is("${t(key)}") + dd`);
    return { app, t, card, fact, dialogs: new DialogsPage(app.page, lang) };
  }

  it('shows the note, the API base and the proxy on the card', async () => {
    const { stack } = e2e();
    for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
      const { app, t, fact } = await openOn('facts-proxied', lang, scheme);
      expect(await fact('token.note').textContent()).toBe('生产环境 · do not force');
      expect(await fact('token.apiBase').textContent()).toBe(stack.sim.url);
      expect(await fact('token.proxy').textContent()).toBe('http://127.0.0.1:9');
      await app.screenshot(`app.card-facts.${lang}.${scheme}`);
      await app.page.getByRole('option', { name: /^facts-stable\s*,/ }).click();
      await expect.poll(() => fact('token.proxy').textContent(), { timeout: 10_000 }).toBe(t('token.noProxy'));
      expect(await fact('token.note').count()).toBe(0);
    }
  });

  it('says how many seconds are left before the next force refresh, not a time of day', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { t, card, dialogs } = await openOn('facts-stable', lang);
      await card.ensureToken(t('token.noneYet'));
      await card.forceButton.click();
      const dialog = dialogs.forceRefresh('facts-stable');
      await dialog.waitFor();
      if (!(await dialogs.forceConfirm('facts-stable').isDisabled())) {
        await dialogs.forceConfirm('facts-stable').click();
        await dialog.waitFor({ state: 'detached' });
        await card.refreshButton.and(card.card.locator('button:enabled')).waitFor();
        await card.forceButton.click();
        await dialog.waitFor();
      }
      const wait = lang === 'en' ? /try again in (\d+) s/ : /(\d+) 秒后可再试/;
      await expect.poll(async () => wait.test((await dialog.textContent()) ?? ''), { timeout: 10_000 }).toBe(true);
      const text = (await dialog.textContent()) ?? '';
      expect(Number(wait.exec(text)?.[1])).toBeGreaterThan(0);
      expect(Number(wait.exec(text)?.[1])).toBeLessThanOrEqual(30);
      expect(text).not.toMatch(/\d{1,2}:\d{2}:\d{2}/);
      await dialog.getByRole('button', { name: t('common.cancel'), exact: true }).click();
    }
  });

  it('switches the theme for every open page, and shows the URL of this UI with a copy button', async () => {
    const { stack } = e2e();
    const { app, t, dialogs } = await openOn('facts-stable', 'en', 'light');
    const other = await e2e().open({ locale: 'zh-CN', colorScheme: 'light' });
    expect(await pageLightness(app.page)).toBeGreaterThan(180);

    await dialogs.openSettings();
    const theme = dialogs.settings.getByRole('combobox', { name: t('settings.theme'), exact: true });
    await theme.selectOption('dark');
    for (const page of [app.page, other.page]) await expect.poll(() => pageLightness(page), { timeout: 10_000 }).toBeLessThan(80);
    await app.screenshot('app.settings-theme.en.dark');

    // The URL that opens this UI, and a copy of it with its key.
    const url = dialogs.settings.getByRole('group', { name: t('settings.serveUrl'), exact: true });
    expect(await url.locator('code').textContent()).toBe(`${stack.origin}/`);
    await url.getByRole('button', { name: t('settings.copyPageUrl'), exact: true }).click();
    await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(`${stack.origin}/#key=${stack.uiKey}`);

    // Light on a page whose system is dark; then back to following the system.
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await theme.selectOption('light');
    await expect.poll(() => pageLightness(app.page), { timeout: 10_000 }).toBeGreaterThan(180);
    await app.screenshot('app.settings-theme.en.light');
    await theme.selectOption('system');
    await expect.poll(() => pageLightness(app.page), { timeout: 10_000 }).toBeLessThan(80);
    await expect.poll(() => pageLightness(other.page), { timeout: 10_000 }).toBeGreaterThan(180);
    await dialogs.closeSettings();
    await e2e().expectNoSecretLeak(app);
  });
});
