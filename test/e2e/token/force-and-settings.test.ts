/**
 * Force refresh says what it costs before doing it (classic: the old token dies in 5 minutes; stable: one of
 * 20 a day) and then really changes the token; the language switch changes the whole UI at once.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('force refresh and settings', () => {
  const e2e = useE2e();
  let seeded = false;

  async function openOn(account: string, lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    if (!seeded) {
      seeded = true;
      await e2e().addAccount('stable-oa', { kind: 'oa' }, 'stable');
      await e2e().addAccount('classic-mp', { kind: 'mp' }, 'classic');
    }
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select(account);
    const card = new TokenCardPage(app.page, lang);
    const masked = await card.ensureToken(textsFor(lang)('token.noneYet'));
    return { app, card, masked, dialogs: new DialogsPage(app.page, lang) };
  }

  it('stable: tells how many of the 20 daily force refreshes are left, and confirming issues a new token', async () => {
    const { stack } = e2e();
    const { app, card, masked, dialogs } = await openOn('stable-oa', 'en');
    const before = await stack.tokenOf('stable-oa');

    await card.forceButton.click();
    const dialog = dialogs.forceRefresh('stable-oa');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('one of 20 force refreshes a day');
    const left = Number(/(\d+) left today/.exec(text)?.[1]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(20);
    await app.screenshot('force-dialog.stable.en.light');

    const forced = stack.sim.count('/cgi-bin/stable_token');
    await dialogs.forceConfirm('stable-oa').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => card.shown(), { timeout: 10_000 }).not.toBe(masked);
    const after = await stack.tokenOf('stable-oa');
    expect(after).not.toBe(before);
    expect(stack.sim.count('/cgi-bin/stable_token')).toBe(forced + 1);

    // Right after one, the next must wait 30 s, and one fewer is left today.
    await card.forceButton.click();
    await dialog.waitFor();
    const again = (await dialog.textContent()) ?? '';
    expect(again).toContain(`${left - 1} left today`);
    expect(again).toMatch(/try again in \d+ s/);
    expect(await dialogs.forceConfirm('stable-oa').isDisabled()).toBe(true);
    await e2e().expectNoSecretLeak(app);
  });

  it('classic: warns that the previous token stops working 5 minutes later, and confirming replaces it', async () => {
    const { stack } = e2e();
    const { app, card, masked, dialogs } = await openOn('classic-mp', 'zh-CN', 'dark');
    const before = await stack.tokenOf('classic-mp');

    await card.forceButton.click();
    const dialog = dialogs.forceRefresh('classic-mp');
    await dialog.waitFor();
    expect((await dialog.textContent()) ?? '').toContain('5 分钟');
    await app.screenshot('force-dialog.classic.zh-CN.dark');

    await dialogs.forceConfirm('classic-mp').click();
    await expect.poll(() => card.shown(), { timeout: 10_000 }).not.toBe(masked);
    expect(await stack.tokenOf('classic-mp')).not.toBe(before);
    await e2e().expectNoSecretLeak(app);
  });

  it('switches the language between 简体中文 and English', async () => {
    const { app } = await openOn('stable-oa', 'zh-CN');
    const { page } = app;
    const banner = page.getByRole('banner');
    expect(await banner.getByRole('button').last().textContent()).toBe('设置');

    const zh = new DialogsPage(page, 'zh-CN');
    await zh.openSettings();
    await app.screenshot('settings.zh-CN.light');
    await zh.languageSelect().selectOption('en');
    const en = new DialogsPage(page, 'en');
    await en.settings.waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('settings.en.dark');
    await en.closeSettings();
    await page.getByRole('region', { name: 'Request console' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await banner.getByRole('button').last().textContent()).toBe('Settings');
    await app.screenshot('token-card.en.dark');

    await en.openSettings();
    await en.languageSelect().selectOption('zh-CN');
    await zh.settings.waitFor();
    await zh.closeSettings();
    await page.getByRole('region', { name: '请求控制台' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await app.screenshot('token-card.zh-CN.dark');

    // A change made elsewhere (another window, the CLI's host) shows in the open dialog.
    await zh.openSettings();
    const seconds = zh.settings.getByRole('spinbutton', { name: /剪贴板/ });
    expect(await seconds.inputValue()).toBe('30');
    const changed = await e2e().stack.call('updateSettings', { clipboardClearSeconds: 45 });
    expect(changed.ok).toBe(true);
    await expect.poll(() => seconds.inputValue()).toBe('45');
    await e2e().stack.call('updateSettings', { clipboardClearSeconds: 30 });
    await expect.poll(() => seconds.inputValue()).toBe('30');
    await zh.closeSettings();

    // Back to following the browser's language, for whoever opens this data folder next.
    await zh.openSettings();
    await zh.languageSelect().selectOption('system');
    await zh.closeSettings();
    await e2e().expectNoSecretLeak(app);
  });
});
