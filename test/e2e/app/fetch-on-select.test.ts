/**
 * Stable and WeCom tokens are fetched when the account is selected and nothing is cached (those fetches
 * disturb nobody); a classic account keeps its explicit "Get token" and fetches nothing by itself.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('fetch on selection', () => {
  const e2e = useE2e();

  it('fetches stable and WeCom tokens on selection, never a classic one', async () => {
    const { stack } = e2e();
    await e2e().addAccount('pick-classic', { kind: 'oa' }, 'classic');
    await e2e().addAccount('pick-stable', { kind: 'mp' }, 'stable');
    await e2e().addAccount('pick-wecom', { kind: 'wecom' });
    for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
      const t = textsFor(lang);
      const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme: scheme });
      const sidebar = new SidebarPage(app.page, lang);
      const card = new TokenCardPage(app.page, lang);

      // Classic: the card waits for the user, and nothing reached the classic endpoint.
      const classic = stack.sim.count('/cgi-bin/token');
      await sidebar.select('pick-classic');
      await card.getButton.and(card.card.locator('button:enabled')).waitFor();
      expect(await card.shown()).toBe(t('token.noneYet'));
      expect(stack.sim.count('/cgi-bin/token')).toBe(classic);
      await app.screenshot(`app.fetch-on-select.classic.${lang}.${scheme}`);

      if (lang === 'en') {
        // Stable and WeCom: a token shows without a click.
        for (const [name, path] of [['pick-stable', '/cgi-bin/stable_token'], ['pick-wecom', '/cgi-bin/gettoken']] as const) {
          const before = stack.sim.count(path);
          await sidebar.select(name);
          await card.refreshButton.waitFor();
          expect(await card.shown()).not.toBe(t('token.noneYet'));
          expect(stack.sim.count(path)).toBe(before + 1);
        }
      } else {
        // Cached now: selecting again shows the cached token without asking WeChat.
        const before = stack.sim.count('/cgi-bin/stable_token');
        await sidebar.select('pick-stable');
        await card.refreshButton.waitFor();
        expect(stack.sim.count('/cgi-bin/stable_token')).toBe(before);
      }
      await app.screenshot(`app.fetch-on-select.${lang}.${scheme}`);
      await e2e().expectNoSecretLeak(app);
    }
  });
});
