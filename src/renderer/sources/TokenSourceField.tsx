/**
 * The account dialog's "Token source" choice (issue 8): this machine, share via Redis, observe Redis, observe a
 * URL, or paste. A header for --observe-url is set with the CLI (its value goes to the keychain).
 */
import { useEffect, useId, useState } from 'react';
import type { AccountSource, AccountSourceType } from '../../shared/models';
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

export function TokenSourceField({ value, onChange }: { value: AccountSource | undefined; onChange(next: AccountSource | undefined): void }) {
  const { t } = useT();
  const api = useApi();
  const [redis, setRedis] = useState<RedisConnectionView[]>([]);
  const ids = { redis: useId(), format: useId(), key: useId(), url: useId() };
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
      <p className="hint">{value?.type === 'share' ? t('source.shareHint') : value ? t('source.noFetchHint') : ''}</p>
    </fieldset>
  );
}
