/**
 * "Test credentials" in the add dialog is a dry run: the account, its secret and a token appear nowhere
 * (sidebar, accounts file, keychain, token cache) until Save, whether the test passes or fails, and Cancel
 * after it leaves everything as it was.
 */
import keytar from 'keytar';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { uniqueAppid } from '../../support/e2e/e2e-serve';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('test credentials is a dry run', () => {
  const e2e = useE2e();

  /** Whether the account left a trace anywhere: the API's list, the accounts file, the keychain, the token cache. */
  async function traces(name: string): Promise<string[]> {
    const { stack } = e2e();
    const found: string[] = [];
    const list = await stack.call('listAccounts', {});
    if (list.ok && list.value.some((a) => a.name === name)) found.push('listAccounts');
    const file = (f: string) => (existsSync(join(stack.home, f)) ? readFileSync(join(stack.home, f), 'utf8') : '');
    if (file('accounts.json').includes(`"${name}"`)) found.push('accounts.json');
    if (file('tokens.json').includes(`"${name}"`)) found.push('tokens.json');
    if ((await keytar.findCredentials(stack.service)).some((c) => c.account.endsWith(`:${name}`))) found.push('keychain');
    return found;
  }

  async function openAdd(lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    const sidebar = new SidebarPage(app.page, lang);
    const dialogs = new DialogsPage(app.page, lang);
    await sidebar.addButton.click();
    const d = dialogs.addAccount;
    await d.waitFor();
    return { app, sidebar, dialogs, d, t: textsFor(lang) };
  }

  it('passes without storing anything; Cancel leaves no account, no secret and no token; Save then stores it', async () => {
    const { stack } = e2e();
    const sim = { kind: 'oa' as const, appid: uniqueAppid(), secret: randomUUID().replace(/-/g, '') };
    stack.sim.addAccount(sim);
    e2e().rememberSecret(sim.secret);
    const { app, sidebar, dialogs, d, t } = await openAdd('en');

    await dialogs.textField(d, 'field.name').fill('dry-oa');
    await dialogs.textField(d, 'field.appid').fill(sim.appid);
    await dialogs.secretInput(d).fill(sim.secret);
    await dialogs.textField(d, 'field.apiBase').fill(stack.sim.url);
    await dialogs.button(d, 'account.test').click();
    await dialogs.testResult(d).getByText(/^Credentials work: got token /).waitFor();
    await dialogs.testResult(d).getByText(t('account.testNothingSaved')).waitFor();
    await app.screenshot('app.dry-run.en.light');

    // Still the add dialog, nothing in the sidebar or anywhere on disk or in the keychain.
    expect(await d.isVisible()).toBe(true);
    expect(await sidebar.account('dry-oa').count()).toBe(0);
    expect(await traces('dry-oa')).toEqual([]);

    await dialogs.button(d, 'common.cancel').click();
    await d.waitFor({ state: 'detached' });
    expect(await sidebar.account('dry-oa').count()).toBe(0);
    expect(await traces('dry-oa')).toEqual([]);

    // Save stores it, as before.
    await sidebar.addButton.click();
    await dialogs.fillAndSaveAccount({ name: 'dry-oa', appid: sim.appid, secret: sim.secret, apiBase: stack.sim.url });
    await sidebar.account('dry-oa').waitFor();
    expect(await traces('dry-oa')).toEqual(expect.arrayContaining(['listAccounts', 'accounts.json', 'keychain']));
    await e2e().expectNoSecretLeak(app);
  });

  it('fails in place (zh-CN, classic, wrong secret) without storing anything, and never uses the classic endpoint', async () => {
    const { stack } = e2e();
    const sim = { kind: 'mp' as const, appid: uniqueAppid(), secret: randomUUID().replace(/-/g, '') };
    stack.sim.addAccount(sim);
    const wrong = randomUUID().replace(/-/g, '');
    e2e().rememberSecret(sim.secret);
    e2e().rememberSecret(wrong);
    const { app, sidebar, dialogs, d, t } = await openAdd('zh-CN', 'dark');

    await dialogs.textField(d, 'field.name').fill('dry-mp');
    await d.getByRole('radio', { name: t('kind.mp'), exact: true }).check();
    await dialogs.textField(d, 'field.appid').fill(sim.appid);
    await dialogs.secretInput(d).fill(wrong);
    await d.getByRole('radio', { name: t('mode.classic'), exact: true }).check();
    await dialogs.textField(d, 'field.apiBase').fill(stack.sim.url);
    const classic = stack.sim.count('/cgi-bin/token');

    await dialogs.button(d, 'account.test').click();
    const failed = dialogs.testResult(d).getByRole('alert');
    await failed.waitFor();
    expect((await failed.textContent()) ?? '').toContain(t('account.testFailed'));
    expect(await d.isVisible()).toBe(true);
    expect(await traces('dry-mp')).toEqual([]);

    // The right secret passes, still through the stable endpoint: a classic fetch would invalidate the token in use.
    await dialogs.secretInput(d).fill(sim.secret);
    await dialogs.button(d, 'account.test').click();
    await dialogs.testResult(d).getByText(t('account.testClassicNote')).waitFor();
    await app.screenshot('app.dry-run.zh-CN.dark');
    expect(stack.sim.count('/cgi-bin/token')).toBe(classic);
    expect(await traces('dry-mp')).toEqual([]);
    await dialogs.button(d, 'common.cancel').click();
    await d.waitFor({ state: 'detached' });
    expect(await sidebar.account('dry-mp').count()).toBe(0);
    expect(await traces('dry-mp')).toEqual([]);
    await e2e().expectNoSecretLeak(app);
  });
});
