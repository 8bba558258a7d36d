/**
 * Issue 10, surprise 5: a URL from WeChat's docs or a cURL command pasted into the path field becomes path, query
 * rows and body, without access_token; a host that is not WeChat's is named and not used; a bad path is
 * explained in the UI's language throughout.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

const DOCS_URL = 'https://api.weixin.qq.com/cgi-bin/user/get?access_token=ACCESS_TOKEN&next_openid=';
const CURL = `curl -X POST 'https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=ACCESS_TOKEN' \\
  -H 'Content-Type: application/json' \\
  -d '{"touser":"o-pasted","msgtype":"text","text":{"content":"hi"}}'`;

describe.skipIf(Boolean(skip))('pasting a URL or a cURL command into the console', () => {
  const e2e = useE2e();
  let seeded: Promise<unknown> | undefined;

  async function openOn(lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    seeded ??= e2e().addAccount('paste-oa', { kind: 'oa' });
    await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select('paste-oa');
    const c = new ConsolePage(app.page, lang);
    const paste = async (text: string) => {
      await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await c.path.fill('');
      await c.path.focus();
      await app.page.keyboard.press('Control+V');
    };
    return { app, console: c, paste, t: textsFor(lang) };
  }

  it('splits a docs URL into path and query rows, drops access_token and sends to the account (zh)', async () => {
    const { sim } = e2e().stack;
    const { app, console: c, paste, t } = await openOn('zh-CN');
    await paste(DOCS_URL);
    await expect.poll(() => c.path.inputValue()).toBe('/cgi-bin/user/get');
    expect(await c.queryRows()).toEqual([['next_openid', '']]);
    await c.section.getByText(t('console.pastedToken', { account: 'paste-oa' })).waitFor();
    await app.screenshot('console-pasted-url.zh-CN.light');
    const calls = sim.count('/cgi-bin/user/get');
    await c.send();
    expect(sim.count('/cgi-bin/user/get')).toBe(calls + 1);
    expect(await c.responseError.count()).toBe(0);
  });

  it('takes method, URL and body from a pasted cURL command', async () => {
    const { app, console: c, paste } = await openOn('en', 'dark');
    await paste(CURL);
    await expect.poll(() => c.path.inputValue()).toBe('/cgi-bin/message/custom/send');
    expect(await c.method.inputValue()).toBe('POST');
    expect(await c.queryRows()).toEqual([]);
    expect(JSON.parse(await c.bodyText())).toEqual({ touser: 'o-pasted', msgtype: 'text', text: { content: 'hi' } });
    await app.screenshot('console-pasted-curl.en.dark');
  });

  it('names a host that is not WeChat’s and keeps the account’s API base', async () => {
    const { stack } = e2e();
    const { console: c, paste, t } = await openOn('en');
    await paste('https://example.com/cgi-bin/menu/get?access_token=abc&x=1');
    await expect.poll(() => c.path.inputValue()).toBe('/cgi-bin/menu/get');
    expect(await c.queryRows()).toEqual([['x', '1']]);
    await c.section.getByText(t('console.pastedOtherHost', { host: 'example.com', account: 'paste-oa', base: stack.sim.url })).waitFor();
    // PATH?query typed by hand splits when the field is left.
    await c.path.fill('/cgi-bin/user/info?openid=o-typed&lang=en');
    await c.method.focus();
    await expect.poll(() => c.path.inputValue()).toBe('/cgi-bin/user/info');
    expect(await c.queryRows()).toEqual([['openid', 'o-typed'], ['lang', 'en']]);
  });

  it('explains a path it cannot send in Chinese throughout', async () => {
    const { console: c } = await openOn('zh-CN', 'dark');
    await c.path.fill('cgi-bin/user get');
    await c.send();
    const said = (await c.responseError.textContent()) ?? '';
    expect(said).toContain('路径必须以 "/" 开头');
    expect(said).not.toMatch(/must|start with|Invalid/);
  });
});
