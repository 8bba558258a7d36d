/**
 * The rules an account's fields follow, as plain checks: the zod schemas (schemas.ts, redis.ts) are built on
 * them, and the accounts store checks the file it wrote with them without loading zod (a CLI cache hit's
 * start-up is most of its time).
 */
import { ACCOUNT_KINDS, ACCOUNT_NAME_MAX, ACCOUNT_NAME_PATTERN, TOKEN_MODES, type AccountSource } from './models';

/** Official Account / Mini Program AppIDs: `wx` + 16 hex digits. */
export const APPID_PATTERN = /^wx[0-9a-f]{16}$/i;
/** WeCom corpids: `ww` (older ones `wx`) + 16 letters or digits. */
export const CORPID_PATTERN = /^w[wx][0-9a-z]{16}$/i;

export const NOTE_MAX = 500;

/** The AppID rule depends on the kind, so it is checked once the kind is known. */
export function appidProblem(kind: 'oa' | 'mp' | 'wecom', appid: string): string | undefined {
  if (kind === 'wecom') {
    return CORPID_PATTERN.test(appid) ? undefined : 'corpid must be "ww" followed by 16 letters or digits';
  }
  return APPID_PATTERN.test(appid) ? undefined : 'AppID must be "wx" followed by 16 hexadecimal digits';
}

export const isAccountName = (value: string): boolean => value.length >= 1 && value.length <= ACCOUNT_NAME_MAX && ACCOUNT_NAME_PATTERN.test(value);
export const isAccountKind = (value: unknown): boolean => (ACCOUNT_KINDS as readonly unknown[]).includes(value);
export const isTokenMode = (value: unknown): boolean => (TOKEN_MODES as readonly unknown[]).includes(value);

/** An API base: http(s), without credentials, query or fragment. */
export function isApiBaseUrl(value: string): boolean {
  const url = parsedUrl(value);
  return url !== undefined && isHttp(url) && !url.username && !url.password && !url.search && !url.hash;
}

/** A proxy or a URL read from: http(s), without credentials (they would be stored in plaintext). */
export function isHttpUrlWithoutCredentials(value: string): boolean {
  const url = parsedUrl(value);
  return url !== undefined && isHttp(url) && !url.username && !url.password;
}

function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const isHttp = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';

// --- Token sources (issue 8) ---
/** The SDK layouts wxtoken can read a token from (wechat-api.md §8). */
export const OBSERVE_FORMATS = [
  'wxjava',
  'wxjava-ma',
  'wxjava-cp',
  'wxjava-open',
  'wechatpy',
  'silenceper',
  'easywechat6',
  'easywechat5',
  'senparc',
  'plain',
] as const;
export type ObserveFormat = (typeof OBSERVE_FORMATS)[number];

export const REDIS_NAME_MAX = 64;
export const REDIS_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
export const KEY_TEMPLATE_MAX = 500;
/** Printable ASCII, no spaces (placeholders are checked when the key is built). */
export const KEY_TEMPLATE_PATTERN = /^[\x21-\x7e]+$/;
export const HEADER_NAME_MAX = 100;
/** An HTTP header name (RFC 9110 token). */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const AGENTID_PATTERN = /^\d{1,12}$/;
export const OBSERVE_URL_MAX = 2_000;

/**
 * What the account's kind asks of its source, checked once both are known: a shared WeCom token belongs to one app
 * (corpid + agentid), and members without the corpsecret can only name the app by its agentid.
 */
export function sourceProblem(kind: 'oa' | 'mp' | 'wecom', source: AccountSource | undefined): { zh: string; en: string } | undefined {
  if (source?.type !== 'share') return undefined;
  if (kind === 'wecom' && !source.agentid) return { zh: '通过 Redis 共享的企业微信账号需要 agentid（--agentid）', en: 'a WeCom account shared through Redis needs its agentid (--agentid)' };
  if (kind !== 'wecom' && source.agentid) return { zh: 'agentid 只用于企业微信账号', en: 'agentid is for WeCom accounts only' };
  return undefined;
}
