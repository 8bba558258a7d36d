/**
 * The body editor's look, from the app's CSS variables (they inherit into the editor's shadow root and follow
 * the light/dark theme through light-dark()), so one theme serves both. Token colours are the response tree's,
 * the light string green a shade darker: every one is 4.5:1 or better on the panel in both themes.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export const jsonColours = {
  key: 'var(--info)',
  string: 'light-dark(#087f41, #5fd394)',
  number: 'light-dark(#b35c00, #f0a36a)',
  literal: 'light-dark(#8b3fd9, #c89bff)',
};

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: jsonColours.key },
  { tag: tags.string, color: jsonColours.string },
  { tag: tags.number, color: jsonColours.number },
  { tag: [tags.bool, tags.null], color: jsonColours.literal },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--muted)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

const look = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--panel)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    fontSize: '13px',
    minHeight: '12em',
    maxHeight: '32em',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--text)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--focus) 28%, transparent)',
  },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--border)', borderRadius: '6px 0 0 6px' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--text)' },
  '.cm-foldGutter .cm-gutterElement': { cursor: 'pointer', padding: '0 4px' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--panel-2)', border: '1px solid var(--border)', color: 'var(--text)', padding: '0 4px' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: '1px solid var(--accent-ink)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--danger-soft)', outline: '1px solid var(--danger)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-lintRange-error': { backgroundColor: 'var(--danger-soft)' },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--danger)' },
  '.cm-panels': { backgroundColor: 'var(--panel-2)', color: 'var(--text)' },
  '.cm-placeholder-name': { backgroundColor: 'var(--warn-soft)', outline: '1px solid var(--warn)', borderRadius: '2px' },
});

export const editorLook = [look, syntaxHighlighting(highlight)];
