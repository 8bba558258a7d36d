/**
 * The request body's JSON editor (CodeMirror 6), loaded on demand by BodyEditor.
 *
 * It lives in a shadow root on purpose: style-mod, which CodeMirror writes its styles with, uses a constructable
 * stylesheet (adoptedStyleSheets, which CSP does not govern) only for a shadow root; mounted in the document
 * itself it adds a <style> element, which the app's `style-src 'self'` refuses (the editor would be unstyled).
 *
 * Tab is left to the browser (no indentWithTab), so the keyboard is never trapped; Mod-Enter is left to the
 * form (it sends). Shift-Alt-F formats, as in VS Code.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, codeFolding, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { forceLinting, linter, type Diagnostic } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { checkJson, formatJson } from '../../lib/json-text';
import { editorLook } from './editor-theme';
import { placeholderMarks } from './placeholder-marks';

export interface JsonEditorOptions {
  doc: string;
  /** The accessible name of the editable area. */
  label: string;
  onChange(text: string): void;
  /** The lint message for a parse error (in the UI's language). */
  describeError(check: { line: number; column: number; message: string }): string;
}

export interface JsonEditor {
  readonly view: EditorView;
  /** Replaces the text when it differs (a template, a history entry, the parameter form); undo still works. */
  setDoc(text: string): void;
  setLabel(label: string, invalid: boolean): void;
  /** Pretty-prints a valid body; false when it does not parse. */
  format(): boolean;
  destroy(): void;
}

const fromOutside = Annotation.define<boolean>();

function jsonLint(describe: JsonEditorOptions['describeError']): Extension {
  return linter(
    (view): Diagnostic[] => {
      const text = view.state.doc.toString();
      if (!text.trim()) return [];
      const check = checkJson(text);
      if (check.ok) return [];
      const from = Math.min(check.position, text.length);
      return [{ from, to: Math.min(from + 1, text.length), severity: 'error', message: describe(check) }];
    },
    { delay: 250 },
  );
}

/**
 * CodeMirror's own placeholder unfolds on `click`, which is lost when the editor redraws the line between the
 * button's press and release (a lint pass or a re-measure after a resize can): this one unfolds on the press.
 */
function foldPlaceholder(view: EditorView, unfold: (event: Event) => void): HTMLElement {
  const element = document.createElement('span');
  element.className = 'cm-foldPlaceholder';
  element.textContent = '…';
  element.setAttribute('aria-label', view.state.phrase('folded code'));
  element.title = view.state.phrase('unfold');
  element.onmousedown = unfold;
  return element;
}

function formatView(view: EditorView): boolean {
  const text = view.state.doc.toString();
  const pretty = formatJson(text);
  if (pretty === undefined) return false;
  if (pretty !== text) view.dispatch({ changes: { from: 0, to: text.length, insert: pretty } });
  return true;
}

const ariaAttributes = (label: string, invalid: boolean) =>
  EditorView.contentAttributes.of({ 'aria-label': label, ...(invalid ? { 'aria-invalid': 'true' } : {}) });

export function createJsonEditor(parent: HTMLElement, root: ShadowRoot, options: JsonEditorOptions): JsonEditor {
  const aria = new Compartment();
  const view = new EditorView({
    root,
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        codeFolding({ placeholderDOM: foldPlaceholder }),
        foldGutter(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        json(),
        jsonLint(options.describeError),
        placeholderMarks,
        editorLook,
        EditorState.tabSize.of(2),
        aria.of(ariaAttributes(options.label, false)),
        keymap.of([
          { key: 'Shift-Alt-f', run: formatView },
          ...defaultKeymap.filter((binding) => binding.key !== 'Mod-Enter'),
          ...historyKeymap,
          ...foldKeymap,
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromOutside))) {
            options.onChange(update.state.doc.toString());
          }
        }),
      ],
    }),
  });
  return {
    view,
    setDoc(text) {
      const current = view.state.doc.toString();
      if (current === text) return;
      view.dispatch({ changes: { from: 0, to: current.length, insert: text }, annotations: fromOutside.of(true) });
      forceLinting(view);
    },
    setLabel(label, invalid) {
      view.dispatch({ effects: aria.reconfigure(ariaAttributes(label, invalid)) });
    },
    format: () => formatView(view),
    destroy: () => view.destroy(),
  };
}
