/**
 * The token card's "where it came from" line (issue 8): shared on a team Redis and who fetched it, read from a
 * key on production's Redis or from a URL with the time left, or pasted by hand — with a paste form for those.
 */
import { useState } from 'react';
import type { AccountView, TokenStatus } from '../../shared/models';
import type { AppError } from '../../shared/result';
import { useApi } from '../api-context';
import { useT } from '../i18n/use-t';
import { formatCountdown } from '../lib/format';
import { useNow } from '../lib/use-now';
import { ErrorView } from '../components/ErrorView';

export function TokenOriginLine({ account, status }: { account: AccountView; status?: TokenStatus }) {
  const { t } = useT();
  const now = useNow(1000);
  const source = account.source;
  if (!source) return null;
  const origin = status?.origin?.type === source.type ? status.origin : undefined;
  const valid = status?.expiresAt !== undefined && status.expiresAt > now && origin !== undefined;
  const left = valid ? formatCountdown(status!.expiresAt! - now) : '';
  const ago = status?.fetchedAt ? Math.max(0, Math.round((now - status.fetchedAt) / 60_000)) : 0;
  let text: string;
  switch (source.type) {
    case 'share':
      text = valid && origin?.fetchedBy ? t('source.sharedBy', { redis: source.redis, host: origin.fetchedBy, ago }) : t('source.shared', { redis: source.redis });
      break;
    case 'observe':
      text = valid ? t('source.observed', { key: origin?.key ?? '', redis: source.redis, ttl: left }) : t('source.observedNone', { redis: source.redis });
      break;
    case 'observe-url':
      text = valid ? t('source.observedUrl', { url: source.url, ttl: left }) : t('source.observedUrlNone', { url: source.url });
      break;
    case 'paste':
      text = valid ? t('source.pasted', { left }) : t('source.pastedNone');
      break;
  }
  return (
    <div className="token-origin">
      <p className="muted" data-testid="token-origin">
        {text}
      </p>
      {source.type === 'paste' ? <PasteToken name={account.name} /> : null}
    </div>
  );
}

/** A token typed or pasted by hand: write-only, like a secret (the field never shows it back). */
function PasteToken({ name }: { name: string }) {
  const { t } = useT();
  const api = useApi();
  const [token, setToken] = useState('');
  const [minutes, setMinutes] = useState('120');
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    const expiresIn = Math.round(Number(minutes) * 60);
    setBusy(true);
    const result = await api.setToken({ name, token: token.trim(), ...(expiresIn > 0 ? { expiresIn } : {}) });
    setBusy(false);
    setError(result.ok ? undefined : result.error);
    if (result.ok) setToken('');
  }

  return (
    <form
      className="paste-token"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('source.pasteLabel')}{' '}
        <input type="password" autoComplete="off" spellCheck={false} className="mono" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>{' '}
      <label>
        {t('source.pasteMinutes')} <input type="number" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>{' '}
      <button type="submit" className="small" disabled={busy || !token.trim()}>
        {t('source.pasteSet')}
      </button>
      {error ? <ErrorView error={error} /> : null}
    </form>
  );
}
