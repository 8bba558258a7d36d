/** The sidebar's order: by name or most recently selected, optionally grouped by kind, and what each kind is called when filtering. */
import { ACCOUNT_KINDS, type AccountKind, type AccountView } from '../../shared/models';

export type AccountSort = 'name' | 'recent';

/** Words that mean a kind in the filter, in both languages (matched whole, ignoring case). */
export const KIND_WORDS: Record<AccountKind, readonly string[]> = {
  oa: ['oa', '公众号', '服务号', '订阅号', 'official'],
  mp: ['mp', '小程序', 'mini', 'miniprogram'],
  wecom: ['wecom', '企业微信', '企微', 'qy', 'work'],
};

/** The kind a filter term names, if it is one of KIND_WORDS. */
export function kindOfWord(term: string): AccountKind | undefined {
  const word = term.toLowerCase();
  return ACCOUNT_KINDS.find((k) => KIND_WORDS[k].includes(word));
}

const byName = (a: AccountView, b: AccountView) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

/** `recent`: when each account was last selected here (epoch ms); never-selected ones follow, by name. */
export function sortAccounts(list: AccountView[], sort: AccountSort, recent: Record<string, number>): AccountView[] {
  const sorted = [...list];
  if (sort === 'name') return sorted.sort(byName);
  return sorted.sort((a, b) => (recent[b.name] ?? 0) - (recent[a.name] ?? 0) || byName(a, b));
}

/** The kinds in their usual order, each with its accounts (empty kinds left out). */
export function groupByKind(list: AccountView[]): { kind: AccountKind; accounts: AccountView[] }[] {
  return ACCOUNT_KINDS.map((kind) => ({ kind, accounts: list.filter((a) => a.kind === kind) })).filter((g) => g.accounts.length > 0);
}
