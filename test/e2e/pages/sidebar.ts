/** The account list on the left: pick an account, add one. */
import type { Locator, Page } from 'playwright-core';
import { literal, textsFor, type UiLang } from './texts';

export class SidebarPage {
  readonly region: Locator;
  readonly list: Locator;
  readonly filter: Locator;
  readonly addButton: Locator;

  constructor(page: Page, lang: UiLang) {
    const t = textsFor(lang);
    this.region = page.getByRole('complementary', { name: t('sidebar.label') });
    this.list = this.region.getByRole('listbox', { name: t('sidebar.accounts') });
    this.filter = this.region.getByRole('searchbox', { name: t('sidebar.filter') });
    this.addButton = this.region.getByRole('button', { name: t('account.add'), exact: true });
  }

  /** An account's row; its accessible name starts with the account name, then its token state. */
  account(name: string): Locator {
    return this.list.getByRole('option', { name: new RegExp(`^${literal(name)}\\s*,`) });
  }

  async select(name: string): Promise<void> {
    const row = this.account(name);
    await row.click();
    await row.and(this.list.locator('[aria-selected="true"]')).waitFor();
  }

  /** The selected row (the one the arrow keys move). */
  get selected(): Locator {
    return this.list.locator('[role="option"][aria-selected="true"]');
  }

  async selectedName(): Promise<string> {
    return ((await this.selected.locator('.account-name').textContent()) ?? '').trim();
  }

  async names(): Promise<string[]> {
    return this.list.locator('.account-name').allTextContents();
  }
}
