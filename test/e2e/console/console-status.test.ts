/**
 * Issue 10: "HTTP 200 · errcode 40003" instead of a red "Status 200". WeChat answers most errors with HTTP 200,
 * so the status line says both, and only the errcode is shown as the failure.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import type { UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('the response status line', () => {
  const e2e = useE2e();
  let seeded: Promise<unknown> | undefined;

  async function openOn(lang: UiLang, colorScheme: 'light' | 'dark') {
    seeded ??= e2e().addAccount('status-oa', { kind: 'oa' });
    await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select('status-oa');
    return { app, console: new ConsolePage(app.page, lang) };
  }

  const colour = (c: ConsolePage, text: string) => c.statusSummary().getByText(text, { exact: true }).evaluate((el) => getComputedStyle(el).color);

  for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
    it(`says "HTTP 200 · errcode 40003" for a WeChat error and "HTTP 200" for a success (${lang}, ${scheme})`, async () => {
      const { app, console: c } = await openOn(lang, scheme);
      await c.pick('/cgi-bin/user/info');
      await c.queryValue(1).fill('');
      await c.send();
      await expect.poll(() => c.statusSummary().textContent()).toBe('HTTP 200 · errcode 40003');
      // The HTTP part is not painted as the failure; the errcode is.
      expect(await colour(c, 'HTTP 200')).not.toBe(await colour(c, 'errcode 40003'));
      await app.screenshot(`console-status-errcode.${lang}.${scheme}`);

      await c.pick('/cgi-bin/getcallbackip');
      await c.send();
      await expect.poll(() => c.statusSummary().textContent()).toBe('HTTP 200');
    });
  }
});
