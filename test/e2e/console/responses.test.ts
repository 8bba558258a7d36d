/**
 * The console's edges: the JSON body editor (where the JSON breaks, "format"), Ctrl/Cmd+Enter, cancelling a
 * slow call, binary answers (a Mini Program code shown inline, media offered as a download with its bytes),
 * "copy as cURL" without the real token; and 45009 on the token card, paused until the user resumes.
 */
import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/shared/errors/errors';
import { SIM_MEDIA_ID } from '../../simulator';
import { MEDIA_JPEG } from '../../simulator/business/images';
import { downloadedBytes } from '../../support/e2e/e2e-browser';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('console responses and the daily quota', () => {
  const e2e = useE2e();
  let seeded = false;

  async function openOn(account: string, lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    if (!seeded) {
      seeded = true;
      await e2e().addAccount('resp-oa', { kind: 'oa' });
      await e2e().addAccount('resp-mp', { kind: 'mp' });
    }
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    const sidebar = new SidebarPage(app.page, lang);
    await sidebar.select(account);
    return { app, page: app.page, sidebar, card: new TokenCardPage(app.page, lang), console: new ConsolePage(app.page, lang), t: textsFor(lang) };
  }

  it('says where a JSON body breaks, formats valid JSON, and sends with Ctrl+Enter', async () => {
    const { stack } = e2e();
    const { app, page, console: c, t } = await openOn('resp-oa', 'en');
    await c.pick('/cgi-bin/message/custom/send');
    // Line 2 lacks the ':' after "msgtype": the error names line 2 and the column after the key. (Typing it,
    // Enter's indent included, is console-editor.test.ts's subject.)
    await c.insertBody('{"touser": "o1",\n  "msgtype" "text"}');
    await expect.poll(() => c.bodyCheck()).toMatch(/^JSON error at line 2, column 13: /);
    expect(await c.body.getAttribute('aria-invalid')).toBe('true');
    expect(await c.formatButton.isDisabled()).toBe(true);
    await app.screenshot('console-json-error.en.light');

    const compact = '{"touser":"o1","msgtype":"text","text":{"content":"hi"}}';
    await c.insertBody(compact);
    await expect.poll(() => c.bodyCheck()).toBe(t('console.jsonOk'));
    await c.formatButton.click();
    await expect.poll(() => c.bodyText()).toBe(JSON.stringify(JSON.parse(compact), null, 2));
    expect(await c.body.getAttribute('aria-invalid')).toBeNull();

    // Ctrl+Enter from the path field sends what the editor holds.
    await c.pick('/cgi-bin/getcallbackip');
    const calls = stack.sim.count('/cgi-bin/getcallbackip');
    await c.path.focus();
    await page.keyboard.press('Control+Enter');
    await c.settled();
    await c.status(200).waitFor();
    expect(stack.sim.count('/cgi-bin/getcallbackip')).toBe(calls + 1);
    expect((await c.tree.textContent()) ?? '').toContain('ip_list');
    await e2e().expectNoSecretLeak(app);
  });

  it('cancels a slow request at once and says so', async () => {
    const { stack } = e2e();
    const { app, console: c, t } = await openOn('resp-oa', 'zh-CN');
    stack.sim.setFault('/cgi-bin/user/get', { kind: 'latency', ms: 5000 });
    try {
      await c.pick('/cgi-bin/user/get');
      const calls = stack.sim.count('/cgi-bin/user/get');
      await c.sendButton.click();
      await c.response.and(c.section.locator('[aria-busy="true"]')).waitFor();
      await expect.poll(() => stack.sim.count('/cgi-bin/user/get')).toBe(calls + 1);
      await c.cancelButton.click();
      // Well before the simulator would answer: the response area says the request was cancelled.
      await c.responseError.getByText(appError('cancelled').message.zh).waitFor({ timeout: 3_000 });
      await app.page.getByRole('status').getByText(t('console.cancelled')).waitFor({ timeout: 3_000 });
      await c.sendButton.waitFor({ timeout: 3_000 });
      expect(await c.status(200).count()).toBe(0);
      // Cancelling does not send it again.
      expect(stack.sim.count('/cgi-bin/user/get')).toBe(calls + 1);
      await app.screenshot('console-cancelled.zh-CN.light');
    } finally {
      stack.sim.setFault('/cgi-bin/user/get', undefined);
    }
    await e2e().expectNoSecretLeak(app);
  });

  it('shows a Mini Program code from getwxacodeunlimit inline as an image', async () => {
    const { app, console: c } = await openOn('resp-mp', 'en', 'dark');
    await c.pick('/wxa/getwxacodeunlimit');
    await c.send();
    await c.status(200).waitFor();
    await c.image.waitFor();
    const size = await c.image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([64, 64]);
    expect((await c.statusLine.textContent()) ?? '').toContain('image/jpeg');
    await app.screenshot('console-wxacode.en.dark');
    await e2e().expectNoSecretLeak(app);
  });

  it('offers media/get as a download with the file name and bytes the server sent', async () => {
    const { app, page, console: c } = await openOn('resp-oa', 'en');
    await c.pick('/cgi-bin/media/get');
    await c.queryValue(1).fill(SIM_MEDIA_ID);
    await c.send();
    await c.status(200).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), c.saveAs.click()]);
    expect(download.suggestedFilename()).toBe(`${SIM_MEDIA_ID}.jpg`);
    const bytes = await downloadedBytes(download);
    expect(bytes.equals(MEDIA_JPEG)).toBe(true);
    await e2e().expectNoSecretLeak(app);
  });

  it('copies a cURL command with the ACCESS_TOKEN placeholder, never the real token', async () => {
    const { stack } = e2e();
    const { app, page, console: c } = await openOn('resp-oa', 'en');
    await c.pick('/cgi-bin/user/get');
    await c.send();
    await c.status(200).waitFor();
    await c.copyCurlButton.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl /);
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain(`${stack.sim.url}/cgi-bin/user/get?access_token=ACCESS_TOKEN`);
    expect(curl).not.toContain(await stack.tokenOf('resp-oa'));
    await e2e().expectNoSecretLeak(app);
  });

  it('45009: shows the quota error and "resume fetching"; after the quota is raised, resuming gets a token', async () => {
    const { stack } = e2e();
    const sim = await e2e().addAccount('quota-oa', { kind: 'oa', dailyQuota: 0 }, 'classic');
    for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
      const { app, card } = await openOn('quota-oa', lang, scheme);
      if (!(await card.error.isVisible())) await card.getButton.click();
      await card.error.waitFor();
      const text = (await card.error.textContent()) ?? '';
      expect(text).toContain('45009');
      expect(text).toContain(lang === 'en' ? 'resume fetching' : '恢复获取');
      await card.resumeButton.waitFor({ timeout: 5_000 });
      expect(await card.getButton.isDisabled()).toBe(true);
      await app.screenshot(`error-45009.${lang}.${scheme}`);
      await e2e().expectNoSecretLeak(app);
    }

    // The quota is reset on the platform (here: the simulator gets the account back with room to spare).
    stack.sim.addAccount({ ...sim, dailyQuota: 5 });
    const { app, card, t } = await openOn('quota-oa', 'en');
    await card.resumeButton.click();
    await card.resumeButton.waitFor({ state: 'detached' });
    const masked = await card.ensureToken(t('token.noneYet'));
    const token = await stack.tokenOf('quota-oa');
    expect(masked.startsWith(token.slice(0, 4)) && masked.endsWith(token.slice(-4))).toBe(true);
    expect(await card.error.count()).toBe(0);
    await e2e().expectNoSecretLeak(app);
  });
});
