import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../shared/models';
import { groupByKind, sortAccounts, type AccountSort } from '../lib/account-order';
import { filterAccounts } from '../store/accounts-slice';
import { useAppShallow } from '../store/hooks';
import { useT } from '../i18n/use-t';
import { liveState } from '../lib/token-time';
import { useNow } from '../lib/use-now';
import { useRecentUse } from '../lib/use-recent-use';
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
  const [prefs, setPrefs] = useState(readPrefs);
  const { recent, noteUse } = useRecentUse(prefs.sort === 'recent', accounts);
  // A choice the user made is a use; the app selecting the first account on start is not.
  const pick = (name: string) => {
    selectAccount(name);
    noteUse(name);
  };
  const changePrefs = (patch: Partial<SidebarPrefs>) =>
    setPrefs((p) => {
      const next = { ...p, ...patch };
      localStorage.setItem(PREFS_KEY, JSON.stringify(next));
      return next;
    });
  const groups = useMemo(() => {
    const sorted = sortAccounts(filterAccounts(accounts, filter), prefs.sort, recent);
    return prefs.group ? groupByKind(sorted) : [{ kind: undefined, accounts: sorted }];
  }, [accounts, filter, prefs.sort, prefs.group, recent]);
  const shown = useMemo(() => groups.flatMap((g) => g.accounts), [groups]);
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
    pick(shown[next].name);
    if (fromList || e.key === 'Enter') {
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
    }
  }

  function row(a: AccountView) {
    const status = tokens[a.name];
    // Paused after 45009 is not "valid", even with a token still cached.
    const paused = status?.fetchBlocked === true;
    const state = tokenErrors[a.name] ? 'error' : liveState(status, now);
    const label = paused ? t('state.paused') : t(STATE_LABEL[state]);
    const isSelected = a.name === selected;
    return (
      <div
        key={a.name}
        role="option"
        aria-selected={isSelected}
        tabIndex={isSelected ? 0 : -1}
        className="account-item"
        title={a.note ? `${a.name}\n${a.note}` : a.name}
        onClick={() => pick(a.name)}
      >
        <span className={`dot dot-${paused ? 'paused' : state}`} title={label} aria-hidden="true" />
        <span className="account-main">
          <span className="account-name">{a.name}</span>
          <span className="visually-hidden">{`, ${label}`}</span>
          {a.note ? <span className="account-note">{a.note}</span> : null}
        </span>
        <span className={`badge badge-${a.kind}`} title={t(KIND_LABEL[a.kind])} aria-hidden="true">
          {t(KIND_SHORT_LABEL[a.kind])}
        </span>
        <span className="visually-hidden">{`, ${t(KIND_LABEL[a.kind])}`}</span>
      </div>
    );
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
        <div className="sidebar-view">
          <label>
            <span className="visually-hidden">{t('sidebar.sort')}</span>
            <select aria-label={t('sidebar.sort')} value={prefs.sort} onChange={(e) => changePrefs({ sort: e.target.value as AccountSort })}>
              <option value="name">{t('sidebar.sortName')}</option>
              <option value="recent">{t('sidebar.sortRecent')}</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={prefs.group} onChange={(e) => changePrefs({ group: e.target.checked })} />
            {t('sidebar.group')}
          </label>
        </div>
      </div>
      <div ref={listRef} role="listbox" aria-label={t('sidebar.accounts')} className="account-list" onKeyDown={(e) => move(e, true)}>
        {groups.map((g) =>
          g.kind ? (
            <div key={g.kind} role="group" aria-label={t(KIND_LABEL[g.kind])} className="account-group">
              <div className="account-group-head" aria-hidden="true">
                {t(KIND_LABEL[g.kind])} · {g.accounts.length}
              </div>
              {g.accounts.map(row)}
            </div>
          ) : (
            g.accounts.map(row)
          ),
        )}
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


interface SidebarPrefs {
  sort: AccountSort;
  group: boolean;
}
const PREFS_KEY = 'wxtoken.sidebar';

function readJson<T>(key: string, fallback: T): T {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
    return value && typeof value === 'object' ? { ...fallback, ...value } : fallback;
  } catch {
    return fallback;
  }
}
const readPrefs = (): SidebarPrefs => readJson<SidebarPrefs>(PREFS_KEY, { sort: 'name', group: false });
