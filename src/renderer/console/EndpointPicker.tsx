import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../shared/models';
import { useAppShallow } from '../store/hooks';
import { type MessageKey } from '../i18n';
import { localize } from '../../shared/errors/errors';
import { useT } from '../i18n/use-t';
import { groupEndpoints } from './endpoint-filter';

/**
 * The endpoint catalogue for the account's kind: searchable, grouped, both languages. From the search box the
 * arrow keys move through the entries and Enter picks one; the entries are out of the Tab order, so Tab goes
 * from the search box straight to the editor instead of walking every entry.
 */
const optionId = (list: string, i: number) => `${list}-${i}`;

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
  const flat = useMemo(() => groups.flatMap(([, items]) => items), [groups]);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';


  useEffect(() => setActive(-1), [search, kind]);
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(listId, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!flat.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : flat.length - 1) : Math.min(flat.length - 1, Math.max(0, i + step))));
    } else if (e.key === 'Enter' && active >= 0 && flat[active]) {
      e.preventDefault();
      pickEndpoint(flat[active], account);
    }
  }

  let index = -1;
  return (
    <nav className="endpoints" aria-label={t('console.catalogue')}>
      <input
        type="search"
        aria-label={t('console.searchEndpoints')}
        placeholder={t('console.searchEndpoints')}
        aria-keyshortcuts="ArrowDown ArrowUp Enter"
        aria-controls={listId}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="hint">{t('console.pickerKeys')}</p>
      {/* tabIndex -1: a scroller without tabbable children would otherwise become a Tab stop of its own. */}
      <div className="endpoint-groups" id={listId} tabIndex={-1}>
        {groups.map(([group, items]) => (
          <section key={group} aria-label={t(`group.${group}` as MessageKey)}>
            <h4>{t(`group.${group}` as MessageKey)}</h4>
            <ul>
              {items.map((e) => {
                const i = ++index;
                return (
                  <li key={e.id}>
                    <button
                      type="button"
                      id={optionId(listId, i)}
                      tabIndex={-1}
                      className={`endpoint${current === e.id ? ' current' : ''}${active === i ? ' active' : ''}`}
                      aria-current={current === e.id ? 'true' : undefined}
                      data-active={active === i || undefined}
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
                );
              })}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? <p className="muted">{endpoints.length ? t('console.noEndpointMatch') : t('console.noCatalogue')}</p> : null}
      </div>
    </nav>
  );
}
