import { useEffect, useRef, useState } from 'react';
import { fetchModeOf, readOnlySource, type AccountView, type TokenStatus } from '../../shared/models';
import { useAppShallow } from '../store/hooks';
import { useT } from '../i18n/use-t';
import { formatCountdown, formatLocalTime } from '../lib/format';
import { copyDisabled, hasUsableToken, lifeLeft, liveState, shouldAutoFetch } from '../lib/token-time';
import { useNow } from '../lib/use-now';
import { useReveal } from './use-reveal';
import { ErrorView } from './ErrorView';
import { KIND_LABEL, MODE_LABEL, STATE_LABEL } from './labels';
import { TokenOriginLine } from '../sources/TokenOriginLine';

/** The selected account's token: masked, revealable, copyable, with a live countdown and its errors. */
export function TokenCard({ account }: { account: AccountView }) {
  const { t, lang } = useT();
  const name = account.name;
  const { status, error, busy } = useAppShallow((s) => ({
    status: s.tokens[name] as TokenStatus | undefined,
    error: s.tokenErrors[name],
    busy: s.tokenBusy[name],
  }));
  const actions = useAppShallow((s) => ({
    getToken: s.getToken,
    refreshToken: s.refreshToken,
    resumeFetching: s.resumeFetching,
    copyToken: s.copyToken,
    openDialog: s.openDialog,
  }));
  const now = useNow(1000);
  const state = error ? 'error' : liveState(status, now);
  const hasToken = hasUsableToken(status, now);
  const mode = status?.mode ?? fetchModeOf(account);
  const reveal = useReveal(name, status?.fetchedAt);
  const shownError = error ?? status?.lastError;

  // The host refreshes stable/WeCom tokens ahead of expiry and pushes tokenChanged; if the shown one still
  // runs out, ask once. Never for classic (see shouldAutoFetch): the "Get token" button is there.
  // Also when nothing is cached yet: stable and WeCom fetch on selection, as the card promises.
  const askedFor = useRef<number | null | undefined>(undefined);
  const autoFetch = !busy && !error && shouldAutoFetch(status, mode, now);
  useEffect(() => {
    const expiresAt = status?.expiresAt ?? null;
    if (!autoFetch || askedFor.current === expiresAt) return;
    askedFor.current = expiresAt;
    void actions.getToken(name);
  }, [autoFetch, status?.expiresAt, name, actions]);
  // Until that fetch starts (and while the status loads), "Get token" is not offered: it is about to happen.
  const shownBusy = busy ?? (autoFetch || !status ? 'get' : undefined);

  // `now` can be up to a second old when a new token arrives: never show more than the token's lifetime.
  const left = hasToken && status?.expiresAt ? Math.min(status.expiresAt - now, status.expiresAt - (status.fetchedAt ?? now)) : 0;
  const share = status && hasToken ? lifeLeft(status, now) : 0;

  return (
    <section className="card token-card" aria-label={t('token.label')}>
      <header className="card-head">
        <div>
          <h2 className="account-title">
            {name} <span className={`badge badge-${account.kind}`}>{t(KIND_LABEL[account.kind])}</span>
          </h2>
          <p className="muted mono">{account.appid}</p>
        </div>
        <div className="head-actions">
          <button type="button" className="small" onClick={() => actions.openDialog({ type: 'edit', name })}>
            {t('account.edit')}
          </button>
          <button type="button" className="small danger-text" onClick={() => actions.openDialog({ type: 'remove', name })}>
            {t('account.remove')}
          </button>
        </div>
      </header>

      <div className="token-row">
        <code className="token-value" aria-label={t('token.value')} aria-live="polite">
          {reveal.value ?? (hasToken ? status?.masked : t('token.noneYet'))}
        </code>
        <button
          type="button"
          aria-pressed={reveal.value !== undefined}
          disabled={!hasToken || reveal.loading}
          onClick={reveal.toggle}
        >
          {reveal.value !== undefined ? t('token.hide') : t('token.reveal')}
        </button>
        <button type="button" className="primary" disabled={copyDisabled(status, now, busy !== undefined)} onClick={() => actions.copyToken(name)}>
          {t('token.copy')}
        </button>
      </div>
      {reveal.error ? <ErrorView error={reveal.error} /> : null}

      <div className="countdown" aria-label={t('token.timeLeft')}>
        <div className="countdown-text">
          <span className={`dot dot-${state}`} aria-hidden="true" />
          <span>{t(STATE_LABEL[state])}</span>
          <span className="countdown-time mono">{hasToken ? formatCountdown(left) : '–:––'}</span>
        </div>
        <div
          className={`bar bar-${state}`}
          role="progressbar"
          aria-label={t('token.lifeLeft')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
          aria-valuetext={hasToken ? t('token.leftText', { time: formatCountdown(left) }) : t('state.none')}
        >
          <div className="bar-fill" style={{ transform: `scaleX(${share})` }} />
        </div>
      </div>

      <dl className="token-facts">
        <dt>{t('token.expiresAt')}</dt>
        <dd>{status?.expiresAt ? formatLocalTime(status.expiresAt, lang) : '—'}</dd>
        <dt>{t('token.fetchedAt')}</dt>
        <dd>{status?.fetchedAt ? formatLocalTime(status.fetchedAt, lang) : '—'}</dd>
        <dt>{t('token.mode')}</dt>
        {/* An observed or pasted token is never fetched here: it has no stable/classic to speak of. */}
        <dd>{t(account.source?.type === 'paste' ? 'mode.pasted' : readOnlySource(account.source) ? 'mode.observed' : MODE_LABEL[mode])}</dd>
        <dt>{t('token.source')}</dt>
        <dd>{status?.source ? t(status.source === 'cache' ? 'token.fromCache' : 'token.fromFetch') : '—'}</dd>
        <dt>{t('token.apiBase')}</dt>
        <dd className="mono wrap">{account.apiBase}</dd>
        <dt>{t('token.proxy')}</dt>
        <dd className="mono wrap">{account.proxy ?? t('token.noProxy')}</dd>
        {account.note ? (
          <>
            <dt>{t('token.note')}</dt>
            <dd className="token-note">{account.note}</dd>
          </>
        ) : null}
      </dl>
      <TokenOriginLine account={account} status={status} />

      <div className="token-actions">
        {hasToken ? (
          <button type="button" disabled={busy !== undefined || status?.fetchBlocked} onClick={() => actions.refreshToken(name)}>
            {busy === 'refresh' ? t('token.refreshing') : t('token.refresh')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={shownBusy !== undefined || status?.fetchBlocked} onClick={() => actions.getToken(name)}>
            {shownBusy === 'get' && status ? t('token.fetching') : t('token.get')}
          </button>
        )}
        <button type="button" disabled={busy !== undefined || status?.fetchBlocked} onClick={() => actions.openDialog({ type: 'force', name })}>
          {busy === 'force' ? t('token.refreshing') : t('token.forceRefresh')}
        </button>
        {status?.fetchBlocked ? (
          <button type="button" className="primary" disabled={busy !== undefined} onClick={() => actions.resumeFetching(name)}>
            {t('token.resume')}
          </button>
        ) : null}
      </div>

      {status?.fetchBlocked && shownError?.errcode !== 45009 && shownError?.code !== 'fetch_blocked' ? (
        <p className="notice">{t('token.blockedNotice')}</p>
      ) : null}
      {shownError ? <ErrorView error={shownError} title={t('token.lastError')} /> : null}
    </section>
  );
}
