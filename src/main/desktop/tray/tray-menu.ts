/** The tray icon's menu: copy a token per account, open the window, quit. Built as plain data. */
import type { MenuItemConstructorOptions } from 'electron';
import { localize } from '../../../shared/errors/errors';
import type { AccountView, CopyResult } from '../../../shared/models';
import type { Result } from '../../../shared/result';
import type { UiLanguage as UiLang } from '../../../shared/models';

export interface TrayActions {
  copy(name: string): void;
  open(): void;
  quit(): void;
}

const T = {
  copy: { 'zh-CN': '复制 token', en: 'Copy token' },
  noSecret: { 'zh-CN': '未保存 AppSecret', en: 'no AppSecret stored' },
  none: { 'zh-CN': '还没有账号', en: 'No accounts yet' },
  open: { 'zh-CN': '打开窗口', en: 'Open window' },
  quit: { 'zh-CN': '退出', en: 'Quit' },
} as const;
const colon = { 'zh-CN': '：', en: ': ' } as const;
const paren = { 'zh-CN': (s: string) => `（${s}）`, en: (s: string) => ` (${s})` } as const;

/** Accounts without a secret are listed but disabled: there is nothing to copy for them. */
export function trayMenuTemplate(accounts: AccountView[], lang: UiLang, actions: TrayActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = accounts.map((account) => ({
    label: account.hasSecret !== false ? `${T.copy[lang]}${colon[lang]}${account.name}` : `${account.name}${paren[lang](T.noSecret[lang])}`,
    enabled: account.hasSecret !== false,
    click: () => actions.copy(account.name),
  }));
  if (items.length === 0) items.push({ label: T.none[lang], enabled: false });
  return [
    ...items,
    { type: 'separator' },
    { label: T.open[lang], click: () => actions.open() },
    { label: T.quit[lang], click: () => actions.quit() },
  ];
}

/** The notification after a copy from the tray (no token in it, ever). */
export function copyNotice(account: string, result: Result<CopyResult>, lang: UiLang): string {
  if (!result.ok) return `${account}${colon[lang]}${localize(result.error.message, lang)}`;
  const s = result.value.clearAfterSeconds;
  if (lang === 'en') return `Copied the token of ${account}${s > 0 ? `; the clipboard is cleared in ${s} s` : ''}`;
  return `已复制 ${account} 的 token${s > 0 ? `，${s} 秒后清除剪贴板` : ''}`;
}
