/** The modal dialogs: add / edit / remove account, force refresh, settings. */
import type { Locator, Page } from 'playwright-core';
import { textsFor, type UiLang } from './texts';

export interface NewAccount {
  name: string;
  appid: string;
  secret: string;
  kind?: 'oa' | 'mp';
  mode?: 'stable' | 'classic';
  apiBase?: string;
}

export class DialogsPage {
  private readonly t: ReturnType<typeof textsFor>;

  constructor(
    private readonly page: Page,
    lang: UiLang,
  ) {
    this.t = textsFor(lang);
  }

  get addAccount(): Locator {
    return this.page.getByRole('dialog', { name: this.t('account.addTitle'), exact: true });
  }

  editAccount(name: string): Locator {
    return this.page.getByRole('dialog', { name: this.t('account.editTitle', { name }), exact: true });
  }

  removeAccount(name: string): Locator {
    return this.page.getByRole('dialog', { name: this.t('remove.title', { name }), exact: true });
  }

  removeConfirm(name: string): Locator {
    return this.removeAccount(name).getByRole('button', { name: this.t('remove.confirm'), exact: true });
  }

  /** A text field of the add / edit dialog by its label (`field.name`, `field.appid`, …). */
  textField(dialog: Locator, label: 'field.name' | 'field.appid' | 'field.apiBase' | 'field.note'): Locator {
    return dialog.getByRole(label === 'field.apiBase' ? 'combobox' : 'textbox', { name: this.t(label), exact: true });
  }

  secretInput(dialog: Locator): Locator {
    return dialog.getByLabel(this.t('field.secret'), { exact: true });
  }

  button(dialog: Locator, key: 'common.save' | 'common.cancel' | 'account.test' | 'field.replaceSecret'): Locator {
    return dialog.getByRole('button', { name: this.t(key), exact: true });
  }

  /** The dialog's in-place outcome of "test credentials". */
  testResult(dialog: Locator): Locator {
    return dialog.locator('.test-result');
  }

  forceRefresh(name: string): Locator {
    return this.page.getByRole('dialog', { name: this.t('force.title', { name }), exact: true });
  }

  get settings(): Locator {
    return this.page.getByRole('dialog', { name: this.t('settings.title'), exact: true });
  }

  /** Fills the add-account dialog the way a user would and saves it; waits for it to close. */
  async fillAndSaveAccount(a: NewAccount): Promise<void> {
    const t = this.t;
    const d = this.addAccount;
    await d.waitFor();
    await d.getByRole('textbox', { name: t('field.name'), exact: true }).fill(a.name);
    await d.getByRole('radio', { name: t(a.kind === 'mp' ? 'kind.mp' : 'kind.oa'), exact: true }).check();
    await d.getByRole('textbox', { name: t('field.appid'), exact: true }).fill(a.appid);
    await d.getByLabel(t('field.secret'), { exact: true }).fill(a.secret);
    await d.getByRole('radio', { name: t(a.mode === 'classic' ? 'mode.classic' : 'mode.stable'), exact: true }).check();
    if (a.apiBase) await d.getByRole('combobox', { name: t('field.apiBase'), exact: true }).fill(a.apiBase);
    await d.getByRole('button', { name: t('common.save'), exact: true }).click();
    await d.waitFor({ state: 'detached' });
  }

  /** What assistive technology reads as a field's description: its error next to it, then its hint. */
  static async description(field: Locator): Promise<string> {
    return field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' '),
    );
  }

  forceConfirm(name: string): Locator {
    return this.forceRefresh(name).getByRole('button', { name: this.t('force.confirm'), exact: true });
  }

  /** Opens settings from the top bar. */
  async openSettings(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: this.t('settings.open'), exact: true }).click();
    await this.settings.waitFor();
  }

  languageSelect(): Locator {
    return this.settings.getByRole('combobox', { name: this.t('settings.language'), exact: true });
  }

  async closeSettings(): Promise<void> {
    await this.settings.getByRole('button', { name: this.t('common.close'), exact: true }).click();
    await this.settings.waitFor({ state: 'detached' });
  }
}
