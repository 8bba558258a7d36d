/**
 * Every button, in every state (normal, hover, keyboard focus, disabled), meets WCAG AA contrast in the light
 * and the dark theme: the main screen with and without a token, a request in flight (its "Cancel request"),
 * and each dialog.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';
import { checkButtons, type ContrastFailure } from './contrast';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('button contrast', () => {
  const e2e = useE2e();
  let seeded = false;

  for (const scheme of ['light', 'dark'] as const) {
    it(`meets WCAG AA in every state, ${scheme} theme`, async () => {
      const { stack } = e2e();
      if (!seeded) {
        seeded = true;
        await e2e().addAccount('ink-stable', { kind: 'oa' }, 'stable');
        await e2e().addAccount('ink-classic', { kind: 'mp' }, 'classic');
      }
      const lang = scheme === 'light' ? 'en' : 'zh-CN';
      const t = textsFor(lang);
      const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme: scheme });
      const { page } = app;
      const sidebar = new SidebarPage(page, lang);
      const card = new TokenCardPage(page, lang);
      const dialogs = new DialogsPage(page, lang);
      const failures: ContrastFailure[] = [];

      // No token yet (classic waits for "Get token"; Reveal is disabled).
      await sidebar.select('ink-classic');
      await card.getButton.and(card.card.locator('button:enabled')).waitFor();
      failures.push(...(await checkButtons(page, 'no token')));

      // A token, and the console.
      await sidebar.select('ink-stable');
      await card.ensureToken(t('token.noneYet'));
      failures.push(...(await checkButtons(page, 'token')));

      // A request in flight: "Cancel request" takes Send's place under the pointer.
      const c = new ConsolePage(page, lang);
      await c.pick('/cgi-bin/getcallbackip');
      stack.sim.setFault('/cgi-bin/getcallbackip', { kind: 'hang' }, 1);
      await c.sendButton.click();
      await c.cancelButton.waitFor();
      failures.push(...(await checkButtons(page, 'in flight')));
      await c.cancelButton.click();
      await c.sendButton.waitFor();

      // The dialogs.
      await sidebar.addButton.click();
      await dialogs.addAccount.waitFor();
      failures.push(...(await checkButtons(page, 'add dialog')));
      await dialogs.button(dialogs.addAccount, 'common.cancel').click();
      await dialogs.addAccount.waitFor({ state: 'detached' });

      await card.editButton.click();
      await dialogs.editAccount('ink-stable').waitFor();
      failures.push(...(await checkButtons(page, 'edit dialog')));
      await dialogs.button(dialogs.editAccount('ink-stable'), 'common.cancel').click();
      await dialogs.editAccount('ink-stable').waitFor({ state: 'detached' });

      await card.forceButton.click();
      await dialogs.forceRefresh('ink-stable').waitFor();
      failures.push(...(await checkButtons(page, 'force dialog')));
      await dialogs.forceRefresh('ink-stable').getByRole('button', { name: t('common.cancel'), exact: true }).click();
      await dialogs.forceRefresh('ink-stable').waitFor({ state: 'detached' });

      await card.removeButton.click();
      await dialogs.removeAccount('ink-stable').waitFor();
      failures.push(...(await checkButtons(page, 'remove dialog')));
      await dialogs.removeAccount('ink-stable').getByRole('button', { name: t('common.cancel'), exact: true }).click();
      await dialogs.removeAccount('ink-stable').waitFor({ state: 'detached' });

      await dialogs.openSettings();
      failures.push(...(await checkButtons(page, 'settings')));
      await dialogs.closeSettings();

      expect(failures).toEqual([]);
    });
  }
});
