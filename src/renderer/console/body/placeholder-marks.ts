/** Placeholders left in the body (OPENID, MEDIA_ID…) are marked where they are, as the query fields are. */
import { StateField, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { bodyPlaceholders } from '../request/placeholders';

const mark = Decoration.mark({ class: 'cm-placeholder-name' });

function marks(state: EditorState): DecorationSet {
  const found = bodyPlaceholders(state.doc.toString());
  return Decoration.set(found.map((p) => mark.range(p.from!, p.from! + p.name.length)));
}

export const placeholderMarks = StateField.define<DecorationSet>({
  create: marks,
  update: (value, tr) => (tr.docChanged ? marks(tr.state) : value),
  provide: (field) => EditorView.decorations.from(field),
});
