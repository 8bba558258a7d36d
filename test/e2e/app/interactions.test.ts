/**
 * Working the UI by keyboard and through its dialogs: arrows and the filter shortcut in the sidebar, the add
 * dialog refusing a bad AppID or a taken name next to the field, the edit dialog keeping the secret
 * write-only and testing credentials in place, and removing an account (asked once, gone everywhere).
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { uniqueAppid } from '../../support/e2e/e2e-serve';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('keyboard and dialogs', () => {
  const e2e = useE2e();

  async function open(lang: UiLang, colorScheme: 'light' | 'dark' = 'light') {
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    const { page } = app;
    return { app, page, t: textsFor(lang), sidebar: new SidebarPage(page, lang), card: new TokenCardPage(page, lang), dialogs: new DialogsPage(page, lang) };
  }

  // Runs first, while the data folder has no account yet.
  it('shows the empty state in English on a dark page, and "/" still finds the filter', async () => {
    const { app, page, t, sidebar } = await open('en', 'dark');
    await page.getByRole('heading', { name: t('empty.title') }).waitFor();
    await page.getByRole('button', { name: t('account.addFirst') }).waitFor();
    // The dark theme really applies: the page background is dark, the text light.
    const [bg, fg] = await page.evaluate(() => {
      const lum = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, v) => sum + Number(v), 0) / 3;
      const body = getComputedStyle(document.body);
      return [lum(body.backgroundColor), lum(body.color)];
    });
    expect(bg).toBeLessThan(80);
    expect(fg).toBeGreaterThan(160);
    await app.screenshot('empty-state.en.dark.keyboard');

    await page.keyboard.press('/');
    expect(await sidebar.filter.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('moves the selection with the arrow keys, focuses the filter with Ctrl+K or "/" and filters as you type', async () => {
    for (const name of ['kb-alpha', 'kb-beta', 'kb-gamma']) await e2e().addAccount(name, { kind: 'oa' });
    const { app, page, sidebar, card } = await open('en');

    await sidebar.select('kb-alpha');
    await expect.poll(() => card.accountName()).toBe('kb-alpha');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sidebar.selectedName()).toBe('kb-beta');
    await expect.poll(() => card.accountName()).toBe('kb-beta');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => card.accountName()).toBe('kb-gamma');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => card.accountName()).toBe('kb-beta');

    // Ctrl+K from anywhere (here: the card) puts the cursor in the filter; typing narrows the list.
    await card.heading.click();
    await page.keyboard.press('Control+k');
    expect(await sidebar.filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('gam');
    await expect.poll(() => sidebar.names()).toEqual(['kb-gamma']);
    // The arrows work from the filter too: the one match gets selected.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => card.accountName()).toBe('kb-gamma');

    // "/" selects what is in the filter, so typing replaces it.
    await card.heading.click();
    await page.keyboard.press('/');
    await page.keyboard.type('kb-');
    expect(await sidebar.filter.inputValue()).toBe('kb-');
    await expect.poll(() => sidebar.names()).toEqual(['kb-alpha', 'kb-beta', 'kb-gamma']);
    await sidebar.filter.fill('no-such-account');
    await sidebar.region.getByText(textsFor('en')('sidebar.noMatch')).waitFor();
    expect(await sidebar.names()).toEqual([]);
    await e2e().expectNoSecretLeak(app);
  });

  it('refuses a bad AppID next to the AppID field and a taken name next to the name field, adding nothing', async () => {
    const { stack } = e2e();
    const taken = await e2e().addAccount('dup-oa', { kind: 'oa' });
    const { app, t, sidebar, dialogs } = await open('zh-CN');
    const d = dialogs.addAccount;
    const appidField = dialogs.textField(d, 'field.appid');
    const before = await stack.call('listAccounts', {});
    if (!before.ok) throw new Error(before.error.message.en);

    await sidebar.addButton.click();
    await d.waitFor();
    const secret = 'e2e0interactions0secret000000bad';
    e2e().rememberSecret(secret);
    await dialogs.textField(d, 'field.name').fill('bad-appid');
    await appidField.fill('wx12345');
    await dialogs.secretInput(d).fill(secret);
    await dialogs.button(d, 'common.save').click();
    await expect.poll(() => appidField.getAttribute('aria-invalid')).toBe('true');
    expect(await DialogsPage.description(appidField)).toContain(t('valid.appid'));
    expect(await DialogsPage.description(dialogs.textField(d, 'field.name'))).not.toContain(t('valid.name'));

    // Fixing the AppID but using a name that exists: the server's conflict shows under the name.
    await appidField.fill(uniqueAppid());
    expect(await appidField.getAttribute('aria-invalid')).toBeNull();
    const nameField = dialogs.textField(d, 'field.name');
    await nameField.fill('dup-oa');
    await dialogs.button(d, 'common.save').click();
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true');
    expect(await DialogsPage.description(nameField)).toContain('已存在同名账号');
    await app.screenshot('account-dialog-conflict.zh-CN.light');

    await dialogs.button(d, 'common.cancel').click();
    await d.waitFor({ state: 'detached' });
    expect((await sidebar.names()).filter((n) => n === 'dup-oa' || n === 'bad-appid')).toEqual(['dup-oa']);
    const after = await stack.call('listAccounts', {});
    if (!after.ok) throw new Error(after.error.message.en);
    expect(after.value.map((a) => a.name)).toEqual(before.value.map((a) => a.name));
    expect(after.value.find((a) => a.name === 'dup-oa')?.appid).toBe(taken.appid);
    await e2e().expectNoSecretLeak(app);
  });

  it('edits with the secret write-only ("stored in keychain", "replace secret") and tests credentials in place', async () => {
    const { stack } = e2e();
    await e2e().addAccount('edit-oa', { kind: 'oa' });
    const { app, t, sidebar, card, dialogs } = await open('en');
    await sidebar.select('edit-oa');
    await card.editButton.click();
    const d = dialogs.editAccount('edit-oa');
    await d.waitFor();

    await d.getByText(t('field.secretStored'), { exact: true }).waitFor();
    await dialogs.button(d, 'field.replaceSecret').waitFor();
    expect(await d.locator('input[type="password"]').count()).toBe(0);

    const fetches = stack.sim.count('/cgi-bin/stable_token');
    await dialogs.button(d, 'account.test').click();
    const result = dialogs.testResult(d);
    await result.getByText(/^Credentials work: got token /).waitFor();
    expect(stack.sim.count('/cgi-bin/stable_token')).toBeGreaterThan(fetches);
    const token = await stack.tokenOf('edit-oa');
    expect((await result.textContent()) ?? '').not.toContain(token);
    await app.screenshot('account-dialog-edit.en.light');

    // Replacing: an empty password field appears (never pre-filled); a wrong secret fails the test, in place.
    await dialogs.button(d, 'field.replaceSecret').click();
    const input = dialogs.secretInput(d);
    expect(await input.getAttribute('type')).toBe('password');
    expect(await input.inputValue()).toBe('');
    const wrong = 'e2e0wrong0secret0000000000000000';
    e2e().rememberSecret(wrong);
    await input.fill(wrong);
    await dialogs.button(d, 'account.test').click();
    const failed = result.getByRole('alert');
    await failed.waitFor();
    expect((await failed.textContent()) ?? '').toContain(t('account.testFailed'));
    expect(await d.isVisible()).toBe(true);
    // A dry run: the wrong secret stays in the field, unsaved; after Cancel the stored one still works.
    expect(await input.inputValue()).toBe(wrong);
    await dialogs.button(d, 'common.cancel').click();
    await d.waitFor({ state: 'detached' });
    expect(await stack.call('testCredentials', { name: 'edit-oa' })).toMatchObject({ ok: true });
    await e2e().expectNoSecretLeak(app);
  });

  it('asks for the secret again when the API base or proxy changes, and saves the move only with it', async () => {
    const { stack } = e2e();
    const account = await e2e().addAccount('move-oa', { kind: 'oa' });
    const { app, t, sidebar, card, dialogs } = await open('zh-CN');
    await sidebar.select('move-oa');
    await card.editButton.click();
    const d = dialogs.editAccount('move-oa');
    await d.waitFor();
    expect(await d.locator('input[type="password"]').count()).toBe(0);

    // A new API base: the secret field opens at once and says why.
    const moved = `${stack.sim.url}/moved`;
    await dialogs.textField(d, 'field.apiBase').fill(moved);
    const input = dialogs.secretInput(d);
    await input.waitFor();
    expect(await input.inputValue()).toBe('');
    expect(await DialogsPage.description(input)).toContain(t('field.secretToMoveHint'));
    await app.screenshot('account-dialog-move.zh-CN.light');

    // Saving without it is refused next to the field; nothing is sent, nothing changes.
    await dialogs.button(d, 'common.save').click();
    await expect.poll(() => DialogsPage.description(input)).toContain(t('valid.secretToMove'));
    expect(await d.isVisible()).toBe(true);
    const unchanged = await stack.call('listAccounts', {});
    expect(unchanged.ok && unchanged.value.find((a) => a.name === 'move-oa')?.apiBase).toBe(stack.sim.url);

    // Back to the stored address: no move, so saving needs no secret (the field stays open, empty).
    await dialogs.textField(d, 'field.apiBase').fill(stack.sim.url);
    await dialogs.textField(d, 'field.note').fill('kept');
    await dialogs.button(d, 'common.save').click();
    await d.waitFor({ state: 'detached' });

    // A proxy is a move too; with the secret typed in again it is saved, in one call.
    await card.editButton.click();
    await d.waitFor();
    await d.getByRole('textbox', { name: t('field.proxy'), exact: true }).fill('http://127.0.0.1:9');
    await input.waitFor();
    await dialogs.button(d, 'common.save').click();
    await expect.poll(() => DialogsPage.description(input)).toContain(t('valid.secretToMove'));
    await dialogs.textField(d, 'field.apiBase').fill(moved);
    await input.fill(account.secret);
    await dialogs.button(d, 'common.save').click();
    await d.waitFor({ state: 'detached' });
    const after = await stack.call('listAccounts', {});
    expect(after.ok && after.value.find((a) => a.name === 'move-oa')).toMatchObject({ apiBase: moved, proxy: 'http://127.0.0.1:9', note: 'kept', hasSecret: true });
    await e2e().expectNoSecretLeak(app);
  });

  it('removes an account after one question that names the secret, the cached token and the history', async () => {
    const { stack } = e2e();
    await e2e().addAccount('rm-oa', { kind: 'oa' });
    await stack.tokenOf('rm-oa');
    const { app, t, sidebar, card, dialogs } = await open('zh-CN');
    await sidebar.select('rm-oa');
    await card.removeButton.click();
    const d = dialogs.removeAccount('rm-oa');
    await d.waitFor();
    const text = (await d.textContent()) ?? '';
    for (const key of ['remove.secret', 'remove.token', 'remove.history'] as const) expect(text).toContain(t(key));
    await app.screenshot('remove-dialog.zh-CN.light');

    await dialogs.removeConfirm('rm-oa').click();
    await d.waitFor({ state: 'detached' });
    await sidebar.account('rm-oa').waitFor({ state: 'detached' });
    expect(await dialogs.removeAccount('rm-oa').count()).toBe(0);
    expect(await card.accountName()).not.toBe('rm-oa');

    const res = await fetch(`${stack.origin}/v1/token/rm-oa`, { headers: { Authorization: `Bearer ${stack.tokenKey}` } });
    expect(res.status).toBe(404);
    await e2e().expectNoSecretLeak(app);
  });
});
