/** Text in both UI languages. zh-CN first: most users read it first. */
export interface Localized {
  zh: string;
  en: string;
}

export type ErrorCode =
  | 'validation' // bad input; nothing was changed
  | 'not_found' // no such account / request
  | 'conflict' // e.g. a duplicate account name
  | 'keychain_unavailable' // locked, missing or hung OS keychain
  | 'secret_missing' // the account has no secret in the keychain
  | 'network' // DNS, refused, reset, proxy failure
  | 'timeout' // no answer in time
  | 'bad_response' // not JSON where JSON was due, or an unexpected shape
  | 'truncated' // the body ended before its declared length
  | 'http_status' // HTTP 4xx/5xx without a WeChat errcode
  | 'wechat' // WeChat answered with an errcode (see `errcode`)
  | 'fetch_blocked' // 45009 seen: no more fetches until the user resumes them
  | 'force_limited' // stable force-refresh: 20 a day / 30 s apart, enforced locally
  | 'storage' // a file in the data directory could not be read or written
  | 'unsupported' // this host cannot do that (e.g. clipboard in the browser host)
  | 'redis_unreachable' // a Redis connection did not answer in time (down, paused, firewalled, TLS refused)
  | 'redis_refused' // Redis refused the user or password, or the ACL user lacks a right
  | 'redis_error' // Redis answered a command with an error
  | 'token_unavailable' // issue 8: an observed / pasted / team token is missing, expired or unreadable; nothing was fetched
  | 'token_stale' // issue 8: WeChat rejected the observed token and its source still holds the same one
  | 'read_only_source' // issue 8: this account's token is not fetched by wxtoken (force refresh, --set on another source)
  | 'cancelled'
  | 'internal';

/** An expected failure, carried as a value across every boundary. */
export interface AppError {
  code: ErrorCode;
  /** What happened, in both languages. */
  message: Localized;
  /** What to do next, in both languages. */
  next?: Localized;
  /** WeChat's errcode, when `code` is `wechat`. */
  errcode?: number;
  /** WeChat's errmsg (never holds a token or secret: those are redacted). */
  errmsg?: string;
  /** The caller IP WeChat reported (40164 / 60020). */
  ip?: string;
  /** WeChat's request id, accepted by its diagnosis tools for 7 days. */
  rid?: string;
  /** Which input field was wrong (validation). */
  field?: string;
  /** The HTTP status, for `http_status`. */
  httpStatus?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });

/** Thrown inside the core to unwind to the nearest boundary, which turns it back into a value. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message.en);
    this.name = 'AppFailure';
  }
}
