/**
 * clear_quota behind its one question (it spends one of 10 resets a month), and the offer of it next to a 45009:
 * on the token card (token fetching itself is out of quota: clear_quota/v2 with the AppSecret, sent by the host)
 * or in a console response (clear_quota with the token).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import { localize } from '../../../shared/errors/errors';
import { useApi } from '../../api-context';
import { useT } from '../../i18n/use-t';
import { useAppShallow } from '../../store/hooks';
import '../toolbox.css';
import type { AppState } from '../../store/types';

export function ClearQuotaConfirm({ name, withSecret, onClose, onCleared }: { name: string; withSecret?: boolean; onClose(): void; onCleared(): void }) {
  const { t, lang } = useT();
  const api = useApi();
  const ids = { title: useId(), warning: useId() };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus: Enter on an unread warning must not spend a reset.
  useEffect(() => cancel.current?.focus(), []);

  async function clear() {
    setBusy(true);
    const got = await api.clearQuota({ name, confirm: true, ...(withSecret ? { withSecret: true } : {}) });
    setBusy(false);
    if (got.ok) onCleared();
    else setError(got.error);
  }

  return (
    <div role="alertdialog" aria-labelledby={ids.title} aria-describedby={ids.warning} className="toolbox-confirm">
      <h3 id={ids.title}>{t('toolbox.quota.clear')}</h3>
      <p id={ids.warning}>{t('toolbox.quota.clearWarning')}</p>
      {withSecret ? <p className="hint">{t('toolbox.clear.v2Note')}</p> : null}
      {error ? (
        <p className="toolbox-failed">
          {error.errcode !== undefined ? <code className="errcode">{error.errcode}</code> : null} {localize(error.message, lang)}
          {error.next ? ` — ${localize(error.next, lang)}` : ''}
        </p>
      ) : null}
      <button type="button" className="danger" disabled={busy} onClick={() => void clear()}>{t('toolbox.quota.clearYes')}</button>{' '}
      <button type="button" ref={cancel} onClick={onClose}>{t('common.cancel')}</button>
    </div>
  );
}

const isQuotaSpent = (error: AppError) => error.errcode === 45009 || error.code === 'fetch_blocked';

/**
 * Which account an error shown on screen belongs to: only the selected account's token error or console response
 * is answered with an offer, never an error in a dialog about an account not yet saved.
 */
function ownerOf(s: AppState, error: AppError): string | undefined {
  const name = s.selected;
  if (!name) return undefined;
  const mine = [s.tokenErrors[name], s.tokens[name]?.lastError];
  if (s.response?.account === name) mine.push(s.response.value.error);
  if (s.responseError?.account === name) mine.push(s.responseError.error);
  return mine.includes(error) ? name : undefined;
}

/** "Reset the quota…" under a 45009. */
export function ClearQuotaOffer({ error }: { error: AppError }) {
  const { t } = useT();
  const s = useAppShallow((st) => {
    const name = isQuotaSpent(error) ? ownerOf(st, error) : undefined;
    return {
      name,
      kind: st.accounts.find((a) => a.name === name)?.kind,
      // Fetching paused by a 45009 at the token endpoint: there is no token to ask clear_quota with.
      blocked: name !== undefined && st.tokens[name]?.fetchBlocked === true,
      resumeFetching: st.resumeFetching,
      toast: st.toast,
    };
  });
  const [asking, setAsking] = useState(false);
  // WeCom has no clear_quota.
  if (!s.name || !s.kind || s.kind === 'wecom') return null;
  const name = s.name;
  const withSecret = s.blocked || error.code === 'fetch_blocked';

  if (!asking) {
    return (
      <p className="error-meta">
        <button type="button" className="small" onClick={() => setAsking(true)}>{t(withSecret ? 'toolbox.clear.offerV2' : 'toolbox.clear.offer')}</button>
      </p>
    );
  }
  return (
    <ClearQuotaConfirm
      name={name}
      withSecret={withSecret}
      onClose={() => setAsking(false)}
      onCleared={() => {
        setAsking(false);
        s.toast({ key: 'toolbox.clear.done' });
        // The host resumed fetching; the card learns it (and drops the 45009) from a fresh status.
        void s.resumeFetching(name);
      }}
    />
  );
}
