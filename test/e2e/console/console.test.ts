/**
 * The request console against the simulator: a catalogue call and its JSON tree, a bad call explained,
 * re-running from the history, and the IP-whitelist error (40164) with the caller IP to copy.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

/** A documentation address (RFC 5737): the IP the simulator sees us calling from. */
const CALLER_IP = '203.0.113.7';

describe.skipIf(Boolean(skip))('the request console', () => {
  const e2e = useE2e({ callerIp: CALLER_IP });
  let seeded = false;

  async function openOn(account: string, lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    if (!seeded) {
      seeded = true;
      await e2e().addAccount('demo-oa', { kind: 'oa' });
      await e2e().addAccount('locked-oa', { kind: 'oa', ipWhitelist: ['198.51.100.0/24'] });
    }
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    const sidebar = new SidebarPage(app.page, lang);
    await sidebar.select(account);
    return { app, sidebar, card: new TokenCardPage(app.page, lang), console: new ConsolePage(app.page, lang), t: textsFor(lang) };
  }

  it('sends user/get from the catalogue and shows the status and the JSON tree, then explains a bad call', async () => {
    const { app, console: c } = await openOn('demo-oa', 'en');
    await c.pick('/cgi-bin/user/get');
    expect(await c.path.inputValue()).toBe('/cgi-bin/user/get');
    await c.send();
    await c.status(200).waitFor();
    await c.tree.waitFor();
    const tree = (await c.tree.textContent()) ?? '';
    expect(tree).toContain('total');
    expect(tree).toContain('next_openid');
    await app.screenshot('console-response.en.light');

    // user/info without an openid: WeChat answers 40003, the console says what it means and what to do.
    await c.pick('/cgi-bin/user/info');
    await c.queryValue(1).fill('');
    await c.send();
    await c.responseError.waitFor();
    const explained = (await c.responseError.textContent()) ?? '';
    expect(explained).toContain('40003');
    expect(explained).toContain('Invalid openid');
    expect(explained).toContain('An openid belongs to one AppID');

    await e2e().expectNoSecretLeak(app);
  });

  it('re-runs a request from the history', async () => {
    const { stack } = e2e();
    const { app, console: c } = await openOn('demo-oa', 'zh-CN', 'dark');
    await c.pick('/cgi-bin/user/get');
    await c.send();
    await c.status(200).waitFor();
    await app.screenshot('console-response.zh-CN.dark');

    const entries = await c.historyEntries().count();
    const calls = stack.sim.count('/cgi-bin/user/get');
    await c.rerunButton('/cgi-bin/user/get').first().click();
    await expect.poll(() => c.historyEntries().count(), { timeout: 10_000 }).toBe(entries + 1);
    expect(stack.sim.count('/cgi-bin/user/get')).toBe(calls + 1);
    await c.status(200).waitFor();
    await e2e().expectNoSecretLeak(app);
  });

  it('shows the caller IP of a 40164 with its own copy button', async () => {
    for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
      const { app, card, t } = await openOn('locked-oa', lang, scheme);
      if (!(await card.error.isVisible())) await card.getButton.click();
      await card.error.waitFor();
      const text = (await card.error.textContent()) ?? '';
      expect(text).toContain('40164');
      expect(text).toContain(`${t('error.callerIp')} ${CALLER_IP}`);
      expect(text).toContain(lang === 'en' ? 'IP whitelist' : 'IP白名单');
      await card.copyIpButton.click();
      expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(CALLER_IP);
      await app.screenshot(`error-40164.${lang}.${scheme}`);
      await e2e().expectNoSecretLeak(app);
    }
  });
});
