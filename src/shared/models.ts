export type AccountKind = 'oa' | 'mp' | 'wecom';
export type TokenMode = 'stable' | 'classic';
/** How a token is fetched: the account's mode for oa/mp, `wecom` for WeCom. */
export type FetchMode = TokenMode | 'wecom';

export const ACCOUNT_KINDS: readonly AccountKind[] = ['oa', 'mp', 'wecom'];
export const TOKEN_MODES: readonly TokenMode[] = ['stable', 'classic'];

export const DEFAULT_API_BASE = 'https://api.weixin.qq.com';
export const DEFAULT_WECOM_API_BASE = 'https://qyapi.weixin.qq.com';
/** The documented access points (wechat-api.md §3); any other URL is allowed too. */
export const API_BASE_PRESETS: readonly string[] = [
  'https://api.weixin.qq.com',
  'https://api2.weixin.qq.com',
  'https://sh.api.weixin.qq.com',
  'https://sz.api.weixin.qq.com',
  'https://hk.api.weixin.qq.com',
];

export interface Account {
  name: string;
  kind: AccountKind;
  /** AppID, or the corpid for WeCom. */
  appid: string;
  /** Ignored for WeCom, which has one kind of token. */
  mode: TokenMode;
  apiBase: string;
  proxy?: string;
  note?: string;
  /** Where the token comes from; absent = fetched on this machine with the AppSecret (issue 8). */
  source?: AccountSource;
  createdAt: string;
}

/** What a user types to create an account; defaults fill the rest. */
export interface AccountInput {
  name: string;
  appid: string;
  kind?: AccountKind;
  mode?: TokenMode;
  apiBase?: string;
  proxy?: string;
  note?: string;
  source?: AccountSource;
}

/** An edit: every field optional; `name` renames; `null` clears an optional field. */
export interface AccountPatch {
  name?: string;
  appid?: string;
  kind?: AccountKind;
  mode?: TokenMode;
  apiBase?: string;
  proxy?: string | null;
  note?: string | null;
  /** `null`: back to fetching on this machine. */
  source?: AccountSource | null;
}

/** An account as the UI sees it: never the secret, only whether one is stored. */
export interface AccountView extends Account {
  /** null: the keychain could not be asked (locked or unavailable); the account list still shows. */
  hasSecret: boolean | null;
}

export type TokenSource = 'cache' | 'fetch';

/** A token with its value: only the CLI, `revealToken` and `/v1/token` hand this out. */
export interface TokenInfo {
  account: string;
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  fetchedAt: number;
  /** Whole seconds left when this value was made. */
  expiresIn: number;
  mode: FetchMode;
  source: TokenSource;
  origin?: TokenOrigin;
}

export type TokenState = 'none' | 'fresh' | 'expiring' | 'expired' | 'error';

/** What the UI shows for an account's token: masked unless revealed. */
export interface TokenStatus {
  account: string;
  state: TokenState;
  mode: FetchMode;
  masked?: string;
  expiresAt?: number;
  fetchedAt?: number;
  source?: TokenSource;
  /** The last failed fetch, if it came after the current token. */
  lastError?: import('./result').AppError;
  /** 45009 was seen: fetching stays off until the user resumes it. */
  fetchBlocked: boolean;
  /** Stable mode: force refreshes left today (of 20) and when the next is allowed. */
  forceLeft?: number;
  forceNextAt?: number;
  origin?: TokenOrigin;
  /** A refresh asked WeChat and got the token that was already cached (stable normal mode, WeCom). */
  sameToken?: boolean;
}

export type HttpMethod = 'GET' | 'POST';

export interface ConsoleRequest {
  account: string;
  method: HttpMethod;
  /** Path on the account's API base, e.g. `/cgi-bin/user/get`. */
  path: string;
  /** Query parameters besides `access_token`, which is injected. */
  query?: [string, string][];
  /** JSON text for POST. */
  body?: string;
  /** Chosen by the caller so it can cancel the request in flight. */
  requestId?: string;
  /** Skip writing this request to the history. */
  noHistory?: boolean;
  /** The whole call (token included) is cancelled after this long, as a `timeout` failure. */
  timeoutMs?: number;
  /** Console part: a multipart/form-data upload instead of a JSON body (POST only). */
  form?: FormPart[];
}

/** Console part: one field of a multipart upload, a text value or a file. */
export interface FormPart {
  name: string;
  value?: string;
  file?: { filename: string; contentType: string; base64: string };
}

export interface ConsoleResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  contentType: string;
  timeMs: number;
  size: number;
  /** Text bodies (JSON included). */
  bodyText?: string;
  /** Binary bodies (images, voice, files). */
  bodyBase64?: string;
  binary: boolean;
  /** The WeChat errcode in a JSON body, explained, when not 0. */
  errcode?: number;
  error?: import('./result').AppError;
  /** The call was retried once after a token error (40001/40014/42001). */
  retried: boolean;
  /** The call was sent, but something after it failed (its history entry could not be saved). */
  warning?: import('./result').AppError;
}

export interface HistoryEntry {
  id: string;
  at: number;
  account: string;
  method: HttpMethod;
  path: string;
  /** Redacted: no access_token, secret or appsecret. */
  query: [string, string][];
  body?: string;
  status?: number;
  errcode?: number;
  error?: string;
  timeMs: number;
  size: number;
  /** Console part: the fields of a multipart upload, files by name and size only. */
  form?: { name: string; value?: string; file?: { filename: string; contentType: string; size: number } }[];
  /** Console part: the response as kept (redacted, text cut at HISTORY_RESPONSE_CHARS; binary bodies not kept). */
  response?: HistoryResponse;
}

/** Console part: a request the user saved for an account, with a name and notes. */
export interface SavedRequest {
  id: string;
  name: string;
  notes?: string;
  method: HttpMethod;
  path: string;
  query: [string, string][];
  body?: string;
  savedAt: string;
}

/** Console part: how much of one response the history keeps, so 200 entries stay a few MB at most. */
export const HISTORY_RESPONSE_CHARS = 8_192;

export interface HistoryResponse {
  contentType: string;
  /** Text bodies only, redacted, at most HISTORY_RESPONSE_CHARS. */
  text?: string;
  /** The text was longer and is cut. */
  truncated?: boolean;
  binary?: boolean;
}

export type Language = 'system' | 'zh-CN' | 'en';

export interface Settings {
  language: Language;
  /** 0 = never clear. */
  clipboardClearSeconds: number;
  serverEnabled: boolean;
  /** 0 = pick a free port. */
  serverPort: number;
  /** app (issue 10): the colours; `system` (or absent) follows the OS. */
  theme?: Theme;
}

export type Theme = 'system' | 'light' | 'dark';

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  clipboardClearSeconds: 30,
  serverEnabled: false,
  serverPort: 0,
  theme: 'system',
};

export interface ServerStatus {
  running: boolean;
  /** `http://127.0.0.1:PORT/`, without a key. */
  url?: string;
  port?: number;
  /**
   * The UI key (the whole contract), shown to the user so they can open `url#key=…` elsewhere. Never in a
   * file; scripts read the token key (tokens only) from server.json instead.
   */
  key?: string;
}

/** The URL that opens the full UI of a running server (`url` plus the UI key in the fragment). */
export function serverUiUrl(status: ServerStatus): string | undefined {
  return status.running && status.url && status.key ? `${status.url.replace(/\/$/, '')}/#key=${status.key}` : undefined;
}

export interface AppInfo {
  host: 'electron' | 'http';
  version: string;
  /** The copy the host does: the main process (electron) or the page (http). */
  copiesInMain: boolean;
}

/** A file in the data folder that was corrupt: moved aside (never deleted), with what was recovered. */
export interface StorageProblem {
  file: string;
  movedTo: string;
  message: import('./result').Localized;
}

export interface CopyResult {
  /** Seconds until the clipboard is cleared, 0 = never. */
  clearAfterSeconds: number;
}

/** The access point an account uses when none is given. */
export function defaultApiBase(kind: AccountKind): string {
  return kind === 'wecom' ? DEFAULT_WECOM_API_BASE : DEFAULT_API_BASE;
}

/** How a token is fetched for an account: WeCom has one kind, oa/mp follow their mode. */
export function fetchModeOf(account: Pick<Account, 'kind' | 'mode'>): FetchMode {
  return account.kind === 'wecom' ? 'wecom' : account.mode;
}

export type UiLanguage = 'zh-CN' | 'en';

/** `system` follows the OS locale: any Chinese locale gets zh-CN, everything else English. */
export function resolveLanguage(setting: Language | undefined, systemLocale: string | undefined): UiLanguage {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return /^zh\b/i.test(systemLocale ?? '') ? 'zh-CN' : 'en';
}

/** What an account name may hold: it is typed everywhere, in the CLI, in URLs, in the sidebar. */
export const ACCOUNT_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
export const ACCOUNT_NAME_MAX = 64;

// --- Token sources (issue 8, share lane): where an account's token comes from ---
/**
 * `share`: fetched with the AppSecret under a lock in a team Redis, the token kept there for every member.
 * `observe`: read from where a production server keeps it in Redis; never fetched.
 * `observe-url`: read from another central-control server over HTTP; never fetched.
 * `paste`: set by hand (`wxtoken token NAME --set`), used until it expires; never fetched.
 */
export type AccountSource =
  | { type: 'share'; redis: string; /** WeCom: the app (agent) whose token is shared; one token per corpid + agentid. */ agentid?: string }
  | { type: 'observe'; redis: string; format: import('./account-rules').ObserveFormat; key?: string; agentid?: string; componentAppid?: string }
  | { type: 'observe-url'; url: string; header?: string }
  | { type: 'paste' };
export type AccountSourceType = AccountSource['type'];

/** Where the token in hand came from, for the token card and `--json`. */
export interface TokenOrigin {
  type: AccountSourceType;
  /** The Redis connection name, or the URL read. */
  where?: string;
  /** The Redis key read (observe), secrets in it masked. */
  key?: string;
  /** share: the host that fetched it. */
  fetchedBy?: string;
}

/** Tokens from these sources are never fetched from WeChat by wxtoken. */
export const readOnlySource = (source: AccountSource | undefined): boolean =>
  source !== undefined && source.type !== 'share';
// app (issue 10)
/** What a dry run of credentials got: a token, masked, that was not stored. */
export interface CredentialCheck {
  masked: string;
  expiresAt: number;
  /** How it was asked: `stable` for OA/MP whatever their mode (it disturbs no token in use). */
  via: FetchMode;
}
