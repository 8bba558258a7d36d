/**
 * What `--json` prints, for every command in one style: snake_case keys, times as ISO 8601 strings, texts in
 * both languages ({zh, en}) so a script's parsing never depends on LANG. Absent values are left out.
 * Scripts depend on these shapes: change them only on purpose.
 */
import type { AccountView, ConsoleResponse, HistoryEntry, TokenInfo, TokenOrigin, TokenStatus } from '../../../shared/models';
import type { RedisConnectionView, RedisKeyMatch, RedisTestResult } from '../../../shared/redis';
import type { AppError } from '../../../shared/result';
import { iso } from './format';

type Json = Record<string, unknown>;

/** Drops the keys whose value is undefined, so `JSON.stringify` and `toEqual` agree. */
function compact(record: Json): Json {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

const secondsLeft = (expiresAt: number) => Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));

export function errorJson(e: AppError): Json {
  return compact({ code: e.code, message: e.message, next: e.next, errcode: e.errcode, errmsg: e.errmsg, field: e.field, http_status: e.httpStatus, ip: e.ip, rid: e.rid });
}

export function accountJson(a: AccountView): Json {
  return compact({
    name: a.name,
    kind: a.kind,
    appid: a.appid,
    mode: a.mode,
    api_base: a.apiBase,
    proxy: a.proxy,
    note: a.note,
    has_secret: a.hasSecret,
    source: a.source,
    created_at: a.createdAt,
  });
}

export function tokenStatusJson(t: TokenStatus): Json {
  return compact({
    state: t.state,
    mode: t.mode,
    masked: t.masked,
    expires_at: iso(t.expiresAt),
    expires_in: t.expiresAt !== undefined ? secondsLeft(t.expiresAt) : undefined,
    fetched_at: iso(t.fetchedAt),
    source: t.source,
    fetch_blocked: t.fetchBlocked,
    force_left: t.forceLeft,
    force_next_at: iso(t.forceNextAt),
    last_error: t.lastError ? errorJson(t.lastError) : undefined,
    origin: t.origin ? originJson(t.origin) : undefined,
  });
}

export function tokenJson(info: TokenInfo, source: TokenInfo['source']): Json {
  return {
    access_token: info.accessToken,
    expires_at: iso(info.expiresAt),
    expires_in: secondsLeft(info.expiresAt),
    fetched_at: iso(info.fetchedAt),
    mode: info.mode,
    source,
    ...(info.origin ? { origin: originJson(info.origin) } : {}),
  };
}

/** Where a token not fetched here came from (issue 8). */
function originJson(o: TokenOrigin): Json {
  return compact({ type: o.type, where: o.where, key: o.key, fetched_by: o.fetchedBy });
}

export function responseJson(res: ConsoleResponse, out: string | undefined): Json {
  const base = { status: res.status, content_type: res.contentType, headers: res.headers, time_ms: res.timeMs, size: res.size };
  const tail = { errcode: res.errcode ?? 0, retried: res.retried };
  if (out !== undefined) return { ...base, out, ...tail };
  if (res.binary) return { ...base, body_base64: res.bodyBase64 ?? '', ...tail };
  let body: unknown = res.bodyText ?? '';
  try {
    body = JSON.parse(res.bodyText ?? '');
  } catch {
    // not JSON: kept as text
  }
  return { ...base, body, ...tail };
}

export function historyJson(e: HistoryEntry): Json {
  return compact({
    id: e.id,
    at: iso(e.at),
    account: e.account,
    method: e.method,
    path: e.path,
    query: e.query,
    body: e.body,
    status: e.status,
    errcode: e.errcode,
    error: e.error,
    time_ms: e.timeMs,
    size: e.size,
  });
}

export function redisConnectionJson(c: RedisConnectionView): Json {
  return compact({
    name: c.name,
    url: c.url,
    prefix: c.prefix,
    tls: c.tls,
    has_ca: c.hasCa,
    has_password: c.hasPassword,
    created_at: c.createdAt,
    warning: c.warning,
  });
}

export function redisTestJson(r: RedisTestResult): Json {
  return compact({ name: r.name, version: r.version, cluster: r.cluster, nodes: r.nodes, tls: r.tls, latency_ms: r.latencyMs, warning: r.warning });
}

export function redisMatchJson(m: RedisKeyMatch): Json {
  return compact({
    key: m.key,
    field: m.field,
    format: m.format,
    ttl: m.ttl,
    masked: m.masked,
    expires_at: iso(m.expiresAt),
    problem: m.problem,
    warnings: m.warnings,
  });
}
