/**
 * Where an account's AppSecret travels: its API base and its proxy. Moving it elsewhere through the
 * contract needs the secret typed in again in the same call, so a program that can reach the API cannot
 * point an account at its own server and have the stored secret sent there.
 */
import { appError } from './errors/errors';
import { API_BASE_PRESETS, DEFAULT_WECOM_API_BASE, defaultApiBase, type Account, type AccountPatch } from './models';
import type { AppError } from './result';

/** WeChat's own access points: a secret sent to one of them goes where it was issued. */
const WECHAT_BASES: ReadonlySet<string> = new Set([...API_BASE_PRESETS, DEFAULT_WECOM_API_BASE]);

/**
 * True when the edit would send the secret somewhere new: another proxy (or none), or an API base that is
 * not one of WeChat's own access points. Moving between those (a kind switch, another region) is no move.
 */
export function movesSecret(before: Pick<Account, 'kind' | 'apiBase' | 'proxy'>, patch: Pick<AccountPatch, 'kind' | 'apiBase' | 'proxy'>): boolean {
  const proxy = patch.proxy === undefined ? before.proxy : (patch.proxy ?? undefined);
  if ((proxy ?? undefined) !== (before.proxy ?? undefined)) return true;
  // Without an explicit base, a kind switch moves an account on the old default to the new (WeChat) default.
  const kind = patch.kind ?? before.kind;
  const apiBase = patch.apiBase ?? (before.apiBase === defaultApiBase(before.kind) ? defaultApiBase(kind) : before.apiBase);
  return apiBase !== before.apiBase && !WECHAT_BASES.has(apiBase);
}

export const secretNeededToMove = (): AppError =>
  appError('validation', {
    field: 'secret',
    message: {
      zh: '更改 API 地址或代理时，需要重新输入 AppSecret',
      en: 'Changing the API base or the proxy needs the AppSecret entered again',
    },
    next: {
      zh: '在同一次修改中重新输入该账号的 AppSecret（企业微信为 corpsecret）；未做任何更改',
      en: 'Enter the account’s AppSecret (corpsecret for WeCom) again with the same change; nothing was changed',
    },
  });
