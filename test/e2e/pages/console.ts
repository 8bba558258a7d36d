/** The request console: endpoint catalogue, the request editor, the response and the history. */
import type { Keyboard, Locator, Page } from 'playwright-core';
import { literal, textsFor, type UiLang } from './texts';

export class ConsolePage {
  readonly section: Locator;
  readonly catalogue: Locator;
  readonly search: Locator;
  readonly path: Locator;
  readonly method: Locator;
  readonly sendButton: Locator;
  /** The one question before a request with a side effect or for another kind of account. */
  readonly confirmDialog: Locator;
  readonly body: Locator;
  readonly response: Locator;
  readonly responseError: Locator;
  readonly tree: Locator;
  readonly history: Locator;
  readonly cancelButton: Locator;
  readonly formatButton: Locator;
  readonly image: Locator;
  readonly saveAs: Locator;
  readonly copyCurlButton: Locator;
  /** The code-snippet panel (fetch / Python / OkHttp) under the editor. */
  readonly snippets: Locator;
  /** Status, time, size and content type of the last response. */
  readonly statusLine: Locator;
  private readonly t: ReturnType<typeof textsFor>;

  constructor(page: Page, lang: UiLang) {
    const t = (this.t = textsFor(lang));
    this.section = page.getByRole('region', { name: t('console.title'), exact: true });
    this.catalogue = this.section.getByRole('navigation', { name: t('console.catalogue') });
    this.search = this.catalogue.getByRole('searchbox', { name: t('console.searchEndpoints') });
    this.method = this.section.getByRole('combobox', { name: t('console.method'), exact: true });
    this.path = this.section.getByRole('textbox', { name: t('console.path'), exact: true });
    // "Send as <account>", whichever account is selected.
    const [before, after] = t('console.sendAs', { account: '\u0000' }).split('\u0000');
    this.sendButton = this.section.getByRole('button', { name: new RegExp(`^${literal(before!)}.+${literal(after!)}$`) });
    this.confirmDialog = page.getByRole('dialog');
    this.body = this.section.getByRole('textbox', { name: t('console.body'), exact: true });
    this.response = this.section.getByRole('region', { name: t('console.response'), exact: true });
    this.responseError = this.response.getByRole('alert');
    this.tree = this.response.getByRole('list', { name: t('console.tree'), exact: true });
    this.history = this.section.getByRole('region', { name: t('history.title'), exact: true });
    this.cancelButton = this.section.getByRole('button', { name: t('console.cancel'), exact: true });
    this.formatButton = this.section.getByRole('button', { name: t('console.format'), exact: true });
    this.image = this.response.getByRole('img', { name: t('console.imageAlt'), exact: true });
    this.saveAs = this.response.getByRole('link', { name: t('console.saveAs'), exact: true });
    this.statusLine = this.response.locator('.response-line');
    this.copyCurlButton = this.section.getByRole('button', { name: t('console.copyCurl'), exact: true });
    this.snippets = this.section.locator('details.snippets');
  }

  /** A catalogue entry; its accessible name ends with its path. */
  endpoint(path: string): Locator {
    return this.catalogue.getByRole('button', { name: new RegExp(`${literal(path)}$`) });
  }

  async pick(path: string): Promise<void> {
    await this.search.fill(path);
    await this.endpoint(path).click();
  }

  sendAs(account: string): Locator {
    return this.section.getByRole('button', { name: this.t('console.sendAs', { account }), exact: true });
  }

  /** The "replace these placeholders" notice above the query table. */
  get placeholdersLeft(): Locator {
    return this.section.locator('.placeholders-left');
  }

  /** The line above a response naming the request it answers. */
  get answers(): Locator {
    return this.response.locator('.answers code');
  }

  async clipboard(): Promise<string> {
    return this.section.page().evaluate(() => navigator.clipboard.readText());
  }

  historyLoad(path: string): Locator {
    return this.history.getByRole('button', { name: this.t('history.loadN', { path }), exact: true });
  }

  /** The query table as [name, value] pairs, in order. */
  async queryRows(): Promise<[string, string][]> {
    return this.section.locator('.query-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('input')].map((i) => (i as HTMLInputElement).value) as [string, string]),
    );
  }

  queryValue(n: number): Locator {
    return this.section.getByRole('textbox', { name: this.t('console.paramValueN', { n }), exact: true });
  }

  /** The status line's "HTTP 200" part. */
  status(code: number): Locator {
    return this.response.getByText(`HTTP ${code}`, { exact: true });
  }

  /** The whole status: "HTTP 200" or "HTTP 200 · errcode 40003". */
  statusSummary(): Locator {
    return this.response.locator('.response-line .status');
  }

  historyEntries(): Locator {
    return this.history.getByRole('listitem');
  }

  rerunButton(path: string): Locator {
    return this.history.getByRole('button', { name: this.t('history.rerunN', { path }), exact: true });
  }

  /** What the body editor says under the body: "Valid JSON", or where the JSON breaks. */
  async bodyCheck(): Promise<string> {
    return ((await this.section.locator('.body-check').textContent()) ?? '').trim();
  }

  /**
   * Replaces the body by typing it, key by key, into the editor (CodeMirror, in a shadow root) as a user would:
   * Enter indents the next line, so multi-line text is given without its indentation.
   */
  async typeBody(text: string): Promise<void> {
    await (await this.emptyBody()).type(text);
  }

  /**
   * Replaces the body in one input, as a paste or an input method does: for tests whose subject is not typing
   * (key by key costs a protocol round trip and an editor update per character).
   */
  async insertBody(text: string): Promise<void> {
    await (await this.emptyBody()).insertText(text);
  }

  /** Focuses the body editor and deletes what it holds; returns the keyboard, ready to write into it. */
  private async emptyBody(): Promise<Keyboard> {
    await this.body.click();
    const keyboard = this.section.page().keyboard;
    await keyboard.press('ControlOrMeta+a');
    await keyboard.press('Backspace');
    return keyboard;
  }

  /** The body's text as the editor holds it (every line is drawn while the body fits the editor's height). */
  async bodyText(): Promise<string> {
    return this.body.evaluate((el) => [...el.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n'));
  }

  /** Waits until no request is in flight and a response (or its error) is on screen. */
  async settled(): Promise<void> {
    await this.response.and(this.section.locator('[aria-busy="true"]')).waitFor({ state: 'detached' });
    await this.statusLine.or(this.responseError).first().waitFor();
  }

  /** Sends and waits until the response (or its error) is on screen. */
  async send(): Promise<void> {
    await this.sendButton.click();
    await this.settled();
  }
}
