/**
 * Redis connections in the settings (issue 8): add (password write-only, into the keychain), test, remove,
 * and find the keys that hold a token for an AppID (tokens masked).
 */
import { useEffect, useState } from 'react';
import type { RedisConnectionView, RedisKeyMatch, RedisTestResult } from '../../shared/redis';
import type { AppError } from '../../shared/result';
import { localize } from '../../shared/errors/errors';
import { useApi } from '../api-context';
import { useT } from '../i18n/use-t';
import { ErrorView } from '../components/ErrorView';

export function RedisSettings() {
  const { t, lang } = useT();
  const api = useApi();
  const [list, setList] = useState<RedisConnectionView[]>([]);
  const [error, setError] = useState<AppError>();
  const [draft, setDraft] = useState({ name: '', url: '', password: '', prefix: '' });
  const [tested, setTested] = useState<Record<string, RedisTestResult>>({});
  const [finding, setFinding] = useState<{ name: string; appid: string; keys?: RedisKeyMatch[] }>();

  const reload = async () => {
    const got = await api.listRedis({});
    if (got.ok) setList(got.value);
    else setError(got.error);
  };
  useEffect(() => void reload(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const run = async <T,>(work: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T | undefined> => {
    const result = await work;
    setError(result.ok ? undefined : result.error);
    return result.ok ? result.value : undefined;
  };

  async function add() {
    const { name, url, password, prefix } = draft;
    const added = await run(api.addRedis({ connection: { name: name.trim(), url: url.trim(), ...(prefix ? { prefix } : {}) }, ...(password ? { password } : {}) }));
    if (added) {
      setDraft({ name: '', url: '', password: '', prefix: '' });
      await reload();
    }
  }

  return (
    <fieldset className="field redis-settings" aria-label={t('redis.title')}>
      <legend>{t('redis.title')}</legend>
      <p className="hint">{t('redis.hint')}</p>
      <ul className="redis-list">
        {list.map((c) => (
          <li key={c.name} data-testid={`redis-${c.name}`}>
            <strong>{c.name}</strong> <code className="mono">{c.url}</code>
            {c.prefix ? <span className="muted"> {t('redis.prefix')} {c.prefix}</span> : null}
            {c.warning ? <span className="notice"> {localize(c.warning, lang)}</span> : null}{' '}
            <button type="button" className="small" onClick={async () => {
              const r = await run(api.testRedis({ name: c.name }));
              if (r) setTested((x) => ({ ...x, [c.name]: r }));
            }}>
              {t('redis.test')}
            </button>{' '}
            <button type="button" className="small" onClick={() => setFinding({ name: c.name, appid: '' })}>
              {t('redis.find')}
            </button>{' '}
            <button type="button" className="small danger-text" onClick={async () => {
              await run(api.removeRedis({ name: c.name }));
              await reload();
            }}>
              {t('redis.remove')}
            </button>
            {tested[c.name] ? (
              <p className="success">{t('redis.tested', { version: tested[c.name].version, ms: tested[c.name].latencyMs, cluster: tested[c.name].cluster ? 'cluster' : 'standalone' })}</p>
            ) : null}
            {finding?.name === c.name ? (
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  const keys = await run(api.findRedisKeys({ name: c.name, appid: finding.appid.trim() }));
                  if (keys) setFinding({ ...finding, keys });
                }}
              >
                <input aria-label={t('redis.findAppid')} placeholder="wx…" className="mono" value={finding.appid} onChange={(e) => setFinding({ name: c.name, appid: e.target.value })} />{' '}
                <button type="submit" className="small">{t('redis.find')}</button>
                {finding.keys ? (
                  finding.keys.length ? (
                    <ul>
                      {finding.keys.map((k) => (
                        <li key={`${k.key}|${k.field ?? ''}`}>
                          <code>{k.key}{k.field ? ` [${k.field}]` : ''}</code> {k.format} {k.masked ? <code>{k.masked}</code> : k.problem ? localize(k.problem, lang) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t('redis.noKeys')}</p>
                  )
                ) : null}
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        className="redis-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label={t('redis.name')} placeholder={t('redis.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />{' '}
        <input aria-label="URL" placeholder="redis://user@host:6379/0" className="mono" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} />{' '}
        <input aria-label={t('redis.password')} placeholder={t('redis.password')} type="password" autoComplete="off" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />{' '}
        <input aria-label={t('redis.prefix')} placeholder={t('redis.prefix')} value={draft.prefix} onChange={(e) => setDraft({ ...draft, prefix: e.target.value })} />{' '}
        <button type="submit" className="small" disabled={!draft.name.trim() || !draft.url.trim()}>
          {t('redis.add')}
        </button>
      </form>
      {error ? <ErrorView error={error} /> : null}
    </fieldset>
  );
}
