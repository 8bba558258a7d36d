/**
 * The sidebar at 40 accounts: sorted by name or by recent use, grouped by kind, filtered by kind words in
 * either language, the full name on hover, and an account paused after 45009 never shown as valid (green).
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { waitReady } from '../../support/e2e/e2e-browser';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

const KINDS = ['oa', 'mp', 'wecom'] as const;
const LONG = 'a-very-long-account-name-that-never-fits-in-the-sidebar-row-64';

describe.skipIf(Boolean(skip))('the sidebar at 40 accounts', () => {
  const e2e = useE2e();

  it('sorts, groups, filters by kind words, shows the full name on hover and never shows a paused account green', async () => {
    const { stack } = e2e();
    const names: Record<(typeof KINDS)[number], string[]> = { oa: [], mp: [], wecom: [] };
    const specs = Array.from({ length: 37 }, (_, i) => ({ name: `acct-${String(i + 1).padStart(2, '0')}`, kind: KINDS[i % 3] }));
    specs.push({ name: LONG, kind: 'mp' }, { name: 'zz-prod', kind: 'oa' });
    for (let i = 0; i < specs.length; i += 6) {
      await Promise.all(specs.slice(i, i + 6).map((s) => e2e().addAccount(s.name, { kind: s.kind }, 'stable')));
    }
    for (const s of specs) names[s.kind].push(s.name);
    // The 40th: a classic account with a cached token whose fetching is paused by 45009.
    await e2e().addAccount('paused-oa', { kind: 'oa', dailyQuota: 1 }, 'classic');
    names.oa.push('paused-oa');
    expect((await stack.call('getToken', { name: 'paused-oa' })).ok).toBe(true);
    expect(await stack.call('refreshToken', { name: 'paused-oa', force: true })).toMatchObject({ ok: false, error: { errcode: 45009 } });
    const all = Object.values(names).flat();
    expect(all).toHaveLength(40);
    const byName = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));

    const t = textsFor('en');
    const app = await e2e().open({ locale: 'en-US' });
    const sidebar = new SidebarPage(app.page, 'en');
    await expect.poll(() => sidebar.names(), { timeout: 10_000 }).toEqual(byName(all));

    // Paused: said so, and not the green dot of a usable token (although one is cached).
    const paused = sidebar.account('paused-oa');
    await expect.poll(() => paused.textContent(), { timeout: 10_000 }).toContain(t('state.paused'));
    expect(await paused.textContent()).not.toContain(t('state.fresh'));
    const dot = paused.locator('.dot');
    const green = await app.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    expect(await dot.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(green);
    expect(await dot.getAttribute('class')).not.toContain('dot-fresh');

    // The full name on hover, where the row cuts it short.
    const long = sidebar.account(LONG);
    expect(await long.getAttribute('title')).toBe(LONG);
    expect(await long.locator('.account-name').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    // Kind words, in either language, whole.
    for (const [word, kind] of [['mp', 'mp'], ['小程序', 'mp'], ['wecom', 'wecom'], ['企业微信', 'wecom'], ['公众号', 'oa'], ['OA', 'oa']] as const) {
      await sidebar.filter.fill(word);
      await expect.poll(() => sidebar.names(), { timeout: 10_000 }).toEqual(byName(names[kind]));
    }
    await sidebar.filter.fill('mp acct-05');
    await expect.poll(() => sidebar.names(), { timeout: 10_000 }).toEqual(['acct-05']);
    await sidebar.filter.fill('');

    // Recently used: the last selected first.
    await sidebar.select('acct-07');
    await sidebar.select('zz-prod');
    const sort = sidebar.region.getByRole('combobox', { name: t('sidebar.sort'), exact: true });
    await sort.selectOption('recent');
    await expect.poll(async () => (await sidebar.names()).slice(0, 2), { timeout: 10_000 }).toEqual(['zz-prod', 'acct-07']);
    await sort.selectOption('name');
    await expect.poll(() => sidebar.names(), { timeout: 10_000 }).toEqual(byName(all));

    // Grouped by kind, kept after a reload; and in zh-CN on a dark page.
    await sidebar.region.getByRole('checkbox', { name: t('sidebar.group'), exact: true }).check();
    const groups = sidebar.list.getByRole('group');
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBe(3);
    await app.screenshot('app.sidebar-40.grouped.en.light');
    await app.page.reload();
    await waitReady(app.page);
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBe(3);

    const zh = await e2e().open({ locale: 'zh-CN', colorScheme: 'dark' });
    const zt = textsFor('zh-CN');
    const zsidebar = new SidebarPage(zh.page, 'zh-CN');
    await zsidebar.region.getByRole('checkbox', { name: zt('sidebar.group'), exact: true }).check();
    for (const kind of KINDS) {
      const group = zsidebar.list.getByRole('group', { name: zt(`kind.${kind}`), exact: true });
      await expect.poll(() => group.locator('.account-name').allTextContents(), { timeout: 10_000 }).toEqual(byName(names[kind]));
    }
    await zh.screenshot('app.sidebar-40.grouped.zh-CN.dark');
    await e2e().expectNoSecretLeak(app);
  });
});
