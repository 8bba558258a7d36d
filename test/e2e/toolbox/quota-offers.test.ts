/**
 * Quota where the user meets it, in Chromium against `wxtoken serve` and the simulator: a 45009 on the token card
 * or in a console response offers clear_quota (clear_quota/v2 with the AppSecret when token fetching itself is out
 * of quota) behind the warning about the 10 resets a month, and any console endpoint shows its own daily quota.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('quota offers', () => {
  const e2e = useE2e();

  async function openOn(name: string, lang: UiLang) {
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    await new SidebarPage(app.page, lang).select(name);
    return { app, page: app.page, t: textsFor(lang) };
  }

  it('45009 on the token card: clear_quota/v2 in one click after the warning, and fetching resumes', async () => {
    const { stack } = e2e();
    await e2e().addAccount('spent-oa', { kind: 'oa', dailyQuota: 1 }, 'classic');
    expect((await stack.call('getToken', { name: 'spent-oa' })).ok).toBe(true);
    expect(await stack.call('refreshToken', { name: 'spent-oa', force: true })).toMatchObject({ ok: false, error: { errcode: 45009 } });

    const { app, page, t } = await openOn('spent-oa', 'en');
    const card = new TokenCardPage(page, 'en');
    await card.resumeButton.waitFor();
    const offer = card.error.getByRole('button', { name: t('toolbox.clear.offerV2'), exact: true });
    const v2 = () => stack.sim.count('/cgi-bin/clear_quota/v2');
    const before = v2();
    const clearBefore = stack.sim.count('/cgi-bin/clear_quota');

    // The warning first; cancelling it sends nothing.
    await offer.click();
    const dialog = card.card.getByRole('alertdialog', { name: t('toolbox.quota.clear'), exact: true });
    expect(await dialog.textContent()).toContain('uses one of its 10 resets a month');
    await dialog.getByRole('button', { name: t('common.cancel'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(v2()).toBe(before);

    await offer.click();
    await dialog.getByRole('button', { name: t('toolbox.quota.clearYes'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: t('toolbox.clear.done') }).waitFor();
    expect(v2()).toBe(before + 1);
    expect(stack.sim.count('/cgi-bin/clear_quota')).toBe(clearBefore);
    // Fetching is no longer paused: the error and "resume" are gone and a forced refresh gets a new token.
    await card.resumeButton.waitFor({ state: 'detached' });
    expect(await card.error.count()).toBe(0);
    expect(await stack.call('refreshToken', { name: 'spent-oa', force: true })).toMatchObject({ ok: true });
    await e2e().expectNoSecretLeak(app);
  });

  it('45009 in a console response: clear_quota with the token, after the warning (zh-CN)', async () => {
    const { stack } = e2e();
    await e2e().addAccount('busy-oa', { kind: 'oa' }, 'stable');
    const { app, page, t } = await openOn('busy-oa', 'zh-CN');
    const c = new ConsolePage(page, 'zh-CN');
    await c.pick('/cgi-bin/user/get');
    stack.sim.setFault('/cgi-bin/user/get', { kind: 'echo', errcode: 45009 }, 1);
    await c.send();
    await c.responseError.waitFor();
    expect(await c.responseError.textContent()).toContain('45009');

    const before = stack.sim.count('/cgi-bin/clear_quota');
    const beforeV2 = stack.sim.count('/cgi-bin/clear_quota/v2');
    await c.responseError.getByRole('button', { name: t('toolbox.clear.offer'), exact: true }).click();
    const dialog = c.response.getByRole('alertdialog', { name: t('toolbox.quota.clear'), exact: true });
    expect(await dialog.textContent()).toContain('每月 10 次清零机会中的 1 次');
    await dialog.getByRole('button', { name: t('toolbox.quota.clearYes'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: t('toolbox.clear.done') }).waitFor();
    expect(stack.sim.count('/cgi-bin/clear_quota')).toBe(before + 1);
    expect(stack.sim.count('/cgi-bin/clear_quota/v2')).toBe(beforeV2);
    await e2e().expectNoSecretLeak(app);
  });

  it("a console endpoint's quota button shows that API's daily limit, used and remaining", async () => {
    await e2e().addAccount('count-oa', { kind: 'oa' }, 'stable');
    const { page, t } = await openOn('count-oa', 'en');
    const c = new ConsolePage(page, 'en');
    await c.pick('/cgi-bin/user/get');
    await c.send();
    await c.status(200).waitFor();
    await c.section.getByRole('button', { name: t('toolbox.quotaButton'), exact: true }).click();
    const result = c.section.getByRole('region', { name: t('toolbox.quotaButton.result', { path: '/cgi-bin/user/get' }), exact: true });
    // The region opens busy, before quota/get has answered: wait for the answer, not the region.
    await result.and(page.locator('[aria-busy="false"]')).waitFor();
    // The simulator's limit for user/get is 500 a day; this account called it once.
    const shown = await result.locator('dd').allTextContents();
    expect(shown).toEqual(['500', '1', '499']);

    // A WeCom app has no quota/get: no button.
    await e2e().addAccount('count-wecom', { kind: 'wecom' }, 'stable');
    await new SidebarPage(page, 'en').select('count-wecom');
    await c.pick('/cgi-bin/user/get');
    await c.sendButton.waitFor();
    expect(await c.section.getByRole('button', { name: t('toolbox.quotaButton'), exact: true }).count()).toBe(0);
  });
});
