import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { filterAccounts } from '../store/accounts-slice';
import { useAppShallow } from '../store/hooks';
import { useT } from '../i18n/use-t';
import { liveState } from '../lib/token-time';
import { useNow } from '../lib/use-now';
import { KIND_LABEL, KIND_SHORT_LABEL, STATE_LABEL } from './labels';

/** Every account with its kind, note and token state; filter as you type; arrows move, Ctrl/Cmd+K or "/" filters. */
export function Sidebar() {
  const { t } = useT();
  const { accounts, filter, selected, tokens, tokenErrors } = useAppShallow((s) => ({
    accounts: s.accounts,
    filter: s.filter,
    selected: s.selected,
    tokens: s.tokens,
    tokenErrors: s.tokenErrors,
  }));
  const { setFilter, selectAccount, openDialog } = useAppShallow((s) => ({
    setFilter: s.setFilter,
    selectAccount: s.selectAccount,
    openDialog: s.openDialog,
  }));
  const now = useNow(5000);
  const shown = useMemo(() => filterAccounts(accounts, filter), [accounts, filter]);
  const filterRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      const target = e.target as HTMLElement;
      const typing = target.closest('input, textarea, select, [contenteditable="true"]');
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing && !document.querySelector('dialog[open]'))) {
        e.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function move(e: KeyboardEvent, fromList: boolean) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Enter') return;
    if (!shown.length) return;
    e.preventDefault();
    const index = shown.findIndex((a) => a.name === selected);
    let next = index;
    if (e.key === 'ArrowDown') next = index < 0 ? 0 : Math.min(shown.length - 1, index + 1);
    if (e.key === 'ArrowUp') next = index < 0 ? 0 : Math.max(0, index - 1);
    if (e.key === 'Enter') next = index < 0 ? 0 : index;
    selectAccount(shown[next].name);
    if (fromList || e.key === 'Enter') {
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
    }
  }

  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-filter">
        <input
          ref={filterRef}
          type="search"
          aria-label={t('sidebar.filter')}
          placeholder={t('sidebar.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => move(e, false)}
          aria-keyshortcuts="Control+K Meta+K /"
        />
      </div>
      <div ref={listRef} role="listbox" aria-label={t('sidebar.accounts')} className="account-list" onKeyDown={(e) => move(e, true)}>
        {shown.map((a) => {
          const state = tokenErrors[a.name] ? 'error' : liveState(tokens[a.name], now);
          const isSelected = a.name === selected;
          return (
            <div
              key={a.name}
              role="option"
              aria-selected={isSelected}
              tabIndex={isSelected ? 0 : -1}
              className="account-item"
              onClick={() => selectAccount(a.name)}
            >
              <span className={`dot dot-${state}`} title={t(STATE_LABEL[state])} aria-hidden="true" />
              <span className="account-main">
                <span className="account-name">{a.name}</span>
                <span className="visually-hidden">{`, ${t(STATE_LABEL[state])}`}</span>
                {a.note ? <span className="account-note">{a.note}</span> : null}
              </span>
              <span className={`badge badge-${a.kind}`} title={t(KIND_LABEL[a.kind])} aria-hidden="true">
                {t(KIND_SHORT_LABEL[a.kind])}
              </span>
              <span className="visually-hidden">{`, ${t(KIND_LABEL[a.kind])}`}</span>
            </div>
          );
        })}
        {shown.length === 0 && accounts.length > 0 ? <p className="muted list-empty">{t('sidebar.noMatch')}</p> : null}
      </div>
      <div className="sidebar-foot">
        <button type="button" onClick={() => openDialog({ type: 'add' })}>
          {t('account.add')}
        </button>
      </div>
    </aside>
  );
}

