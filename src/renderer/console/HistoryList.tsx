import { useState } from 'react';
import { useAppShallow } from '../store/hooks';
import { useT } from '../i18n/use-t';
import { formatLocalTime, formatMs } from '../lib/format';

/** The account's past requests: re-run one, load it into the editor, or clear them all. */
export function HistoryList({ account }: { account: string }) {
  const { t, lang } = useT();
  const { entries, inFlight, rerun, load, clear } = useAppShallow((s) => ({
    entries: s.history[account],
    inFlight: s.inFlight,
    rerun: s.rerun,
    load: s.loadHistoryEntry,
    clear: s.clearHistory,
  }));
  const [confirming, setConfirming] = useState(false);
  const list = entries ?? [];
  return (
    <section className="history" aria-label={t('history.title')}>
      <div className="section-head">
        <h3>{t('history.title')}</h3>
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
      <ul className="history-list">
        {list.map((e) => (
          <li key={e.id}>
            <span className={`method method-${e.method}`}>{e.method}</span>
            <span className="mono grow ellipsis" title={e.path}>{e.path}</span>
            <span className={e.errcode || (e.status ?? 0) >= 400 || e.error ? 'bad' : 'good'}>
              {e.errcode ? `errcode ${e.errcode}` : (e.status ?? e.error ?? '—')}
            </span>
            <span className="muted">{formatMs(e.timeMs)}</span>
            <time className="muted" dateTime={new Date(e.at).toISOString()}>{formatLocalTime(e.at, lang)}</time>
            <button type="button" className="small" aria-label={t('history.loadN', { path: e.path })} onClick={() => load(e)}>
              {t('history.load')}
            </button>
            <button type="button" className="small" disabled={inFlight !== undefined} aria-label={t('history.rerunN', { path: e.path })} onClick={() => void rerun(e)}>
              {t('history.rerun')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
