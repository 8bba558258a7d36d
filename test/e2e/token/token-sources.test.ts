/**
 * Issue 8 in Chromium: Redis connections added and tested in the settings (the password never in the page),
 * an observed account's card saying which key on which Redis its token was read from, and a pasted token.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e-fixture';
import { uniqueAppid } from '../../support/e2e-serve';
import { startRedis, type RedisFixture } from '../../support/redis-server';
import { DialogsPage } from '../pages/dialogs';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('token sources', () => {
  const e2e = useE2e();
  const t = textsFor('en');
  let redis: RedisFixture;
  let client: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis({ host: redis.host, port: redis.port, password: redis.password });
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  it('adds and tests a Redis connection in the settings; the password stays out of the page', async () => {
    e2e().rememberSecret(redis.password);
    const app = await e2e().open({ locale: 'en-US' });
    const dialogs = new DialogsPage(app.page, 'en');
    await dialogs.openSettings();
    const section = dialogs.settings.getByRole('group', { name: t('redis.title') });
    await section.getByRole('textbox', { name: t('redis.name') }).fill('team');
    await section.getByRole('textbox', { name: 'URL' }).fill(redis.url);
    await section.getByLabel(t('redis.password')).fill(redis.password);
    await section.getByRole('button', { name: t('redis.add'), exact: true }).click();
    const row = section.getByTestId('redis-team');
    await row.waitFor();
    await row.getByRole('button', { name: t('redis.test'), exact: true }).click();
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 10_000 }).toMatch(/Redis 7\.[\d.]+, standalone, [\d.]+ ms/);
    expect(await section.getByLabel(t('redis.password')).inputValue()).toBe('');
    await app.screenshot('redis-settings.en');
    await e2e().expectNoSecretLeak(app);
  });

  it("an observed account's card says which key on which Redis it read, and a pasted token is used until it expires", async () => {
    const { stack } = e2e();
    const listed = await stack.call('listRedis', {});
    if (listed.ok && !listed.value.some((c) => c.name === 'team')) {
      expect((await stack.call('addRedis', { connection: { name: 'team', url: redis.url }, password: redis.password })).ok).toBe(true);
    }
    const appid = uniqueAppid();
    await client.set(`wx:access_token:${appid}`, '86_observed-in-the-browser-0123456789abcdef', 'EX', 3600);
    expect((await stack.call('addAccount', { account: { name: 'prod-observed', appid, apiBase: stack.sim.url, source: { type: 'observe', redis: 'team', format: 'wxjava' } } })).ok).toBe(true);
    expect((await stack.call('addAccount', { account: { name: 'pasted', appid: uniqueAppid(), apiBase: stack.sim.url, source: { type: 'paste' } } })).ok).toBe(true);

    const app = await e2e().open({ locale: 'en-US' });
    const sidebar = new SidebarPage(app.page, 'en');
    const card = new TokenCardPage(app.page, 'en');
    await sidebar.select('prod-observed');
    await card.ensureToken(t('token.noneYet'));
    const origin = card.card.getByTestId('token-origin');
    await expect.poll(async () => (await origin.textContent()) ?? '').toMatch(new RegExp(`^Read from wx:access_token:${appid} on team, 0?:?59:\\d\\d left$`));
    await app.screenshot('token-origin.observed.en');

    await sidebar.select('pasted');
    await expect.poll(async () => (await origin.textContent()) ?? '').toBe(t('source.pastedNone'));
    await card.card.getByLabel(t('source.pasteLabel')).fill('86_pasted-in-the-browser-0123456789abcdef');
    await card.card.getByRole('button', { name: t('source.pasteSet'), exact: true }).click();
    await expect.poll(async () => (await origin.textContent()) ?? '', { timeout: 10_000 }).toMatch(/^Pasted, (1:59|2:00):\d\d left$/);
    expect(await stack.tokenOf('pasted')).toBe('86_pasted-in-the-browser-0123456789abcdef');
    expect(stack.sim.count('/cgi-bin/token') + stack.sim.count('/cgi-bin/stable_token')).toBe(0);
  });

  it('the account dialog adds an observed account without an AppSecret; its card reads the token from Redis', async () => {
    const { stack } = e2e();
    const listed = await stack.call('listRedis', {});
    if (listed.ok && !listed.value.some((c) => c.name === 'team')) {
      expect((await stack.call('addRedis', { connection: { name: 'team', url: redis.url }, password: redis.password })).ok).toBe(true);
    }
    const appid = uniqueAppid();
    await client.set(`wechatpy:${appid}_access_token`, JSON.stringify('86_added-in-the-dialog-0123456789abcdef'), 'EX', 600);
    const app = await e2e().open({ locale: 'en-US' });
    const dialogs = new DialogsPage(app.page, 'en');
    await new SidebarPage(app.page, 'en').addButton.click();
    const dialog = dialogs.addAccount;
    await dialog.waitFor();
    await dialogs.textField(dialog, 'field.name').fill('from-dialog');
    await dialogs.textField(dialog, 'field.appid').fill(appid);
    await dialog.getByRole('radio', { name: t('source.observeOpt'), exact: true }).check();
    await dialog.getByRole('combobox', { name: t('source.format'), exact: true }).selectOption('wechatpy');
    await dialogs.textField(dialog, 'field.apiBase').fill(stack.sim.url);
    await app.screenshot('account-dialog.observe.en');
    await dialogs.button(dialog, 'common.save').click();
    await dialog.waitFor({ state: 'detached' });

    const card = new TokenCardPage(app.page, 'en');
    await card.ensureToken(t('token.noneYet'));
    await expect.poll(async () => (await card.card.getByTestId('token-origin').textContent()) ?? '').toMatch(new RegExp(`^Read from wechatpy:${appid}_access_token on team, (9|10):\\d\\d left$`));
    const accounts = await stack.call('listAccounts', {});
    expect(accounts.ok && accounts.value.find((a) => a.name === 'from-dialog')).toMatchObject({ hasSecret: false, source: { type: 'observe', redis: 'team', format: 'wechatpy' } });
    expect(stack.sim.count('/cgi-bin/token') + stack.sim.count('/cgi-bin/stable_token')).toBe(0);
  });
});
