/** What the toolbox calls (issue 11) hand back: tickets, JS-SDK signatures and their checker, rid and quota look-ups, pushes. */
import type { AppError, Localized } from '../result';

/** jsapi / wx_card for Official Accounts; jsapi (the corp ticket) and agent_config for WeCom. */
export type TicketType = 'jsapi' | 'wx_card' | 'agent_config';
export const TICKET_TYPES: readonly TicketType[] = ['jsapi', 'wx_card', 'agent_config'];

export interface TicketInfo {
  account: string;
  type: TicketType;
  ticket: string;
  /** Epoch ms. */
  expiresAt: number;
  fetchedAt: number;
  expiresIn: number;
  source: 'cache' | 'fetch';
}

/** What a page passes to wx.config (or wx.agentConfig), and the exact string that was signed. */
export interface JsapiSignature {
  account: string;
  type: TicketType;
  /** appId for wx.config; the corpid for WeCom. */
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
  /** The URL as signed: cut at `#`. */
  url: string;
  stringToSign: string;
}

/**
 * wx.addCard's card extension (cardExt) signed with the wx_card api_ticket: the values (api_ticket, timestamp,
 * card_id, code, openid, nonce_str) sorted as strings, joined, sha1. code and openid only when given.
 */
export interface CardSignature {
  account: string;
  cardId: string;
  code?: string;
  openid?: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
  stringToSign: string;
  /** The JSON string wx.addCard takes as `cardExt`. */
  cardExt: string;
}

export type JsapiFindingCode =
  | 'ok'
  | 'url_fragment'
  | 'url_encoded'
  | 'url_mismatch'
  | 'timestamp_format'
  | 'timestamp_ms'
  | 'nonce_or_timestamp'
  | 'previous_ticket'
  | 'other_account'
  | 'signature_format'
  | 'no_match';

export interface JsapiFinding {
  code: JsapiFindingCode;
  /** `error`: this is why the signature fails; `warning`: worth fixing, not fatal. */
  severity: 'error' | 'warning' | 'info';
  message: Localized;
}

export interface JsapiCheck {
  /** The pasted signature is what WeChat computes with this account's current ticket. */
  valid: boolean;
  findings: JsapiFinding[];
  /** What it should be, for the URL, nonce and timestamp pasted, with the current ticket. */
  expected: { signature: string; stringToSign: string };
}

/** `POST /cgi-bin/openapi/rid/get`: what WeChat received for a failed call (kept 7 days). */
export interface RidInfo {
  rid: string;
  /** Epoch seconds, as WeChat says. */
  invokeTime: number;
  costMs: number;
  /** Token masked. */
  requestUrl: string;
  requestBody: string;
  responseBody: string;
  clientIp: string;
}

export interface QuotaInfo {
  cgiPath: string;
  dailyLimit: number;
  used: number;
  remain: number;
}

export type PushMode = 'plain' | 'compat' | 'safe';
export const PUSH_MODES: readonly PushMode[] = ['plain', 'compat', 'safe'];
export const PUSH_EVENTS = ['subscribe', 'unsubscribe', 'SCAN', 'CLICK', 'VIEW', 'LOCATION'] as const;
export type PushEvent = (typeof PUSH_EVENTS)[number];

export interface PushRequestView {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Safe / compat mode: the XML before encryption. */
  plainBody?: string;
}

export interface PushReplyView {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Safe mode: the reply's Encrypt, decrypted. */
  decrypted?: string;
  timeMs: number;
}

export type PushProblemCode =
  | 'unreachable'
  | 'too_slow'
  | 'http_status'
  | 'echostr_mismatch'
  | 'not_xml'
  | 'not_swapped'
  | 'unknown_msgtype'
  | 'missing_field'
  | 'bad_signature'
  | 'bad_encryption'
  | 'wrong_appid'
  | 'not_encrypted';

export interface PushProblem {
  code: PushProblemCode;
  message: Localized;
}

export interface PushReport {
  /** The reply is one WeChat would accept. */
  passed: boolean;
  request: PushRequestView;
  reply: PushReplyView;
  /** What was accepted (`success`, empty, a text reply …). */
  verdict: Localized;
  problems: PushProblem[];
}

/** One push as kept in the account's push history (toolbox, issue 11): what was sent, the reply, the verdict. */
export interface PushHistoryEntry {
  id: string;
  /** Epoch ms. */
  at: number;
  account: string;
  what: 'verify' | 'text' | 'event';
  /** The event pushed (`what` = event). */
  event?: string;
  /** The mode the push used; the URL check has none. */
  mode?: PushMode;
  /** The report as shown after the push; long bodies cut, the Token and EncodingAESKey never in it. */
  report: PushReport;
}

export type { AppError };
