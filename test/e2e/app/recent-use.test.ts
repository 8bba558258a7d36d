/**
 * Issue 10: "recently used" is kept by the core, not by one browser: an account selected in one window and one
 * used with `wxtoken call` come first in another window (another browser profile) sorted by recent use. A renamed
 * account keeps its place; a removed one added again has never been used.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('recently used, for every host', () => {
  const e2e = useE2e();

  it('orders a second browser by what the first one selected and what the CLI called', async () => {
    const { stack } = e2e();
    for (const name of ['alpha', 'beta', 'gamma', 'delta']) await e2e().addAccount(name, { kind: 'oa' });
    const cli = await runCli(['call', 'gamma', 'GET', '/cgi-bin/getcallbackip'], { env: { WXTOKEN_HOME: stack.home, WXTOKEN_KEYCHAIN_SERVICE: stack.service } });
    expect(cli.code).toBe(0);

    const first = await e2e().open({ locale: 'en-US' });
    await new SidebarPage(first.page, 'en').select('beta');

    // Another browser context: nothing of the first one's storage.
    const second = await e2e().open({ locale: 'zh-CN', colorScheme: 'dark' });
    const sidebar = new SidebarPage(second.page, 'zh-CN');
    await sidebar.account('alpha').waitFor();
    const t = textsFor('zh-CN');
    await sidebar.region.getByRole('combobox', { name: t('sidebar.sort'), exact: true }).selectOption('recent');
    await expect.poll(async () => (await sidebar.names()).slice(0, 2), { timeout: 10_000 }).toEqual(['beta', 'gamma']);

    // A rename keeps the place; removed and added again, an account has never been used.
    expect((await stack.call('editAccount', { name: 'beta', patch: { name: 'beta-2' } })).ok).toBe(true);
    expect((await stack.call('removeAccount', { name: 'gamma' })).ok).toBe(true);
    await e2e().addAccount('gamma', { kind: 'oa' });
    await expect.poll(() => sidebar.names(), { timeout: 10_000 }).toEqual(['beta-2', 'alpha', 'delta', 'gamma']);
    await second.screenshot('app.recent-use.zh-CN.dark');
  });
});
