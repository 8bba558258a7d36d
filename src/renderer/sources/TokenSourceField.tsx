/**
 * The account dialog's "Token source" choice (issue 8): this machine, share via Redis (WeCom: with the app's
 * agentid), observe Redis, observe a URL (with a header whose value is write-only, like a secret: it goes to the
 * keychain through the contract when the dialog saves), or paste.
 */
import { useEffect, useId, useState } from 'react';
import type { AccountKind, AccountSource, AccountSourceType } from '../../shared/models';
import { OBSERVE_FORMATS, type RedisConnectionView } from '../../shared/redis';
import { useApi } from '../api-context';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/use-t';

const CHOICES: [AccountSourceType | 'local', MessageKey][] = [
  ['local', 'source.local'],
  ['share', 'source.shareOpt'],
  ['observe', 'source.observeOpt'],
  ['observe-url', 'source.urlOpt'],
  ['paste', 'source.pasteOpt'],
];

export interface HeaderValueProps {
  /** The value typed for the header (never read back from the keychain). */
  value: string;
  onChange(value: string): void;
  /** The saved account already has a value in the keychain. */
  kept: boolean;
  /** A problem to show under the header fields (a message already in the page's language). */
  error?: string;
}

export function TokenSourceField({ value, onChange, kind, header }: { value: AccountSource | undefined; onChange(next: AccountSource | undefined): void; kind: AccountKind; header: HeaderValueProps }) {
  const { t } = useT();
  const api = useApi();
  const [redis, setRedis] = useState<RedisConnectionView[]>([]);
  const ids = { redis: useId(), format: useId(), key: useId(), url: useId(), agentid: useId(), header: useId(), headerValue: useId(), headerError: useId() };
  useEffect(() => {
    void api.listRedis({}).then((r) => r.ok && setRedis(r.value));
  }, [api]);
  const firstRedis = redis[0]?.name ?? '';
  const choose = (type: AccountSourceType | 'local') => {
    if (type === 'local') return onChange(undefined);
    if (type === 'share') return onChange({ type, redis: firstRedis });
    if (type === 'observe') return onChange({ type, redis: firstRedis, format: 'wxjava' });
    if (type === 'observe-url') return onChange({ type, url: '' });
    return onChange({ type: 'paste' });
  };
  const current = value?.type ?? 'local';

  return (
    <fieldset className="field token-source">
      <legend>{t('source.field')}</legend>
      <div className="segmented">
        {CHOICES.map(([type, label]) => (
          <label key={type}>
            <input type="radio" name="token-source" checked={current === type} onChange={() => choose(type)} />
            {t(label)}
          </label>
        ))}
      </div>
      {value?.type === 'share' || value?.type === 'observe' ? (
        <p>
          <label htmlFor={ids.redis}>{t('source.redis')}</label>{' '}
          <select id={ids.redis} value={value.redis} onChange={(e) => onChange({ ...value, redis: e.target.value })}>
            {redis.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {value?.type === 'share' && kind === 'wecom' ? (
        <p>
          <label htmlFor={ids.agentid}>{t('source.agentid')}</label>{' '}
          <input
            id={ids.agentid}
            className="mono"
            inputMode="numeric"
            placeholder="1000002"
            value={value.agentid ?? ''}
            onChange={(e) => {
              const { agentid: _drop, ...rest } = value;
              onChange(e.target.value ? { ...rest, agentid: e.target.value.trim() } : rest);
            }}
          />
        </p>
      ) : null}
      {value?.type === 'observe' ? (
        <p>
          <label htmlFor={ids.format}>{t('source.format')}</label>{' '}
          <select id={ids.format} value={value.format} onChange={(e) => onChange({ ...value, format: e.target.value as typeof value.format })}>
            {OBSERVE_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>{' '}
          <label htmlFor={ids.key}>{t('source.key')}</label>{' '}
          <input
            id={ids.key}
            className="mono"
            placeholder="wx:access_token:{appid}"
            value={value.key ?? ''}
            onChange={(e) => {
              const { key: _drop, ...rest } = value;
              onChange(e.target.value ? { ...rest, key: e.target.value } : rest);
            }}
          />
        </p>
      ) : null}
      {value?.type === 'observe-url' ? (
        <p>
          <label htmlFor={ids.url}>{t('source.url')}</label>{' '}
          <input id={ids.url} className="mono" placeholder="http://127.0.0.1:8080/v1/token/prod" value={value.url} onChange={(e) => onChange({ ...value, url: e.target.value })} />
        </p>
      ) : null}
      {value?.type === 'observe-url' ? (
        <p>
          <label htmlFor={ids.header}>{t('source.header')}</label>{' '}
          <input
            id={ids.header}
            className="mono"
            placeholder="Authorization"
            spellCheck={false}
            value={value.header ?? ''}
            onChange={(e) => {
              const { header: _drop, ...rest } = value;
              onChange(e.target.value ? { ...rest, header: e.target.value } : rest);
            }}
          />{' '}
          <label htmlFor={ids.headerValue}>{t('source.headerValue')}</label>{' '}
          <input
            id={ids.headerValue}
            type="password"
            autoComplete="off"
            spellCheck={false}
            disabled={!value.header}
            placeholder={header.kept ? '••••••••' : ''}
            aria-invalid={header.error ? true : undefined}
            aria-describedby={header.error ? ids.headerError : undefined}
            value={header.value}
            onChange={(e) => header.onChange(e.target.value)}
          />
          {header.error ? (
            <span className="field-error" id={ids.headerError} role="alert">
              {header.error}
            </span>
          ) : null}
          <span className="hint">{value.header ? t(header.kept ? 'source.headerKept' : 'source.headerHint') : ''}</span>
        </p>
      ) : null}
      <p className="hint">{value?.type === 'share' ? t('source.shareHint') : value ? t('source.noFetchHint') : ''}</p>
    </fieldset>
  );
}
