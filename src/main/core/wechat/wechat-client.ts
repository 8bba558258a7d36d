/** The three ways to get a token (wechat-api.md §1), and reading WeChat's JSON answers. */
import { appError, wechatError, wechatPolicy, withDetail } from '../../../shared/errors/errors';
import { fetchModeOf, type Account } from '../../../shared/models';
import { redactError } from '../../../shared/redact';
import { fail, ok, type Result } from '../../../shared/result';
import { httpRequest, type HttpResponse } from './http-client';

export interface TokenGrant {
  accessToken: string;
  /** Seconds, as WeChat said: never assumed to be 7200. */
  expiresIn: number;
}

export interface WechatClientOptions {
  timeoutMs?: number;
}


export class WechatClient {
  private readonly timeoutMs: number;

  constructor(options: WechatClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async fetchToken(account: Account, secret: string, force = false): Promise<Result<TokenGrant>> {
    const base = account.apiBase;
    const mode = fetchModeOf(account);
    const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
    const response =
      mode === 'stable'
        ? await httpRequest({
            method: 'POST',
            url: `${base}/cgi-bin/stable_token`,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ grant_type: 'client_credential', appid: account.appid, secret, force_refresh: force }),
            timeoutMs: this.timeoutMs,
            proxy: account.proxy,
          })
        : await httpRequest({
            method: 'GET',
            url:
              mode === 'wecom'
                ? `${base}/cgi-bin/gettoken?${q({ corpid: account.appid, corpsecret: secret })}`
                : `${base}/cgi-bin/token?${q({ grant_type: 'client_credential', appid: account.appid, secret })}`,
            timeoutMs: this.timeoutMs,
            proxy: account.proxy,
          });
    // WeChat may echo what it was sent ("invalid appsecret <value>"): no error leaves here with the secret.
    if (!response.ok) return fail(redactError(response.error, [secret]));
    const body = readWechatJson(response.value, { atTokenEndpoint: true });
    if (!body.ok) return fail(redactError(body.error, [secret]));
    const { access_token: token, expires_in: expiresIn } = body.value as { access_token?: unknown; expires_in?: unknown };
    if (typeof token !== 'string' || !token || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      return fail(appError('bad_response', { message: withDetail(appError('bad_response').message, 'no access_token / expires_in') }));
    }
    return ok({ accessToken: token, expiresIn });
  }
}

/**
 * A WeChat JSON answer: success, or its errcode explained. Errors usually come as HTTP 200; a 5xx without
 * an errcode is an HTTP failure; a body that is not JSON is a bad response.
 */
export function readWechatJson(res: HttpResponse, opts: { atTokenEndpoint?: boolean } = {}): Result<Record<string, unknown>> {
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch {
    if (res.status >= 400) return fail(httpStatusError(res.status));
    return fail(appError('bad_response'));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail(appError('bad_response'));
  const record = json as Record<string, unknown>;
  const errcode = typeof record.errcode === 'number' ? record.errcode : 0;
  if (errcode !== 0) return fail(wechatError(errcode, String(record.errmsg ?? ''), opts));
  if (res.status >= 400) return fail(httpStatusError(res.status));
  return ok(record);
}

export function httpStatusError(status: number) {
  return appError('http_status', { httpStatus: status, message: withDetail(appError('http_status').message, `HTTP ${status}`) });
}

/** Failures that may pass if tried again a little later: -1, 5xx, resets, timeouts, cut bodies. */
export function isTransient(error: import('../../../shared/result').AppError): boolean {
  if (error.code === 'wechat') return wechatPolicy(error.errcode ?? 0) === 'retry-backoff';
  if (error.code === 'http_status') return (error.httpStatus ?? 500) >= 500;
  return error.code === 'network' || error.code === 'timeout' || error.code === 'truncated' || error.code === 'bad_response';
}
