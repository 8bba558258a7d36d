/**
 * Issue 10, surprise 2: side effects and the wrong account. Send says whose token it uses, asks once before a
 * destructive or quota-spending endpoint and before one meant for another kind of account, fills the AppID it
 * knows and holds Send while a placeholder it cannot fill (OPENID, MEDIA_ID) is left.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('the console never surprises', () => {
  const e2e = useE2e();
  let seeded: Promise<{ oa: string; mp: string }> | undefined;

  async function openOn(account: string, lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    seeded ??= (async () => {
      const oa = await e2e().addAccount('safe-oa', { kind: 'oa' });
      const mp = await e2e().addAccount('safe-mp', { kind: 'mp' });
      return { oa: oa.appid, mp: mp.appid };
    })();
    const appids = await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    const sidebar = new SidebarPage(app.page, lang);
    await sidebar.select(account);
    return { app, sidebar, appids, console: new ConsolePage(app.page, lang), t: textsFor(lang) };
  }

  it('fills the AppID, asks once before clear_quota and menu/delete, and sends only when confirmed', async () => {
    const { sim } = e2e().stack;
    const { app, console: c, appids, t } = await openOn('safe-oa', 'en');
    await c.sendAs('safe-oa').waitFor();

    await c.pick('/cgi-bin/clear_quota');
    expect(JSON.parse(await c.bodyText())).toEqual({ appid: appids.oa });
    const clears = sim.count('/cgi-bin/clear_quota');
    await c.sendAs('safe-oa').click();
    await c.confirmDialog.waitFor();
    expect(await c.confirmDialog.textContent()).toContain('10 times a month');
    await app.screenshot('console-confirm-quota.en.light');
    await c.confirmDialog.getByRole('button', { name: t('common.cancel'), exact: true }).click();
    await c.confirmDialog.waitFor({ state: 'detached' });
    expect(sim.count('/cgi-bin/clear_quota')).toBe(clears);

    await c.sendAs('safe-oa').click();
    await c.confirmDialog.getByRole('button', { name: t('console.confirmSend'), exact: true }).click();
    await c.settled();
    expect(sim.count('/cgi-bin/clear_quota')).toBe(clears + 1);
    expect(await c.responseError.count()).toBe(0);

    // A wrong AppID typed into the body: the advice points at the request, not at the account settings.
    await c.insertBody('{"appid": "wx0000000000000000"}');
    await c.sendAs('safe-oa').click();
    await c.confirmDialog.getByRole('button', { name: t('console.confirmSend'), exact: true }).click();
    await c.settled();
    const advice = (await c.responseError.textContent()) ?? '';
    expect(advice).toContain('40013');
    expect(advice).toContain('check the appid in the request');
    expect(advice).not.toContain('in the account settings');

    await c.pick('/cgi-bin/menu/delete');
    const deletes = sim.count('/cgi-bin/menu/delete');
    await c.path.focus();
    await app.page.keyboard.press('Control+Enter');
    await c.confirmDialog.waitFor();
    expect(await c.confirmDialog.textContent()).toContain('cannot be undone');
    await app.page.keyboard.press('Escape');
    await c.confirmDialog.waitFor({ state: 'detached' });
    expect(sim.count('/cgi-bin/menu/delete')).toBe(deletes);
    await e2e().expectNoSecretLeak(app);
  });

  it('holds Send while OPENID or MEDIA_ID is left, and says so in Chinese', async () => {
    const { app, console: c, t } = await openOn('safe-oa', 'zh-CN', 'dark');
    await c.pick('/cgi-bin/message/custom/send');
    expect(await c.sendAs('safe-oa').isDisabled()).toBe(true);
    expect(await c.placeholdersLeft.textContent()).toBe(t('console.placeholdersLeft', { names: `OPENID (${t('console.bodyLine', { line: 2 })})` }));
    await app.screenshot('console-placeholders.zh-CN.dark');
    await c.insertBody('{"touser": "o-real-user", "msgtype": "text", "text": {"content": "hi"}}');
    await expect.poll(() => c.sendAs('safe-oa').isDisabled()).toBe(false);

    await c.pick('/cgi-bin/media/get');
    expect(await c.queryValue(1).getAttribute('aria-invalid')).toBe('true');
    expect(await c.sendAs('safe-oa').isDisabled()).toBe(true);
    await c.queryValue(1).fill('m-real');
    await expect.poll(() => c.sendAs('safe-oa').isDisabled()).toBe(false);
    expect(await c.placeholdersLeft.count()).toBe(0);
  });

  it('says whose token Send uses after switching accounts, and warns before an endpoint of another kind', async () => {
    const { sim } = e2e().stack;
    for (const lang of ['en', 'zh-CN'] as const) {
      const { app, sidebar, console: c, t } = await openOn('safe-oa', lang);
      await c.pick('/cgi-bin/menu/get');
      await sidebar.select('safe-mp');
      // The editor keeps the request; the button now names the Mini Program.
      expect(await c.path.inputValue()).toBe('/cgi-bin/menu/get');
      await c.sendAs('safe-mp').waitFor();
      const mismatch = t('console.kindMismatch', { kinds: t('console.kindLong.oa'), account: 'safe-mp', kind: t('console.kindLong.mp') });
      await c.section.getByText(mismatch).waitFor();
      const calls = sim.count('/cgi-bin/menu/get');
      await c.sendAs('safe-mp').click();
      await c.confirmDialog.getByText(mismatch).waitFor();
      if (lang === 'en') await app.screenshot('console-confirm-kind.en.light');
      await c.confirmDialog.getByRole('button', { name: t('console.confirmSend'), exact: true }).click();
      await c.settled();
      expect(sim.count('/cgi-bin/menu/get')).toBe(calls + 1);
      expect((await c.responseError.textContent()) ?? '').toContain('48001');
    }
  });

  it('moves a filled-in AppID to the account selected next', async () => {
    const { console: c, sidebar, appids } = await openOn('safe-oa', 'en');
    await c.pick('/cgi-bin/clear_quota');
    await sidebar.select('safe-mp');
    await c.sendAs('safe-mp').waitFor();
    expect(JSON.parse(await c.bodyText())).toEqual({ appid: appids.mp });
  });
});
