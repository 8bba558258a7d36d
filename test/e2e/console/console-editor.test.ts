/**
 * Issue 10: the request body is a real JSON editor (CodeMirror 6): syntax colours readable in both themes, bracket
 * matching, folding, the parse error marked where it is, a format command, placeholders marked, and a keyboard
 * that never traps (Tab leaves it, Ctrl+Enter sends). It is loaded only when a body is shown.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor, type UiLang } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

/** Every token kind in one body. */
const SAMPLE = '{"n": 1, "ok": true, "none": null, "s": "x", "list": [1, 2]}';

/** Colour of the first token span with this exact text, and its contrast against the editor's background. */
function tokenColour(body: Locator, text: string): Promise<{ colour: string; contrast: number }> {
  return body.evaluate((content, text) => {
    const span = [...content.querySelectorAll('.cm-line span')].find((s) => s.textContent === text && s.children.length === 0);
    if (!span) throw new Error(`no token ${text}`);
    const ctx = document.createElement('canvas').getContext('2d')!;
    const rgb = (css: string) => {
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      const v = ctx.fillStyle;
      return v.startsWith('#') ? [1, 3, 5].map((i) => parseInt(v.slice(i, i + 2), 16)) : v.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    };
    const lum = (c: number[]) =>
      c.map((v) => v / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const colour = getComputedStyle(span).color;
    const background = getComputedStyle(content.closest('.cm-editor')!).backgroundColor;
    const [hi, lo] = [lum(rgb(colour)), lum(rgb(background))].sort((a, b) => b - a);
    return { colour, contrast: (hi! + 0.05) / (lo! + 0.05) };
  }, text);
}

/** Which of these texts have no token span of their own yet (the highlighter parses in the background once typing stops). */
function unhighlighted(body: Locator, texts: string[]): Promise<string[]> {
  return body.evaluate(
    (content, texts) => texts.filter((text) => ![...content.querySelectorAll('.cm-line span')].some((s) => s.textContent === text && s.children.length === 0)),
    texts,
  );
}

/** Is the editor's editable area the focused element (it sits in a shadow root)? */
const editorFocused = (body: Locator) => body.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);

const loadedEditorChunk = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/json-editor-[^/]*\.js$/.test(r.name)));

describe.skipIf(Boolean(skip))('the JSON body editor', () => {
  const e2e = useE2e();
  let seeded: Promise<unknown> | undefined;

  async function openOn(lang: UiLang, colorScheme: 'light' | 'dark') {
    seeded ??= e2e().addAccount('editor-oa', { kind: 'oa' });
    await seeded;
    const app = await e2e().open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', colorScheme });
    await new SidebarPage(app.page, lang).select('editor-oa');
    const c = new ConsolePage(app.page, lang);
    await c.path.waitFor();
    return { app, page: app.page, console: c, t: textsFor(lang) };
  }

  async function expectReadableColours(c: ConsolePage) {
    await c.insertBody(SAMPLE);
    const tokens = ['"n"', '"x"', '1', 'true', 'null'];
    await expect.poll(() => unhighlighted(c.body, tokens)).toEqual([]);
    const colours = await Promise.all(tokens.map((text) => tokenColour(c.body, text)));
    const [key, string, number, bool, nul] = colours;
    // Keys, strings, numbers and literals each have their own colour, all readable (WCAG AA, 4.5:1).
    expect(new Set([key!.colour, string!.colour, number!.colour, bool!.colour]).size).toBe(4);
    expect(nul!.colour).toBe(bool!.colour);
    for (const { contrast } of colours) expect(contrast).toBeGreaterThanOrEqual(4.5);
  }

  it('colours, matches brackets, folds, marks the parse error where it is, formats, and lets Tab leave (en, light)', async () => {
    const { app, page, console: c, t } = await openOn('en', 'light');
    // A GET request has no body: the editor's code is not loaded for the first paint.
    expect(await c.method.inputValue()).toBe('GET');
    expect(await loadedEditorChunk(page)).toBe(false);

    await c.pick('/cgi-bin/message/custom/send');
    await c.body.waitFor();
    expect(await loadedEditorChunk(page)).toBe(true);
    // The template's placeholder is marked in place.
    expect(await c.section.locator('.cm-placeholder-name').first().textContent()).toBe('OPENID');

    await expectReadableColours(c);

    // Bracket matching: the caret at the start, before "{", marks it and its partner at the end.
    await page.keyboard.press('ControlOrMeta+Home');
    await expect.poll(() => c.section.locator('.cm-matchingBracket').allTextContents()).toEqual(['{', '}']);

    // The parse error is marked at its position (line 2, the quote where ':' was expected); Enter indented line 2.
    await c.typeBody('{"touser": "o1",\n"msgtype" "text"}');
    expect(await c.bodyText()).toBe('{"touser": "o1",\n  "msgtype" "text"}');
    const mark = c.section.locator('.cm-lintRange-error');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('"');
    expect(await mark.evaluate((el) => el.closest('.cm-line')!.textContent)).toBe('  "msgtype" "text"}');
    await expect.poll(() => c.bodyCheck()).toMatch(/^JSON error at line 2, column 13: /);
    expect(await c.body.getAttribute('aria-invalid')).toBe('true');
    await mark.hover();
    await expect.poll(() => c.section.locator('.cm-tooltip-lint').textContent()).toMatch(/^JSON error at line 2, column 13: /);
    await app.screenshot('console-editor-error.en.light');

    // Format: Shift+Alt+F in the editor.
    const compact = '{"touser":"o1","msgtype":"text","text":{"content":"hi"}}';
    await c.insertBody(compact);
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => c.bodyText()).toBe(JSON.stringify(JSON.parse(compact), null, 2));
    expect(await c.body.getAttribute('aria-invalid')).toBeNull();

    // Folding: the marker on the "text" line folds that object into a placeholder, a click on which unfolds it.
    const lines = c.section.locator('.cm-line');
    expect(await lines.count()).toBe(7);
    // Markers on the foldable lines only: the outer object (line 1) and "text" (line 4).
    const markers = c.section.locator('.cm-foldGutter .cm-gutterElement span[title]').filter({ visible: true });
    expect(await markers.count()).toBe(2);
    await markers.nth(1).click();
    await c.section.locator('.cm-foldPlaceholder').waitFor();
    expect(await lines.count()).toBe(5);
    await app.screenshot('console-editor.en.light');
    await c.section.locator('.cm-foldPlaceholder').click();
    await expect.poll(() => lines.count()).toBe(7);

    // Tab is not trapped: it leaves the editor, as Shift+Tab does.
    await c.body.click();
    expect(await editorFocused(c.body)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await editorFocused(c.body)).toBe(false);
    await c.body.click();
    await page.keyboard.press('Shift+Tab');
    expect(await editorFocused(c.body)).toBe(false);
    expect(await c.bodyText()).toBe(JSON.stringify(JSON.parse(compact), null, 2));

    // Ctrl+Enter in the editor sends (no blank line is inserted).
    await c.body.click();
    await page.keyboard.press('Control+Enter');
    await c.settled();
    expect(await c.answers.textContent()).toBe('POST /cgi-bin/message/custom/send');
    expect(await c.bodyText()).toBe(JSON.stringify(JSON.parse(compact), null, 2));
    expect(t('console.jsonOk')).toBe(await c.bodyCheck());
  });

  it('is readable in the dark theme and says where JSON breaks in Chinese (zh-CN, dark)', async () => {
    const { app, console: c, t } = await openOn('zh-CN', 'dark');
    await c.pick('/cgi-bin/message/custom/send');
    await c.body.waitFor();
    await expectReadableColours(c);
    await c.insertBody('{"touser": "o1",\n  "msgtype" "text"}');
    const mark = c.section.locator('.cm-lintRange-error');
    await mark.waitFor();
    await mark.hover();
    const expected = t('console.jsonError', { line: 2, column: 13, message: '\u0000' }).split('\u0000')[0]!;
    await expect.poll(() => c.section.locator('.cm-tooltip-lint').textContent()).toContain(expected);
    await app.screenshot('console-editor-error.zh-CN.dark');
    await c.insertBody('{"touser":"o1","msgtype":"text","text":{"content":"你好"}}');
    await c.formatButton.click();
    await expect.poll(() => c.bodyText()).toContain('\n  "text": {\n    "content": "你好"\n  }');
    await c.section.locator('.body-editor').scrollIntoViewIfNeeded();
    await app.screenshot('console-editor.zh-CN.dark');
  });
});
