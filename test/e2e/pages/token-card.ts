/** The selected account's token card: the masked value, copy, countdown, refresh, and its errors. */
import type { Locator, Page } from 'playwright-core';
import { textsFor, type UiLang } from './texts';

export class TokenCardPage {
  readonly card: Locator;
  readonly value: Locator;
  readonly copyButton: Locator;
  readonly getButton: Locator;
  readonly refreshButton: Locator;
  readonly forceButton: Locator;
  readonly lifeBar: Locator;
  readonly error: Locator;
  readonly copyIpButton: Locator;
  /** The account's name (and kind badge) at the top of the card. */
  readonly heading: Locator;
  readonly resumeButton: Locator;
  readonly editButton: Locator;
  readonly removeButton: Locator;

  constructor(page: Page, lang: UiLang) {
    const t = textsFor(lang);
    this.card = page.getByRole('region', { name: t('token.label'), exact: true });
    this.value = this.card.getByLabel(t('token.value'), { exact: true });
    this.copyButton = this.card.getByRole('button', { name: t('token.copy'), exact: true });
    this.getButton = this.card.getByRole('button', { name: t('token.get'), exact: true });
    this.refreshButton = this.card.getByRole('button', { name: t('token.refresh'), exact: true });
    this.forceButton = this.card.getByRole('button', { name: t('token.forceRefresh'), exact: true });
    this.lifeBar = this.card.getByRole('progressbar', { name: t('token.lifeLeft') });
    this.error = this.card.getByRole('alert');
    this.copyIpButton = this.card.getByRole('button', { name: t('error.copyIp'), exact: true });
    this.heading = this.card.getByRole('heading', { level: 2 });
    this.resumeButton = this.card.getByRole('button', { name: t('token.resume'), exact: true });
    this.editButton = this.card.getByRole('button', { name: t('account.edit'), exact: true });
    this.removeButton = this.card.getByRole('button', { name: t('account.remove'), exact: true });
  }

  /** The account the card is about: the heading's text without the kind badge. */
  async accountName(): Promise<string> {
    return (await this.heading.evaluate((h) => h.firstChild?.textContent ?? '')).trim();
  }

  /** What the value box shows: a masked token, or "not fetched yet". */
  async shown(): Promise<string> {
    return ((await this.value.textContent()) ?? '').trim();
  }

  /** The countdown as assistive technology reads it, e.g. "1:59:58 left". */
  async timeLeft(): Promise<string> {
    return (await this.lifeBar.getAttribute('aria-valuetext')) ?? '';
  }

  /**
   * Waits until a masked token is shown, pressing "Get token" when the card offers it (classic, or after an
   * error); stable and WeCom accounts fetch by themselves on selection.
   */
  async ensureToken(notFetched: string): Promise<string> {
    await this.value.waitFor();
    await this.refreshButton.or(this.getButton.and(this.card.locator('button:enabled'))).first().waitFor();
    if ((await this.shown()) === notFetched && (await this.getButton.isVisible())) await this.getButton.click();
    await this.refreshButton.waitFor();
    return this.shown();
  }
}
