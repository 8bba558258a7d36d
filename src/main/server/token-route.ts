/**
 * `GET /v1/token/NAME`: a token for other programs on this machine, in the shape most WeChat SDKs read.
 * Failures carry a status a script can branch on and the catalogue's message, never WeChat's raw errmsg.
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { ApiImpl } from '../../shared/contract';
import type { TokenInfo } from '../../shared/models';
import type { AppError, ErrorCode } from '../../shared/result';
import { callContract } from '../call-contract';
import { sendJson } from './responses';

const STATUS: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  not_found: 404,
  secret_missing: 409,
  fetch_blocked: 429,
  force_limited: 429,
  keychain_unavailable: 503,
  wechat: 502,
  network: 502,
  timeout: 504,
  bad_response: 502,
  truncated: 502,
  http_status: 502,
};

export async function tokenRoute(api: ApiImpl, rawName: string, headers: IncomingHttpHeaders, res: ServerResponse): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = '';
  }
  const result = await callContract(api, 'revealToken', { name });
  if (res.destroyed) return;
  if (result.ok) {
    const info = result.value as TokenInfo;
    sendJson(res, 200, {
      access_token: info.accessToken,
      expires_at: new Date(info.expiresAt).toISOString(),
      expires_in: Math.max(0, Math.floor((info.expiresAt - Date.now()) / 1000)),
    });
    return;
  }
  sendJson(res, STATUS[result.error.code] ?? 500, { error: errorBody(result.error, headers['accept-language']) });
}

/** zh-CN unless the caller asks for English first. */
function errorBody(error: AppError, acceptLanguage: string | undefined) {
  const english = acceptLanguage !== undefined && /^\s*en\b/i.test(acceptLanguage);
  const text = (l: { zh: string; en: string } | undefined) => (l ? (english ? l.en : l.zh) : undefined);
  return {
    code: error.code,
    ...(error.errcode !== undefined ? { errcode: error.errcode } : {}),
    message: text(error.message),
    ...(error.next ? { next: text(error.next) } : {}),
    ...(error.ip ? { ip: error.ip } : {}),
    ...(error.rid ? { rid: error.rid } : {}),
  };
}
