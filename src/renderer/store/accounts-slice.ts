import { defaultApiBase, type AccountInput, type CredentialCheck, type AccountKind, type AccountPatch, type AccountSource, type AccountView, type TokenMode, type TokenStatus } from '../../shared/models';
import { fail, ok, type Result } from '../../shared/result';
import { byName, type ByName } from '../../shared/by-name';
import { appError } from '../../shared/errors/errors';
import { movesSecret, secretNeededToMove } from '../../shared/secret-destination';
import { kindOfWord } from '../lib/account-order';
import type { Slice } from './types';
import { sourceNeedsSecret } from '../sources/source-rules';

/** What the add / edit dialog holds. An empty secret on edit means "keep the stored one". */
export interface AccountDraft {
  name: string;
  kind: AccountKind;
  appid: string;
  mode: TokenMode;
  apiBase: string;
  proxy: string;
  note: string;
  secret: string;
  /** Where the token comes from (issue 8); undefined = fetched here. */
  source?: AccountSource;
  /** observe-url: the header's value, write-only like the secret (to the keychain through the contract). */
  headerValue?: string;
}

export interface AccountsSlice {
  accounts: AccountView[];
  accountsLoaded: boolean;
  selected?: string;
  filter: string;
  loadAccounts(): Promise<void>;
  setAccounts(list: AccountView[]): void;
  selectAccount(name: string | undefined): void;
  setFilter(text: string): void;
  /** Adds, or edits `original`; a validation error names its `field`. */
  saveAccount(draft: AccountDraft, original?: string): Promise<Result<AccountView>>;
  removeAccount(name: string): Promise<Result<void>>;
  testCredentials(name: string): Promise<Result<TokenStatus>>;
  /** The dialog's dry run: the draft as typed (or `original`'s stored secret), nothing stored. */
  checkDraft(draft: AccountDraft, original?: string): Promise<Result<CredentialCheck>>;
}

/**
 * The accounts the filter keeps: every word must match, ignoring case — a kind's word (`mp`, `小程序`,
 * `wecom`, `公众号` … see account-order.ts) its kind, any other word the name, AppID or note.
 */
export function filterAccounts(list: AccountView[], filter: string): AccountView[] {
  const terms = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return list;
  return list.filter((a) =>
    terms.every((q) => {
      const kind = kindOfWord(q);
      return kind ? a.kind === kind : [a.name, a.appid, a.note ?? ''].some((v) => v.toLowerCase().includes(q));
    }),
  );
}

/** `account.appid` (from the contract's schema) and `appid` (from the core) both mean the AppID field. */
export function fieldOf(field: string | undefined): string | undefined {
  return field?.split('.').pop();
}

function toInput(d: AccountDraft): AccountInput {
  return {
    name: d.name.trim(),
    kind: d.kind,
    appid: d.appid.trim(),
    mode: d.mode,
    ...(d.apiBase.trim() ? { apiBase: d.apiBase.trim() } : {}),
    ...(d.proxy.trim() ? { proxy: d.proxy.trim() } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
    ...(d.source ? { source: d.source } : {}),
  };
}

function toPatch(d: AccountDraft, before: AccountView): AccountPatch {
  const input = toInput(d);
  const patch: AccountPatch = {};
  if (input.name !== before.name) patch.name = input.name;
  if (input.appid !== before.appid) patch.appid = input.appid;
  if (input.kind !== before.kind) patch.kind = input.kind;
  if (input.mode !== before.mode) patch.mode = input.mode;
  // An empty field means the kind's default access point (the field's hint says so).
  const apiBase = input.apiBase ?? defaultApiBase(d.kind);
  if (apiBase !== before.apiBase) patch.apiBase = apiBase;
  if ((input.proxy ?? null) !== (before.proxy ?? null)) patch.proxy = input.proxy ?? null;
  if ((input.note ?? null) !== (before.note ?? null)) patch.note = input.note ?? null;
  if (JSON.stringify(d.source ?? null) !== JSON.stringify(before.source ?? null)) patch.source = d.source ?? null;
  return patch;
}

/** The edit would send the stored secret somewhere new (API base or proxy): the secret must be entered again. */
export function draftMovesSecret(d: AccountDraft, before: AccountView): boolean {
  return movesSecret(before, toPatch(d, before));
}

/** The fields the token depends on differ (a rename is a removal plus a new name). */
function tokenChanged(before: AccountView | undefined, after: AccountView): boolean {
  if (!before) return false;
  return before.appid !== after.appid || before.kind !== after.kind || before.mode !== after.mode || before.apiBase !== after.apiBase;
}

/** The entries of a per-account record whose name passes. */
function only<T>(record: ByName<T>, keep: (name: string) => boolean): ByName<T> {
  return byName(Object.entries(record).filter(([name]) => keep(name)));
}

const secretRequired = () =>
  appError('validation', { field: 'secret', message: { zh: '请填写 AppSecret', en: 'Enter the AppSecret' } });

export const createAccountsSlice: Slice<AccountsSlice> = (api) => (set, get) => ({
  accounts: [],
  accountsLoaded: false,
  filter: '',
  async loadAccounts() {
    const result = await api.listAccounts({});
    if (!result.ok) {
      set({ accountsLoaded: true });
      get().toast({ error: result.error });
      return;
    }
    // Statuses already shown are reloaded (something may have changed unseen); new ones load in setAccounts.
    const known = new Set(Object.keys(get().tokens));
    get().setAccounts(result.value);
    await get().loadStatuses(result.value.filter((a) => known.has(a.name)).map((a) => a.name));
  },
  setAccounts(list) {
    const { selected, accounts: before, tokens } = get();
    const keep = selected !== undefined && list.some((a) => a.name === selected);
    // Edited elsewhere (CLI, another tab) in a way that changes its token: the shown status is stale.
    const changed = new Set(list.filter((a) => tokenChanged(before.find((b) => b.name === a.name), a)).map((a) => a.name));
    const stays = (name: string) => list.some((a) => a.name === name) && !changed.has(name);
    set((s) => ({
      accounts: list,
      accountsLoaded: true,
      selected: keep ? selected : list[0]?.name,
      tokens: only(s.tokens, stays),
      tokenErrors: only(s.tokenErrors, stays),
      history: only(s.history, (name) => list.some((a) => a.name === name)),
    }));
    const reload = list.filter((a) => !tokens[a.name] || changed.has(a.name)).map((a) => a.name);
    if (reload.length) void get().loadStatuses(reload);
    if (!keep && list[0]) get().selectAccount(list[0].name);
  },
  selectAccount(name) {
    set({ selected: name });
    if (name) {
      void get().loadStatus(name);
      void get().loadHistory(name);
    }
  },
  setFilter: (filter) => set({ filter }),
  async saveAccount(draft, original) {
    const before = original ? get().accounts.find((a) => a.name === original) : undefined;
    let result: Result<AccountView>;
    if (!before) {
      if (!draft.secret && sourceNeedsSecret(draft.source)) return fail(secretRequired());
      result = await api.addAccount({ account: toInput(draft), ...(draft.secret ? { secret: draft.secret } : {}) });
    } else {
      const patch = toPatch(draft, before);
      // A new secret goes with the edit in one call: the core needs it there when the account moves.
      if (draft.secret) result = await api.editAccount({ name: before.name, patch, secret: draft.secret });
      else if (draftMovesSecret(draft, before)) return fail(secretNeededToMove());
      else result = Object.keys(patch).length ? await api.editAccount({ name: before.name, patch }) : ok(before);
    }
    if (!result.ok) return result;
    const saved = result.value;
    if (draft.headerValue && draft.source?.type === 'observe-url' && draft.source.header) {
      const kept = await api.setObserveHeader({ name: saved.name, value: draft.headerValue });
      if (!kept.ok) return kept;
    }
    const others = get().accounts.filter((a) => a.name !== saved.name && a.name !== original);
    set({ accounts: [...others, saved].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
    get().selectAccount(saved.name);
    return result;
  },
  async removeAccount(name) {
    const result = await api.removeAccount({ name });
    if (result.ok) {
      const rest = get().accounts.filter((a) => a.name !== name);
      const others = (n: string) => n !== name;
      set((s) => ({ accounts: rest, tokens: only(s.tokens, others), tokenErrors: only(s.tokenErrors, others), history: only(s.history, others) }));
      if (get().selected === name) get().selectAccount(rest[0]?.name);
    }
    return result;
  },
  checkDraft: (draft, original) =>
    api.checkCredentials({ account: toInput(draft), ...(draft.secret ? { secret: draft.secret } : original ? { storedOf: original } : {}) }),
  async testCredentials(name) {
    const result = await api.testCredentials({ name });
    if (result.ok) get().applyToken(result.value);
    return result;
  },
});
