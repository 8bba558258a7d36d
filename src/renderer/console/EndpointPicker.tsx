import { useMemo, useState } from 'react';
import type { AccountView } from '../../shared/models';
import { useAppShallow } from '../store/hooks';
import { type MessageKey } from '../i18n';
import { localize } from '../../shared/errors';
import { useT } from '../i18n/use-t';
import { groupEndpoints } from './endpoint-filter';

/** The endpoint catalogue for the account's kind: searchable, grouped, both languages. */
export function EndpointPicker({ account }: { account: AccountView }) {
  const kind = account.kind;
  const { t, lang } = useT();
  const { endpoints, current, pickEndpoint } = useAppShallow((s) => ({
    endpoints: s.endpoints,
    current: s.draft.endpointId,
    pickEndpoint: s.pickEndpoint,
  }));
  const [search, setSearch] = useState('');
  const groups = useMemo(() => groupEndpoints(endpoints, kind, search), [endpoints, kind, search]);
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';

  return (
    <nav className="endpoints" aria-label={t('console.catalogue')}>
      <input type="search" aria-label={t('console.searchEndpoints')} placeholder={t('console.searchEndpoints')} value={search} onChange={(e) => setSearch(e.target.value)} />
      <div className="endpoint-groups">
        {groups.map(([group, items]) => (
          <section key={group} aria-label={t(`group.${group}` as MessageKey)}>
            <h4>{t(`group.${group}` as MessageKey)}</h4>
            <ul>
              {items.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className={`endpoint${current === e.id ? ' current' : ''}`}
                    aria-current={current === e.id ? 'true' : undefined}
                    title={e.description ? localize(e.description, lang) : e.path}
                    onClick={() => pickEndpoint(e, account)}
                  >
                    <span className="endpoint-name">
                      <span className={`method method-${e.method}`}>{e.method}</span> {localize(e.name, lang)}
                    </span>
                    <span className="endpoint-sub">{localize(e.name, other)}</span>
                    <span className="endpoint-path mono">{e.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? <p className="muted">{endpoints.length ? t('console.noEndpointMatch') : t('console.noCatalogue')}</p> : null}
      </div>
    </nav>
  );
}
