/**
 * Issue 10: the keyboard in the console. Arrows and Enter pick an endpoint from the search box; Tab goes from the
 * search box to the editor without walking through every catalogue entry.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('the console by keyboard', () => {
  const e2e = useE2e();
  let seeded: Promise<unknown> | undefined;

  async function openOn(lang: UiLang, colorScheme: 'light' | 'dark') {
    seeded ??= e2e().addAccount('keys-oa', { kind: 'oa' });
    await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select('keys-oa');
    return { app, page: app.page, console: new ConsolePage(app.page, lang), t: textsFor(lang) };
  }

  for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
    it(`picks with the arrows and Enter, and Tab reaches the editor at once (${lang}, ${scheme})`, async () => {
      const { app, page, console: c, t } = await openOn(lang, scheme);
      await c.search.fill('user');
      const paths = await c.catalogue.locator('button.endpoint .endpoint-path').allTextContents();
      expect(paths.length).toBeGreaterThan(2);
      await c.section.getByText(t('console.pickerKeys')).waitFor();

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => c.path.inputValue()).toBe(paths[1]);
      await app.screenshot(`console-picker-keys.${lang}.${scheme}`);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await expect.poll(() => c.path.inputValue()).toBe(paths[0]);
      expect(await c.search.evaluate((el) => el === document.activeElement)).toBe(true);

      // Everything under "user" and still one Tab to the method selector.
      await c.search.fill('');
      await page.keyboard.press('Tab');
      expect(await c.method.evaluate((el) => el === document.activeElement)).toBe(true);
    });
  }
});
