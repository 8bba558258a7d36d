/**
 * The JS-SDK panel's card section in Chromium against `wxtoken serve` and the simulator: wx.addCard's cardExt
 * signed with the account's wx_card api_ticket, checked here by sorting and hashing the values ourselves.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';
import { ToolboxPage } from '../pages/toolbox';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe.skipIf(Boolean(skip))('card signatures in the JS-SDK panel', () => {
  const e2e = useE2e();

  async function openOn(name: string, lang: UiLang) {
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    await new SidebarPage(app.page, lang).select(name);
    return { app, box: new ToolboxPage(app.page, lang), t: textsFor(lang) };
  }

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`signs a card's cardExt with the wx_card api_ticket and gives the wx.addCard snippet (${lang})`, async () => {
      const name = `card-oa-${lang}`;
      await e2e().addAccount(name, { kind: 'oa' }, 'stable');
      const { app, box, t } = await openOn(name, lang);
      const card = box.section.getByRole('form', { name: t('toolbox.card.title'), exact: true });
      await card.getByRole('textbox', { name: t('toolbox.card.cardId'), exact: true }).fill('pFS7Fjg8kV1IdDz01r4SQwMkuCKc');
      await card.getByRole('textbox', { name: t('toolbox.card.code'), exact: true }).fill('110201201245');
      await card.getByRole('button', { name: t('toolbox.card.sign'), exact: true }).click();
      const result = box.section.getByRole('region', { name: t('toolbox.card.result'), exact: true });
      await result.waitFor();

      const snippet = (await result.getByLabel(t('toolbox.card.snippet'), { exact: true }).textContent()) ?? '';
      const cardExt = JSON.parse(/cardExt: '(.*)'/.exec(snippet)?.[1] ?? 'null') as { code: string; timestamp: string; nonce_str: string; signature: string };
      expect(cardExt).toMatchObject({ code: '110201201245', timestamp: expect.stringMatching(/^\d{10}$/), nonce_str: expect.stringMatching(/^[A-Za-z0-9]{16}$/) });
      const ticket = await e2e().stack.call('getTicket', { name, type: 'wx_card' });
      if (!ticket.ok) throw new Error(ticket.error.message.en);
      const values = [ticket.value.ticket, cardExt.timestamp, 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', '110201201245', cardExt.nonce_str].sort();
      expect(cardExt.signature).toBe(sha1(values.join('')));
      expect(await result.getByTestId('card-signature').textContent()).toBe(cardExt.signature);
      expect(await result.getByTestId('card-string').textContent()).toBe(values.join(''));
      expect(snippet).toContain("cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc'");
      await e2e().expectNoSecretLeak(app);

      // A Mini Program has no card tickets: no card section.
      if (lang !== 'en') return;
      await e2e().addAccount('card-mp', { kind: 'mp' }, 'stable');
      await new SidebarPage(app.page, lang).select('card-mp');
      await box.url.waitFor();
      await expect.poll(() => box.section.getByRole('form', { name: t('toolbox.card.title'), exact: true }).count()).toBe(0);
    });
  }
});
