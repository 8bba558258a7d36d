/**
 * A newcomer's first minutes in the browser UI of `wxtoken serve`: the empty state, adding an account
 * through the dialog, the masked token, copying it, the countdown, and the token renewing on screen.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { uniqueAppid } from '../../support/e2e/e2e-serve';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

/** Short-lived tokens, so a renewal happens while the test watches. */
const LIFETIME_S = 8;

describe.skipIf(Boolean(skip))('first run in the browser', () => {
  const e2e = useE2e({ expiresIn: LIFETIME_S });

  it('shows what to do when there are no accounts, with the sandbox link (zh-CN and English)', async () => {
    const zh = await e2e().open({ locale: 'zh-CN' });
    const tz = textsFor('zh-CN');
    const heading = zh.page.getByRole('heading', { name: tz('empty.title') });
    await heading.waitFor();
    expect(await heading.textContent()).toBe('还没有账号');
    const sandbox = zh.page.getByRole('link', { name: tz('empty.sandboxLink') });
    expect(await sandbox.getAttribute('href')).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/debug\/cgi-bin\/sandbox/);
    await zh.screenshot('empty-state.zh-CN.light');

    const en = await e2e().open({ locale: 'en-US', colorScheme: 'dark' });
    await en.page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await en.page.getByRole('link', { name: 'WeChat sandbox test account' }).waitFor();
    await en.screenshot('empty-state.en.dark');
  });

  it('adds an account, shows its token masked, copies the real one, counts down, and follows a renewal made by another program', async () => {
    const { stack } = e2e();
    const app = await e2e().open({ locale: 'en-US' });
    const { page } = app;
    const t = textsFor('en');
    const sidebar = new SidebarPage(page, 'en');
    const card = new TokenCardPage(page, 'en');
    const dialogs = new DialogsPage(page, 'en');

    const appid = uniqueAppid();
    const secret = 'e2e0secret0first0run0000000000aa';
    e2e().rememberSecret(secret);
    stack.sim.addAccount({ appid, secret, kind: 'oa' });

    await page.getByRole('button', { name: t('account.addFirst') }).click();
    await dialogs.fillAndSaveAccount({ name: 'sandbox-demo', appid, secret, mode: 'classic', apiBase: stack.sim.url });
    await sidebar.account('sandbox-demo').waitFor();
    expect(await sidebar.names()).toEqual(['sandbox-demo']);

    const masked = await card.ensureToken(t('token.noneYet'));
    const token = await stack.tokenOf('sandbox-demo');
    expect(token.length).toBeGreaterThan(20);
    expect(masked).not.toBe(token);
    expect(masked).not.toContain(token.slice(8, -4));
    expect(masked.startsWith(token.slice(0, 4)) && masked.endsWith(token.slice(-4))).toBe(true);
    expect(await app.domText()).not.toContain(token);
    await app.screenshot('token-card.en.light');

    await card.copyButton.click();
    await page.getByText(/^Token copied/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const before = await card.timeLeft();
    await expect.poll(() => card.timeLeft(), { timeout: 5_000, interval: 200 }).not.toBe(before);
    // The bar steps with the clock instead of gliding between ticks: an open window draws once a second,
    // not sixty times (a glide kept a core a fifth busy for as long as a token was on screen).
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);

    // A classic token is never fetched in the background (each fetch invalidates the one in use): once
    // it expires, the card says so and waits.
    await expect.poll(() => card.shown(), { timeout: (LIFETIME_S + 6) * 1000, interval: 250 }).toBe(t('token.noneYet'));
    expect(stack.sim.count('/cgi-bin/token')).toBe(1);

    // A script asks the loopback server for the shared token: that fetch renews it, and the open card
    // follows without a reload.
    const renewed = await stack.tokenOf('sandbox-demo');
    expect(renewed).not.toBe(token);
    const showsRenewed = async () => {
      const shown = await card.shown();
      return shown.startsWith(renewed.slice(0, 4)) && shown.endsWith(renewed.slice(-4)) && !shown.includes(renewed.slice(8, -4));
    };
    await expect.poll(showsRenewed, { timeout: 10_000, interval: 100 }).toBe(true);
    expect(stack.sim.count('/cgi-bin/token')).toBe(2);

    await e2e().expectNoSecretLeak(app);
  });
});
