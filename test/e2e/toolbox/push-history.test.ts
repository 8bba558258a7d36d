/**
 * The Push panel's history in Chromium against `wxtoken serve`: pushes made in the page and elsewhere (another
 * client of the same core) are listed after a reload, newest first, and any of them can be shown again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { startCallbackServer, type CallbackServer } from '../../support/toolbox/callback-server';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { ToolboxPage } from '../pages/toolbox';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

const TOKEN = 'e2eHistoryToken1';

describe.skipIf(Boolean(skip))('the push history', () => {
  const e2e = useE2e();
  let server: CallbackServer | undefined;
  afterEach(async () => server?.close());

  async function openOn(name: string, lang: UiLang) {
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    await new SidebarPage(app.page, lang).select(name);
    const box = new ToolboxPage(app.page, lang);
    await box.tab('push');
    return { app, box, t: textsFor(lang) };
  }

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`lists earlier pushes after a reload, newest first, and shows one again (${lang})`, async () => {
      const name = `hist-oa-${lang}`;
      await e2e().addAccount(name, { kind: 'oa' }, 'stable');
      const srv = (server = await startCallbackServer({ token: TOKEN }));
      srv.answer = (r) => ({ body: r.query.get('echostr') ?? 'success' });
      expect((await e2e().stack.call('setCallbackConfig', { name, token: TOKEN, aesKey: '' })).ok).toBe(true);
      // A push from another client of the same core (a script, the CLI's serve).
      expect((await e2e().stack.call('pushMessage', { name, to: srv.url, verify: true })).ok).toBe(true);

      const first = await openOn(name, lang);
      const history = first.box.section.getByRole('region', { name: first.t('toolbox.push.history'), exact: true });
      await history.getByRole('listitem').first().waitFor();
      expect(await history.getByRole('listitem').count()).toBe(1);
      expect(await history.textContent()).toContain(lang === 'en' ? 'URL check passed' : 'URL 验证通过');

      // A push from the page, then a reload: both are there, the newest first.
      srv.answer = () => ({ body: 'nope' });
      await first.box.field(first.t('toolbox.push.to')).fill(srv.url);
      await first.box.field(first.t('toolbox.push.what')).selectOption('text');
      await first.box.button(first.t('toolbox.push.send'));
      await first.box.verdict.waitFor();
      await expect.poll(() => history.getByRole('listitem').count()).toBe(2);
      await first.app.close();

      const { box, t } = await openOn(name, lang);
      const again = box.section.getByRole('region', { name: t('toolbox.push.history'), exact: true });
      await expect.poll(() => again.getByRole('listitem').count()).toBe(2);
      const items = await again.getByRole('listitem').allTextContents();
      expect(items[0]).toMatch(/^✗ text POST /);
      expect(items[1]).toMatch(/^✓ verify GET /);
      // Showing one again: the request, reply and verdict of that push.
      await again.getByRole('listitem').nth(1).getByRole('button').click();
      await box.verdict.waitFor();
      expect(await box.verdict.textContent()).toContain(lang === 'en' ? 'URL check passed' : 'URL 验证通过');
      expect(await box.section.textContent()).not.toContain(TOKEN);
    });
  }
});
