import { useId, useMemo, useState } from 'react';
import type { AccountView, HttpMethod } from '../../shared/models';
import { useAppShallow } from '../store/hooks';
import { holdsMask, queryPairs } from '../store/console-slice';
import { useT } from '../i18n/use-t';
import { KindMismatch } from './request/KindMismatch';
import { SendConfirm } from './request/SendConfirm';
import { needsConfirm, sendChecks } from './request/send-checks';
import { CopyAs } from './snippets/CopyAs';
import { snippetForm } from './snippets/snippets';
import { parsePasted } from './request/paste';
import { PasteNote } from './request/PasteNote';
import { ParamForm } from './params/ParamForm';
import { FormUpload, type FormValues } from './params/FormUpload';
import { BodyEditor } from './body/BodyEditor';

/**
 * Method, path, query table and JSON body; Ctrl/Cmd+Enter sends, a request in flight can be cancelled.
 * Send names the account whose token it uses, waits while a placeholder is left, and asks once first when
 * the endpoint has a side effect or is meant for another kind of account.
 */
export function RequestEditor({ account }: { account: AccountView }) {
  const { t } = useT();
  const s = useAppShallow((st) => ({
    draft: st.draft,
    endpoints: st.endpoints,
    inFlight: st.inFlight,
    updateDraft: st.updateDraft,
    addQueryRow: st.addQueryRow,
    updateQueryRow: st.updateQueryRow,
    removeQueryRow: st.removeQueryRow,
    send: st.send,
    applyPasted: st.applyPasted,
    cancelRequest: st.cancelRequest,
  }));
  const { draft } = s;
  const ids = { method: useId(), path: useId(), placeholders: useId() };
  const checks = useMemo(
    // The body as it is now, not deferred: Send must never be enabled for a moment with a placeholder in it.
    () => sendChecks(draft, s.endpoints, account.kind),
    [draft, s.endpoints, account.kind],
  );
  const blocked = checks.placeholders.length > 0;
  const [confirming, setConfirming] = useState(false);
  // A multipart endpoint (the catalogue's `form`): its fields replace the JSON body.
  const formFields = draft.method === 'POST' ? checks.endpoint?.form : undefined;
  const [formValues, setFormValues] = useState<FormValues>({});
  const [reading, setReading] = useState(0);
  const form = formFields ? formFields.map((f) => formValues[f.name]).filter((v) => v !== undefined) : undefined;
  const sendNow = () => void s.send(account.name, form?.length ? form : undefined);

  /** `PATH?query` or a URL typed into the path field is split on leaving it (and instead of a first send). */
  function splitPath(): boolean {
    const pasted = parsePasted(draft.path);
    if (pasted) s.applyPasted({ ...pasted, method: undefined });
    return pasted !== undefined;
  }

  function send() {
    if (splitPath() || s.inFlight || !draft.path.trim() || blocked || reading > 0) return;
    if (needsConfirm(checks)) setConfirming(true);
    else sendNow();
  }

  return (
    <form
      className="request"
      aria-label={t('console.request')}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          send();
        }
      }}
    >
      <div className="request-line">
        <label htmlFor={ids.method} className="visually-hidden">
          {t('console.method')}
        </label>
        <select id={ids.method} value={draft.method} onChange={(e) => s.updateDraft({ method: e.target.value as HttpMethod })}>
          <option value="GET">GET</option>
          <option value="POST">POST</option>
        </select>
        <span className="api-base mono muted" title={t('console.apiBase')}>{account.apiBase}</span>
        <label htmlFor={ids.path} className="visually-hidden">
          {t('console.path')}
        </label>
        <input
          id={ids.path}
          className="mono grow"
          spellCheck={false}
          value={draft.path}
          placeholder="/cgi-bin/…"
          onChange={(e) => s.updateDraft({ path: e.target.value, endpointId: undefined })}
          onBlur={splitPath}
          onPaste={(e) => {
            const pasted = parsePasted(e.clipboardData.getData('text'));
            if (!pasted) return;
            e.preventDefault();
            s.applyPasted(pasted);
          }}
        />
        {/* Distinct keys: reusing one <button> turned Cancel into a submit button mid-click, which sent again. */}
        {s.inFlight ? (
          <button key="cancel" type="button" className="danger" onClick={() => void s.cancelRequest()}>
            {t('console.cancel')}
          </button>
        ) : (
          <button
            key="send"
            type="submit"
            className="primary"
            // A chosen file is still being read: sending now would go without it.
            disabled={blocked || reading > 0}
            aria-describedby={blocked ? ids.placeholders : undefined}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title={t('console.sendAsHint', { account: account.name })}
          >
            {t('console.sendAs', { account: account.name })}
          </button>
        )}
      </div>
      <p className="hint">{t('console.tokenInjected')}</p>
      <PasteNote account={account} />
      {blocked ? (
        <p id={ids.placeholders} className="notice placeholders-left" role="status">
          {t('console.placeholdersLeft', { names: checks.placeholders.map((p) => (p.line ? `${p.name} (${t('console.bodyLine', { line: p.line })})` : p.name)).join(', ') })}
        </p>
      ) : null}
      {checks.otherKinds ? <KindMismatch account={account} kinds={checks.otherKinds} /> : null}
      {confirming ? (
        <SendConfirm
          account={account}
          checks={checks}
          onClose={() => setConfirming(false)}
          onSend={() => {
            setConfirming(false);
            sendNow();
          }}
        />
      ) : null}
      {holdsMask(draft) ? (
        <p className="notice" role="status">
          {t('console.maskedReenter')}
        </p>
      ) : null}

      {checks.endpoint && checks.endpoint.method === draft.method ? <ParamForm endpoint={checks.endpoint} /> : null}

      <table className="query-table">
        <caption className="caption">{t('console.query')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.paramName')}</th>
            <th scope="col">{t('console.paramValue')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('console.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.query.map((row, i) => (
            <tr key={row.id}>
              <td>
                <input aria-label={t('console.paramNameN', { n: i + 1 })} className="mono" value={row.key} onChange={(e) => s.updateQueryRow(row.id, { key: e.target.value })} />
              </td>
              <td>
                <input
                  aria-label={t('console.paramValueN', { n: i + 1 })}
                  className={`mono${checks.placeholderRows.has(row.id) ? ' placeholder-value' : ''}`}
                  aria-invalid={checks.placeholderRows.has(row.id) || undefined}
                  title={checks.placeholderRows.has(row.id) ? t('console.placeholderField', { name: row.value.trim() }) : undefined}
                  value={row.value}
                  onChange={(e) => s.updateQueryRow(row.id, { value: e.target.value })}
                />
              </td>
              <td>
                <button type="button" className="icon" aria-label={t('console.removeParamN', { n: i + 1 })} onClick={() => s.removeQueryRow(row.id)}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="small" onClick={s.addQueryRow}>
        {t('console.addParam')}
      </button>

      {formFields ? <FormUpload fields={formFields} values={formValues} onChange={setFormValues} onReading={(delta) => setReading((n) => n + delta)} /> : null}
      {draft.method === 'POST' && !formFields ? <BodyEditor /> : null}
      <CopyAs
        account={account}
        request={{
          method: draft.method,
          path: draft.path.trim(),
          query: queryPairs(draft.query),
          ...(formFields ? { form: snippetForm(formFields, formValues) } : { body: draft.method === 'POST' ? draft.body : undefined }),
        }}
      />
    </form>
  );
}
