import { useCallback, useEffect, useId, useState } from 'react';
import type { AccountView, SavedRequest } from '../../../shared/models';
import type { AppError } from '../../../shared/result';
import { useApi } from '../../api-context';
import { useT } from '../../i18n/use-t';
import { useAppShallow } from '../../store/hooks';
import { queryPairs } from '../../store/console-slice';
import { ErrorView } from '../../components/ErrorView';
import { pathWithQuery } from '../request/request-line';

/** The account's saved requests: save what the editor holds with a name and notes, load one back, export them as a file. */
export function SavedRequests({ account }: { account: AccountView }) {
  const { t } = useT();
  const api = useApi();
  const { draft, loadRequest } = useAppShallow((s) => ({ draft: s.draft, loadRequest: s.loadRequest }));
  const [list, setList] = useState<SavedRequest[]>([]);
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<AppError>();
  const ids = { name: useId(), notes: useId() };

  const refresh = useCallback(async () => {
    const res = await api.listSaved({ name: account.name });
    if (res.ok) setList(res.value);
    else setError(res.error);
  }, [api, account.name]);
  useEffect(() => void refresh(), [refresh]);

  async function save() {
    const res = await api.saveRequest({
      name: account.name,
      request: {
        name: name.trim() || draft.path,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        method: draft.method,
        path: draft.path.trim(),
        query: queryPairs(draft.query),
        ...(draft.method === 'POST' && draft.body.trim() ? { body: draft.body } : {}),
      },
    });
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setName('');
    setNotes('');
    await refresh();
  }

  async function remove(id: string) {
    const res = await api.removeSaved({ name: account.name, id });
    if (!res.ok) return setError(res.error);
    await refresh();
  }

  async function exportFile() {
    const res = await api.exportSaved({ name: account.name });
    if (!res.ok) return setError(res.error);
    const url = URL.createObjectURL(new Blob([res.value.text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = res.value.filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <section className="saved" aria-label={t('saved.title')}>
      <div className="section-head">
        <h3>{t('saved.title')}</h3>
        {list.length ? (
          <button type="button" className="small" onClick={() => void exportFile()}>
            {t('saved.export')}
          </button>
        ) : null}
      </div>
      <form
        className="saved-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={ids.name}>{t('saved.name')}</label>
        <input id={ids.name} value={name} placeholder={draft.path} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={ids.notes}>{t('saved.notes')}</label>
        <textarea id={ids.notes} rows={2} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
        <button type="submit" className="small" disabled={!draft.path.trim()}>
          {t('saved.save')}
        </button>
      </form>
      <p className="hint">{t('saved.hint')}</p>
      {error ? <ErrorView error={error} /> : null}
      {list.length === 0 ? <p className="muted">{t('saved.empty')}</p> : null}
      <ul className="saved-list">
        {list.map((s) => (
          <li key={s.id}>
            <div className="history-row">
              <strong className="saved-name">{s.name}</strong>
              <span className={`method method-${s.method}`}>{s.method}</span>
              <span className="mono grow ellipsis">{pathWithQuery(s.path, s.query)}</span>
              <button type="button" className="small" aria-label={t('saved.loadN', { name: s.name })} onClick={() => loadRequest(s)}>
                {t('history.load')}
              </button>
              <button type="button" className="small" aria-label={t('saved.removeN', { name: s.name })} onClick={() => void remove(s.id)}>
                {t('saved.remove')}
              </button>
            </div>
            {s.notes ? <p className="muted saved-notes">{s.notes}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
