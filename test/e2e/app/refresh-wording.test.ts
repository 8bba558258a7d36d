/**
 * Refresh says what it did: a classic refresh that only re-read the cache says so (and points at Force
 * refresh), a stable refresh that got the same token back says that, and "Copy token" on an account without
 * a token says it fetched one and shows it as fetched.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('refresh says what happened', () => {
  const e2e = useE2e();

  async function openOn(account: string, lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select(account);
    const t = textsFor(lang);
    const card = new TokenCardPage(app.page, lang);
    return {
      app,
      t,
      card,
      toast: (key: Parameters<typeof t>[0], params?: Record<string, string | number>) => app.page.getByRole('status').getByText(t(key, params), { exact: true }),
      source: card.card.locator(`dt:text-is("${t('token.source')}") + dd`),
    };
  }

  it('classic: Copy token without a token says it fetched one; Refresh then says the token came from the cache', async () => {
    await e2e().addAccount('word-classic', { kind: 'oa' }, 'classic');
    const { app, t, card, toast, source } = await openOn('word-classic', 'en');
    await expect.poll(() => card.shown(), { timeout: 10_000 }).toBe(t('token.noneYet'));

    await card.copyButton.click();
    await toast('token.copiedFetchedClears', { seconds: 30 }).waitFor();
    await card.refreshButton.waitFor();
    expect(await source.textContent()).toBe(t('token.fromFetch'));
    const token = await e2e().stack.tokenOf('word-classic');
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    await card.refreshButton.click();
    await toast('token.refreshedCache').waitFor();
    expect(await source.textContent()).toBe(t('token.fromCache'));
    expect(await app.page.getByRole('status').getByText(t('token.refreshedNew'), { exact: true }).count()).toBe(0);
    await app.screenshot('app.refresh-cache.en.light');
    await e2e().expectNoSecretLeak(app);
  });

  it('stable (zh-CN): Refresh that gets the same token back says so, not "refreshed"', async () => {
    await e2e().addAccount('word-stable', { kind: 'oa' }, 'stable');
    const { app, t, card, toast } = await openOn('word-stable', 'zh-CN', 'dark');
    const masked = await card.ensureToken(t('token.noneYet'));

    await card.refreshButton.click();
    await toast('token.refreshedSame').waitFor();
    expect(await card.shown()).toBe(masked);
    await app.screenshot('app.refresh-same.zh-CN.dark');
    await e2e().expectNoSecretLeak(app);
  });
});
