/**
 * Reads a token from another central-control server over HTTP: production's own token endpoint, or a
 * teammate's `wxtoken serve` through an SSH tunnel. Accepts {access_token, expires_in | expires_at} at the
 * top level or under `data`. An optional header (its value in the keychain) authenticates the read.
 */
import type { Account } from '../../../../shared/models';
import { fail, ok, type Localized, type Result } from '../../../../shared/result';
import { looksLikeToken } from '../../redis/formats';
import type { Clock, SecretStore } from '../../types';
import { httpRequest } from '../../wechat/http-client';
import type { SourceRead } from './observe-redis';
import { atUrl, expiredAt, nothingAt, unavailable, unreadable } from './source-errors';

type UrlSource = Extract<NonNullable<Account['source']>, { type: 'observe-url' }>;

/** The keychain item that holds the header value sent with an observe-url read. */
export const observeHeaderItem = (accountName: string): string => `observe-header:${accountName}`;

const TIMEOUT_MS = 5_000;
const L = (zh: string, en: string): Localized => ({ zh, en });

export async function readObservedUrl(account: Account, source: UrlSource, secrets: SecretStore, now: Clock): Promise<Result<SourceRead>> {
  const where = atUrl(source.url);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (source.header) {
    const value = await secrets.get(observeHeaderItem(account.name));
    if (!value) return fail(unavailable(L(`钥匙串里没有请求头 ${source.header} 的值`, `The keychain holds no value for the header ${source.header}`), L(`重新设置：\`wxtoken account edit ${account.name} --observe-url URL --header ${source.header}\`（值从标准输入读取）`, `Set it again: \`wxtoken account edit ${account.name} --observe-url URL --header ${source.header}\` (the value on stdin)`)));
    headers[source.header] = value;
  }
  const res = await httpRequest({ method: 'GET', url: source.url, headers, timeoutMs: TIMEOUT_MS, maxBytes: 1_000_000, proxy: account.proxy });
  if (!res.ok) return res;
  if (res.value.status === 404) return fail(nothingAt(where, account.appid));
  if (res.value.status !== 200) return fail(unavailable(L(`${where.zh} 返回 HTTP ${res.value.status}`, `${where.en} answered HTTP ${res.value.status}`), L('检查地址、请求头以及对方服务是否有这个账号的 token', 'Check the URL, the header, and that the other server has a token for this account')));
  let body: unknown;
  try {
    body = JSON.parse(res.value.body.toString('utf8'));
  } catch {
    return fail(unreadable(where, L('不是 JSON', 'not JSON')));
  }
  const top = isObject(body) ? body : {};
  const inner = typeof top.access_token === 'string' ? top : isObject(top.data) ? top.data : top;
  const token = inner.access_token;
  if (typeof token !== 'string' || !looksLikeToken(token)) return fail(unreadable(where, L('没有 access_token', 'no access_token')));
  const expiresAt = expiryOf(inner, now());
  if (expiresAt !== undefined && expiresAt <= now()) return fail(expiredAt(where, expiresAt));
  return ok({ accessToken: token, ...(expiresAt !== undefined ? { expiresAt } : {}), where });
}

/** expires_in: seconds from now; expires_at: epoch seconds, epoch ms or an ISO time. */
function expiryOf(body: Record<string, unknown>, now: number): number | undefined {
  const within = body.expires_in;
  if (typeof within === 'number' && within > 0) return now + within * 1000;
  const at = body.expires_at;
  if (typeof at === 'number' && at > 0) return at > 1e12 ? at : at * 1000;
  if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) return Date.parse(at);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
