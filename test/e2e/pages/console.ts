/** The request console: endpoint catalogue, the request editor, the response and the history. */
import type { Locator, Page } from 'playwright-core';
import { literal, textsFor, type UiLang } from './texts';

export class ConsolePage {
  readonly section: Locator;
  readonly catalogue: Locator;
  readonly search: Locator;
  readonly path: Locator;
  readonly sendButton: Locator;
  readonly body: Locator;
  readonly response: Locator;
  readonly responseError: Locator;
  readonly tree: Locator;
  readonly history: Locator;
  private readonly t: ReturnType<typeof textsFor>;

  constructor(page: Page, lang: UiLang) {
    const t = (this.t = textsFor(lang));
    this.section = page.getByRole('region', { name: t('console.title'), exact: true });
    this.catalogue = this.section.getByRole('navigation', { name: t('console.catalogue') });
    this.search = this.catalogue.getByRole('searchbox', { name: t('console.searchEndpoints') });
    this.path = this.section.getByRole('textbox', { name: t('console.path'), exact: true });
    this.sendButton = this.section.getByRole('button', { name: t('console.send'), exact: true });
    this.body = this.section.getByRole('textbox', { name: t('console.body'), exact: true });
    this.response = this.section.getByRole('region', { name: t('console.response'), exact: true });
    this.responseError = this.response.getByRole('alert');
    this.tree = this.response.getByRole('list', { name: t('console.tree'), exact: true });
    this.history = this.section.getByRole('region', { name: t('history.title'), exact: true });
  }

  /** A catalogue entry; its accessible name ends with its path. */
  endpoint(path: string): Locator {
    return this.catalogue.getByRole('button', { name: new RegExp(`${literal(path)}$`) });
  }

  async pick(path: string): Promise<void> {
    await this.search.fill(path);
    await this.endpoint(path).click();
  }

  queryValue(n: number): Locator {
    return this.section.getByRole('textbox', { name: this.t('console.paramValueN', { n }), exact: true });
  }

  /** The status line's "Status 200" part. */
  status(code: number): Locator {
    return this.response.getByText(`${this.t('console.status')} ${code}`, { exact: true });
  }

  historyEntries(): Locator {
    return this.history.getByRole('listitem');
  }

  rerunButton(path: string): Locator {
    return this.history.getByRole('button', { name: this.t('history.rerunN', { path }), exact: true });
  }

  /** Sends and waits until the response (or its error) is on screen. */
  async send(): Promise<void> {
    await this.sendButton.click();
    await this.response.and(this.section.locator('[aria-busy="true"]')).waitFor({ state: 'detached' });
    await this.response.locator('.response-line, [role="alert"]').first().waitFor();
  }
}
