/**
 * The renderer under the policy it ships with (no 'unsafe-inline' anywhere): served by `wxtoken serve` with
 * the same CSP header the desktop app's app:// handler sends, walked through its main views in Chromium,
 * it raises no CSP violation, the request body's CodeMirror editor included. The detector itself is checked against a style element the policy refuses.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { APP_CSP } from '../../../src/main/csp';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e/csp] skipped: ${skip}`);

/** Every violation is a failure (zod's `Function('')` probe too: the renderer's entry makes zod jitless). */
const violations = (page: Page) => page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []);

describe.skipIf(Boolean(skip))('the content security policy in Chromium', () => {
  const e2e = useE2e();

  it('is the strict one, and the renderer breaks none of it through its views and dialogs', async () => {
    await e2e().addAccount('csp-demo', { kind: 'oa' });
    const app = await e2e().open({ locale: 'en-US' });
    // A second page of the same context, with the listener in place before the app's first script runs.
    const page = await app.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(e2e().stack.url);
    expect(response?.headers()['content-security-policy']).toBe(APP_CSP);

    const sidebar = new SidebarPage(page, 'en');
    const dialogs = new DialogsPage(page, 'en');
    await sidebar.account('csp-demo').waitFor();
    await sidebar.select('csp-demo');
    await page.getByRole('region', { name: 'Request console' }).waitFor();
    // The body editor (CodeMirror) writes its styles at run time: through a constructable stylesheet in its
    // shadow root, which the policy allows. Styled means its own rules apply (a refused <style> would leave it bare).
    const editor = new ConsolePage(page, 'en');
    await editor.pick('/cgi-bin/message/custom/send');
    await editor.section.locator('.cm-gutters').waitFor({ state: 'attached' });
    expect(await violations(page)).toEqual([]);
    expect(await editor.section.locator('.cm-scroller').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    expect(await editor.section.locator('.cm-gutters').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    await editor.insertBody('{"touser": "o1",\n"msgtype" "text"}');
    await editor.section.locator('.cm-lintRange-error').waitFor();
    await dialogs.openSettings();
    await dialogs.languageSelect().selectOption('zh-CN');
    await new DialogsPage(page, 'zh-CN').settings.waitFor();
    await new DialogsPage(page, 'zh-CN').closeSettings();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('region', { name: '请求控制台' }).waitFor();
    expect(await violations(page)).toEqual([]);

    // The detector works: an inline <style> is refused and reported.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    // Reported once per policy that refuses it (the header and the meta tag).
    await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
    expect(new Set(await violations(page))).toEqual(new Set(['style-src-elem inline']));
    await page.close();
  });
});
