/**
 * At 1024×640 (a small laptop screen) the main areas are in view without scrolling or a sideways scrollbar,
 * and every dialog's Save / confirm button is visible the moment the dialog opens — in both languages and
 * both themes.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

/** Whether the element is wholly inside the window and inside every scrolling box around it, as things stand. */
const inView = (el: Locator) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
    for (let p = node.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) continue;
      const b = p.getBoundingClientRect();
      if (r.top < b.top - 1 || r.bottom > b.bottom + 1 || r.left < b.left - 1 || r.right > b.right + 1) return false;
    }
    return true;
  });

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth && document.querySelector('.content')!.scrollWidth <= document.querySelector('.content')!.clientWidth);

describe.skipIf(Boolean(skip))('1024×640', () => {
  const e2e = useE2e();
  let seeded = false;

  for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
    it(`keeps the main areas and the dialogs' buttons in view (${lang}, ${scheme})`, async () => {
      if (!seeded) {
        seeded = true;
        for (let i = 1; i <= 12; i++) await e2e().addAccount(`small-${String(i).padStart(2, '0')}`, { kind: i % 2 ? 'oa' : 'mp' }, 'stable');
      }
      const t = textsFor(lang);
      const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme: scheme });
      const { page } = app;
      await page.setViewportSize({ width: 1024, height: 640 });
      const sidebar = new SidebarPage(page, lang);
      const card = new TokenCardPage(page, lang);
      const dialogs = new DialogsPage(page, lang);
      const c = new ConsolePage(page, lang);
      await sidebar.select('small-01');
      await card.ensureToken(t('token.noneYet'));
      await page.evaluate(() => document.querySelector('.content')?.scrollTo(0, 0));

      const settingsButton = page.getByRole('banner').getByRole('button', { name: t('settings.open'), exact: true });
      for (const [what, el] of [
        ['settings', settingsButton],
        ['filter', sidebar.filter],
        ['add account', sidebar.addButton],
        ['copy token', card.copyButton],
        ['refresh', card.refreshButton],
        ['console heading', c.section.getByRole('heading', { name: t('console.title'), exact: true })],
      ] as const) {
        expect(await inView(el), `${what} in view`).toBe(true);
      }
      expect(await noSidewaysScroll(page)).toBe(true);
      await app.screenshot(`app.1024x640.main.${lang}.${scheme}`);

      // Each dialog's main button is in view as soon as it opens (the form scrolls under it).
      const checks: [string, () => Promise<void>, Locator, () => Promise<void>][] = [
        [
          'add',
          () => sidebar.addButton.click(),
          dialogs.button(dialogs.addAccount, 'common.save'),
          () => dialogs.button(dialogs.addAccount, 'common.cancel').click(),
        ],
        [
          'edit',
          () => card.editButton.click(),
          dialogs.button(dialogs.editAccount('small-01'), 'common.save'),
          () => dialogs.button(dialogs.editAccount('small-01'), 'common.cancel').click(),
        ],
        [
          'force',
          () => card.forceButton.click(),
          dialogs.forceConfirm('small-01'),
          () => dialogs.forceRefresh('small-01').getByRole('button', { name: t('common.cancel'), exact: true }).click(),
        ],
        [
          'remove',
          () => card.removeButton.click(),
          dialogs.removeConfirm('small-01'),
          () => dialogs.removeAccount('small-01').getByRole('button', { name: t('common.cancel'), exact: true }).click(),
        ],
        ['settings', () => settingsButton.click(), dialogs.settings.getByRole('button', { name: t('common.close'), exact: true }), () => dialogs.closeSettings()],
      ];
      for (const [what, open, button, close] of checks) {
        await open();
        await button.waitFor();
        expect(await inView(button), `${what} dialog's button in view`).toBe(true);
        if (what === 'add') await app.screenshot(`app.1024x640.add-dialog.${lang}.${scheme}`);
        await close();
        await button.waitFor({ state: 'detached' });
      }
      await e2e().expectNoSecretLeak(app);
    });
  }
});
