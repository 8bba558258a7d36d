import { useMemo, useState } from 'react';
import type { HistoryEntry } from '../../shared/models';
import { useAppShallow } from '../store/hooks';
import { useT } from '../i18n/use-t';
import { formatLocalTime, formatMs } from '../lib/format';
import { pathWithQuery, statusText } from './request/request-line';
import { searchHistory } from './history/history-search';

/** The account's past requests: searchable, each with its kept response; re-run one, load it, or clear them all. */
export function HistoryList({ account }: { account: string }) {
  const { t } = useT();
  const { entries, clear } = useAppShallow((s) => ({ entries: s.history[account], clear: s.clearHistory }));
  const [confirming, setConfirming] = useState(false);
  const [search, setSearch] = useState('');
  const list = entries ?? [];
  const shown = useMemo(() => searchHistory(list, search), [list, search]);
  return (
    <section className="history" aria-label={t('history.title')}>
      <div className="section-head">
        <h3>{t('history.title')}</h3>
        {list.length ? (
          <input type="search" className="history-search" aria-label={t('history.search')} placeholder={t('history.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        ) : null}
        {list.length ? (
          confirming ? (
            <span className="confirm-inline">
              {t('history.clearConfirm')}
              <button type="button" className="small danger" onClick={() => { setConfirming(false); void clear(account); }}>
                {t('history.clearYes')}
              </button>
              <button type="button" className="small" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="small" onClick={() => setConfirming(true)}>
              {t('history.clear')}
            </button>
          )
        ) : null}
      </div>
      {list.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      {list.length > 0 && shown.length === 0 ? <p className="muted">{t('history.noMatch')}</p> : null}
      <ul className="history-list">
        {shown.map((e) => (
          <HistoryRow key={e.id} entry={e} />
        ))}
      </ul>
    </section>
  );
}

function HistoryRow({ entry: e }: { entry: HistoryEntry }) {
  const { t, lang } = useT();
  const { inFlight, rerun, load } = useAppShallow((s) => ({ inFlight: s.inFlight, rerun: s.rerun, load: s.loadHistoryEntry }));
  const [open, setOpen] = useState(false);
  const full = pathWithQuery(e.path, e.query);
  const status = statusText(e);
  return (
    <li>
      <div className="history-row">
        <span className={`method method-${e.method}`}>{e.method}</span>
        <span className="mono grow ellipsis history-path" title={full}>{full}</span>
        <span className={`history-status ${e.errcode || (e.status ?? 0) >= 400 || e.error ? 'bad' : 'good'}`} title={e.error}>
          {status || t('history.failed')}
        </span>
        <span className="muted">{formatMs(e.timeMs)}</span>
        <time className="muted" dateTime={new Date(e.at).toISOString()}>{formatLocalTime(e.at, lang)}</time>
        {e.response ? (
          <button type="button" className="small" aria-expanded={open} aria-label={t('history.viewN', { path: e.path })} onClick={() => setOpen(!open)}>
            {t('history.view')}
          </button>
        ) : null}
        <button type="button" className="small" aria-label={t('history.loadN', { path: e.path })} onClick={() => load(e)}>
          {t('history.load')}
        </button>
        <button type="button" className="small" disabled={inFlight !== undefined} aria-label={t('history.rerunN', { path: e.path })} onClick={() => void rerun(e)}>
          {t('history.rerun')}
        </button>
      </div>
      {open && e.response ? (
        <div className="history-response">
          {e.error ? <p className="bad">{e.error}</p> : null}
          {e.response.binary ? <p className="muted">{t('history.binaryNotKept', { type: e.response.contentType })}</p> : null}
          {e.response.text !== undefined ? (
            <pre className="mono" aria-label={t('history.responseOf', { path: full })}>{e.response.text}</pre>
          ) : null}
          {e.response.truncated ? <p className="hint">{t('history.truncated')}</p> : null}
        </div>
      ) : null}
    </li>
  );
}
