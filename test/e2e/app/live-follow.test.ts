/**
 * The open UI follows other processes: an account added with `wxtoken account add`, a token forced with
 * `wxtoken token X --force`, a request made with `wxtoken call` and settings written by another process
 * all reach every open page without a reload.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { uniqueAppid } from '../../support/e2e/e2e-serve';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

/** "Within a second or two", with room for a loaded machine; every wait ends as soon as the page shows it. */
const FOLLOW_MS = 5000;

describe.skipIf(Boolean(skip))('the UI follows other processes', () => {
  const e2e = useE2e();

  const cli = (args: string[], input?: string) =>
    runCli(args, { input, env: { WXTOKEN_HOME: e2e().stack.home, WXTOKEN_KEYCHAIN_SERVICE: e2e().stack.service } });

  it('shows accounts, tokens, history and settings that the CLI and other processes change, in every open page', async () => {
    const { stack } = e2e();
    await e2e().addAccount('live-a', { kind: 'oa' });
    const t = textsFor('en');
    const pages = await Promise.all([e2e().open({ locale: 'en-US' }), e2e().open({ locale: 'en-US', colorScheme: 'dark' })]);
    const views = pages.map((app) => ({ app, sidebar: new SidebarPage(app.page, 'en'), card: new TokenCardPage(app.page, 'en') }));
    for (const v of views) await v.sidebar.select('live-a');
    const masked = await views[0].card.ensureToken(t('token.noneYet'));
    await expect.poll(() => views[1].card.shown(), { timeout: 10_000 }).toBe(masked);

    // wxtoken account add, in another process.
    const appid = uniqueAppid();
    const secret = randomUUID().replace(/-/g, '');
    stack.sim.addAccount({ kind: 'mp', appid, secret });
    e2e().rememberSecret(secret);
    const added = await cli(['account', 'add', 'live-cli', '--appid', appid, '--kind', 'mp', '--api-base', stack.sim.url], secret);
    expect(added.code, added.stderr).toBe(0);
    for (const v of views) await v.sidebar.account('live-cli').waitFor({ timeout: FOLLOW_MS });

    // wxtoken token --force: the card shows the new token, not the old one as valid.
    const forced = await cli(['token', 'live-a', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const fresh = forced.stdout.trim();
    expect(fresh).toMatch(/^\S{20,}$/);
    for (const v of views) {
      await expect.poll(() => v.card.shown(), { timeout: FOLLOW_MS }).not.toBe(masked);
      expect(await v.card.shown()).toBe(`${fresh.slice(0, 6)}…${fresh.slice(-4)}`);
    }
    await views[1].app.screenshot('app.live-follow.en.dark');

    // wxtoken call: the request shows in the open history.
    const history = views[0].app.page.getByRole('region', { name: t('history.title'), exact: true });
    const before = await history.getByRole('listitem').count();
    const called = await cli(['call', 'live-a', 'GET', '/cgi-bin/getcallbackip']);
    expect(called.code, called.stderr).toBe(0);
    await expect.poll(() => history.getByRole('listitem').count(), { timeout: FOLLOW_MS }).toBe(before + 1);

    // settings.json replaced by another process (as every wxtoken process writes it): the language follows.
    const file = join(stack.home, 'settings.json');
    const saved = await readFile(file, 'utf8').catch(() => '{"version":1}');
    const write = async (language: string) => {
      await writeFile(`${file}.tmp-test`, JSON.stringify({ ...JSON.parse(saved), version: 1, language }));
      await rename(`${file}.tmp-test`, file);
    };
    await write('zh-CN');
    for (const v of views) await expect.poll(() => v.app.page.getAttribute('html', 'lang'), { timeout: FOLLOW_MS }).toBe('zh-CN');
    await write('system');
    for (const v of views) await expect.poll(() => v.app.page.getAttribute('html', 'lang'), { timeout: FOLLOW_MS }).toBe('en');
    for (const v of views) await e2e().expectNoSecretLeak(v.app);
  });
});
