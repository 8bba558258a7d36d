/** What the toolbox commands print with --json: the CLI's one style (snake_case, ISO times, texts in both languages). */
import type { CardSignature, JsapiCheck, JsapiSignature, PushHistoryEntry, PushReport, QuotaInfo, RidInfo, TicketInfo } from '../../../../shared/toolbox/models';
import { iso } from '../../output/format';

export const ticketJson = (t: TicketInfo) => ({
  account: t.account,
  type: t.type,
  ticket: t.ticket,
  expires_at: iso(t.expiresAt),
  expires_in: Math.max(0, Math.floor((t.expiresAt - Date.now()) / 1000)),
  fetched_at: iso(t.fetchedAt),
  source: t.source,
});

export const signatureJson = (s: JsapiSignature) => ({
  account: s.account,
  type: s.type,
  app_id: s.appId,
  timestamp: s.timestamp,
  nonce_str: s.nonceStr,
  signature: s.signature,
  url: s.url,
  string_to_sign: s.stringToSign,
});

export const cardSignatureJson = (s: CardSignature) => ({
  account: s.account,
  card_id: s.cardId,
  ...(s.code !== undefined ? { code: s.code } : {}),
  ...(s.openid !== undefined ? { openid: s.openid } : {}),
  timestamp: s.timestamp,
  nonce_str: s.nonceStr,
  signature: s.signature,
  string_to_sign: s.stringToSign,
  card_ext: s.cardExt,
});

export const checkJson = (c: JsapiCheck) => ({
  valid: c.valid,
  findings: c.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
  expected_signature: c.expected.signature,
  string_to_sign: c.expected.stringToSign,
});

export const ridJson = (r: RidInfo) => ({
  rid: r.rid,
  invoke_time: iso(r.invokeTime * 1000),
  cost_ms: r.costMs,
  request_url: r.requestUrl,
  request_body: r.requestBody,
  response_body: r.responseBody,
  client_ip: r.clientIp,
});

export const quotaJson = (q: QuotaInfo) => ({ cgi_path: q.cgiPath, daily_limit: q.dailyLimit, used: q.used, remain: q.remain });

export const pushJson = (p: PushReport) => ({
  passed: p.passed,
  verdict: p.verdict,
  problems: p.problems.map((x) => ({ code: x.code, message: x.message })),
  request: { method: p.request.method, url: p.request.url, headers: p.request.headers, body: p.request.body, plain_body: p.request.plainBody },
  reply: { status: p.reply.status, headers: p.reply.headers, body: p.reply.body, decrypted: p.reply.decrypted, time_ms: p.reply.timeMs },
});

export const pushHistoryJson = (e: PushHistoryEntry) => ({
  at: iso(e.at),
  what: e.what,
  ...(e.event !== undefined ? { event: e.event } : {}),
  ...(e.mode !== undefined ? { mode: e.mode } : {}),
  ...pushJson(e.report),
});
