import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { checkJson } from '../../lib/json-text';
import { useAppShallow } from '../../store/hooks';
import type { JsonEditor } from './json-editor';

/**
 * The JSON body: a CodeMirror editor (syntax colours, bracket matching, folding, the parse error marked where it
 * is, Shift-Alt-F or the button to format), loaded on demand so the app's first paint does not pay for it.
 * The draft in the store stays the one source of the body: the editor writes to it and follows it.
 */
export function BodyEditor() {
  const { t } = useT();
  const { body, updateDraft } = useAppShallow((st) => ({ body: st.draft.body, updateDraft: st.updateDraft }));
  const ids = { label: useId(), check: useId() };
  const host = useRef<HTMLDivElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const [editor, setEditor] = useState<JsonEditor>();
  const deferredBody = useDeferredValue(body);
  const check = useMemo(() => (deferredBody.trim() ? checkJson(deferredBody) : undefined), [deferredBody]);
  const invalid = check !== undefined && !check.ok;
  // What the editor needs at creation and from its callbacks, always current.
  const latest = useRef({ body, t, updateDraft });
  latest.current = { body, t, updateDraft };

  useEffect(() => {
    let created: JsonEditor | undefined;
    let cancelled = false;
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    void import('./json-editor').then(({ createJsonEditor }) => {
      if (cancelled) return;
      const parent = document.createElement('div');
      shadow.replaceChildren(parent);
      created = createJsonEditor(parent, shadow, {
        doc: latest.current.body,
        label: latest.current.t('console.body'),
        onChange: (text) => latest.current.updateDraft({ body: text }),
        describeError: (c) => latest.current.t('console.jsonError', { line: c.line, column: c.column, message: c.message }),
      });
      // The description is outside the shadow root: an element reference reaches it where an id cannot.
      created.view.contentDOM.ariaDescribedByElements = [message.current!];
      setEditor(created);
    });
    return () => {
      cancelled = true;
      created?.destroy();
    };
  }, []);

  useEffect(() => editor?.setDoc(body), [editor, body]);
  useEffect(() => editor?.setLabel(t('console.body'), invalid), [editor, t, invalid]);

  return (
    <div className="body-editor">
      <div className="body-head">
        <label id={ids.label} onClick={() => editor?.view.focus()}>
          {t('console.body')}
        </label>
        <button
          type="button"
          className="small"
          disabled={!check?.ok || !editor}
          title={t('console.formatHint')}
          onClick={() => editor?.format()}
        >
          {t('console.format')}
        </button>
      </div>
      <div ref={host} className="body-editor-host" />
      <p id={ids.check} ref={message} className={invalid ? 'field-error body-check' : 'hint body-check'} aria-live="polite">
        {check && !check.ok
          ? t('console.jsonError', { line: check.line, column: check.column, message: check.message })
          : check?.ok
            ? t('console.jsonOk')
            : t('console.bodyEmpty')}
      </p>
    </div>
  );
}
