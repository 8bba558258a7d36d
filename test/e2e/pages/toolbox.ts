/** The toolbox card: its tabs, the JS-SDK signer and checker, the push debugger, the rid look-up. */
import type { Locator, Page } from 'playwright-core';
import { textsFor, type UiLang } from './texts';

export class ToolboxPage {
  readonly section: Locator;
  readonly url: Locator;
  readonly signature: Locator;
  readonly stringToSign: Locator;
  readonly snippet: Locator;
  readonly findings: Locator;
  readonly verdict: Locator;
  readonly reply: Locator;
  readonly alert: Locator;
  private readonly t: ReturnType<typeof textsFor>;

  constructor(page: Page, lang: UiLang) {
    const t = (this.t = textsFor(lang));
    this.section = page.getByRole('region', { name: t('toolbox.title'), exact: true });
    this.url = this.section.getByRole('textbox', { name: t('toolbox.jssdk.url'), exact: true });
    this.signature = this.section.getByTestId('jssdk-signature');
    this.stringToSign = this.section.getByTestId('jssdk-string');
    this.snippet = this.section.getByLabel(t('toolbox.jssdk.snippet'), { exact: true });
    this.findings = this.section.getByRole('region', { name: t('toolbox.check.findings'), exact: true });
    this.verdict = this.section.getByRole('region', { name: t('toolbox.push.verdict'), exact: true });
    this.reply = this.section.getByRole('region', { name: t('toolbox.push.reply'), exact: true });
    this.alert = this.section.getByRole('alert');
  }

  tab(id: 'jssdk' | 'push' | 'rid' | 'quota'): Promise<void> {
    return this.section.getByRole('tab', { name: this.t(`toolbox.tab.${id}`), exact: true }).click();
  }

  field(label: string): Locator {
    return this.section.getByLabel(label, { exact: true });
  }

  button(label: string): Promise<void> {
    return this.section.getByRole('button', { name: label, exact: true }).click();
  }
}
