/**
 * Issue 8 in Chromium: Redis connections added and tested in the settings (the password never in the page),
 * an observed account's card saying which key on which Redis its token was read from, and a pasted token.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { uniqueAppid } from '../../support/e2e/e2e-serve';
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
    expect((await card.card.locator('.token-facts').textContent()) ?? '').toContain(t('mode.pasted'));
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

  it('the dialog takes an observe-URL header and its value (masked, to the keychain, never a file); the card says observed, not stable', async () => {
    const { stack } = e2e();
    const headerValue = 'hv-0123456789-observe-header-secret';
    e2e().rememberSecret(headerValue);
    const token = '86_read-through-a-header-0123456789abcdef';
    // A central-control server that answers only with the right header.
    const server: Server = createServer((req, res) => {
      const allowed = req.headers['x-api-key'] === headerValue;
      res.writeHead(allowed ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(allowed ? { access_token: token, expires_in: 600 } : { error: 'no key' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/token/prod`;
      const app = await e2e().open({ locale: 'en-US' });
      const dialogs = new DialogsPage(app.page, 'en');
      await new SidebarPage(app.page, 'en').addButton.click();
      const dialog = dialogs.addAccount;
      await dialog.waitFor();
      await dialogs.textField(dialog, 'field.name').fill('via-header');
      await dialogs.textField(dialog, 'field.appid').fill(uniqueAppid());
      await dialog.getByRole('radio', { name: t('source.urlOpt'), exact: true }).check();
      await dialog.getByRole('textbox', { name: t('source.url'), exact: true }).fill(url);
      await dialog.getByRole('textbox', { name: t('source.header'), exact: true }).fill('X-Api-Key');
      const value = dialog.getByLabel(t('source.headerValue'), { exact: true });
      expect(await value.getAttribute('type')).toBe('password');
      await value.fill(headerValue);
      await app.screenshot('account-dialog.observe-url-header.en');
      await dialogs.button(dialog, 'common.save').click();
      await dialog.waitFor({ state: 'detached' });

      const card = new TokenCardPage(app.page, 'en');
      await card.ensureToken(t('token.noneYet'));
      await expect.poll(async () => (await card.card.getByTestId('token-origin').textContent()) ?? '', { timeout: 10_000 }).toMatch(new RegExp(`^Read from ${url.replace(/[.]/g, '\\.')}, (9|10):\\d\\d left$`));
      expect(await stack.tokenOf('via-header')).toBe(token);
      // Never fetched here: the card calls it observed, not a stable or classic token.
      const facts = (await card.card.locator('.token-facts').textContent()) ?? '';
      expect(facts).toContain(t('mode.observed'));
      expect(facts).not.toContain(t('mode.stable'));
      const accounts = await stack.call('listAccounts', {});
      expect(accounts.ok && accounts.value.find((a) => a.name === 'via-header')?.source).toEqual({ type: 'observe-url', url, header: 'X-Api-Key' });
      for (const entry of await readdir(stack.home, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) expect((await readFile(join(entry.parentPath, entry.name))).includes(headerValue), entry.name).toBe(false);
      }
      await e2e().expectNoSecretLeak(app);
      expect(stack.sim.count('/cgi-bin/token') + stack.sim.count('/cgi-bin/stable_token')).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
