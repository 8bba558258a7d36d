/**
 * rid and quota look-ups and clear_quota (wechat-api.md §5), sent like console calls: the account's token
 * injected, a stale token expired and the call tried once more, credentials masked in what comes back.
 */
import type { ApiImpl } from '../../../shared/contract';
import { appError } from '../../../shared/errors/errors';
import type { Account, ConsoleRequest, ConsoleResponse } from '../../../shared/models';
import { redactError, redactText } from '../../../shared/redact';
import { fail, ok, type AppError, type Localized, type Result } from '../../../shared/result';
import type { RequestRunner } from '../console/request-runner';
import { secretItem } from '../keychain/secret-items';
import { guard, type TokenEngine } from '../tokens/token-engine';
import type { SecretStore } from '../types';
import { httpRequest } from '../wechat/http-client';
import { readWechatJson } from '../wechat/wechat-client';

export type LookupCalls = Pick<ApiImpl, 'lookUpRid' | 'getQuota' | 'clearQuota'>;

export interface LookupDeps {
  accounts: { get(name: string): Promise<Result<Account>> };
  runner: Pick<RequestRunner, 'send'>;
  engine: Pick<TokenEngine, 'resume' | 'knownValues'>;
  secrets: SecretStore;
}

/** What an errcode means at these endpoints in particular (76022 means something else at rid/get than at quota/get). */
const EXPLAINED: Record<string, Record<number, { meaning: Localized; next: Localized }>> = {
  rid: {
    76001: {
      meaning: { zh: 'rid 不存在或已过期：微信只保留 7 天，且只能查询本账号发起的调用', en: 'No such rid, or it has expired: WeChat keeps rids for 7 days, and only for this account\'s own calls' },
      next: { zh: '确认 rid 来自这个账号、7 天之内的错误响应（errmsg 末尾的 rid: …）', en: 'Check that the rid comes from an error this account received within the last 7 days (the `rid: …` at the end of errmsg)' },
    },
    76022: {
      meaning: { zh: '这个 rid 不能查询：/sns/ 等路径的调用（如网页授权）不提供 rid 查询', en: 'This rid cannot be looked up: calls to /sns/ paths (web OAuth and the like) are not covered by rid look-ups' },
      next: { zh: '这类调用只能在你自己的服务器日志里排查', en: 'Look for such calls in your own server logs instead' },
    },
  },
  quota: {},
};

function explain(error: AppError, what: keyof typeof EXPLAINED): AppError {
  const known = error.errcode !== undefined ? EXPLAINED[what][error.errcode] : undefined;
  return known ? { ...error, message: known.meaning, next: known.next } : error;
}

/** A POST through the console's runner; the JSON body on success, the explained error otherwise. */
async function post(deps: LookupDeps, name: string, path: string, body: unknown): Promise<Result<Record<string, unknown>>> {
  const req: ConsoleRequest = { account: name, method: 'POST', path, body: JSON.stringify(body), noHistory: true };
  const sent = await deps.runner.send(req);
  if (!sent.ok) return sent;
  return readAnswer(sent.value);
}

function readAnswer(res: ConsoleResponse): Result<Record<string, unknown>> {
  if (res.error) return fail(res.error);
  return readWechatJson({ status: res.status, headers: res.headers, body: Buffer.from(res.bodyText ?? res.bodyBase64 ?? '', res.bodyText !== undefined ? 'utf8' : 'base64') });
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);

export function createLookupCalls(deps: LookupDeps): LookupCalls {
  return {
    lookUpRid: ({ name, rid }) => guard(async () => {
      const got = await post(deps, name, '/cgi-bin/openapi/rid/get', { rid });
      if (!got.ok) return fail(explain(got.error, 'rid'));
      const r = (got.value.request ?? {}) as Record<string, unknown>;
      // WeChat shows the URL as it was called: the token is masked, whichever token it was.
      const known = await deps.engine.knownValues(name).catch(() => []);
      const scrub = (text: string) => redactText(text, known);
      return ok({
        rid,
        invokeTime: num(r.invoke_time),
        costMs: num(r.cost_in_ms),
        requestUrl: scrub(str(r.request_url)),
        requestBody: scrub(str(r.request_body)),
        responseBody: scrub(str(r.response_body)),
        clientIp: str(r.client_ip),
      });
    }),

    getQuota: ({ name, cgiPath }) => guard(async () => {
      const got = await post(deps, name, '/cgi-bin/openapi/quota/get', { cgi_path: cgiPath });
      if (!got.ok) return got;
      const q = (got.value.quota ?? {}) as Record<string, unknown>;
      if (typeof q.daily_limit !== 'number') return fail(appError('bad_response'));
      return ok({ cgiPath, dailyLimit: q.daily_limit, used: num(q.used), remain: num(q.remain) });
    }),

    clearQuota: ({ name, withSecret }) => guard(async () => {
      const account = await deps.accounts.get(name);
      if (!account.ok) return account;
      const cleared = withSecret ? await clearWithSecret(deps, account.value) : await post(deps, name, '/cgi-bin/clear_quota', { appid: account.value.appid });
      if (!cleared.ok) return cleared;
      // The token quota is reset too: fetching, paused by 45009, may start again.
      await deps.engine.resume(name);
      return ok(undefined);
    }),
  };
}

/** clear_quota/v2: the AppSecret instead of a token, for when 45009 stops token fetches themselves. */
async function clearWithSecret(deps: LookupDeps, account: Account): Promise<Result<Record<string, unknown>>> {
  const secret = await deps.secrets.get(secretItem(account.name));
  if (!secret) return fail(appError('secret_missing'));
  const res = await httpRequest({
    method: 'POST',
    url: `${account.apiBase}/cgi-bin/clear_quota/v2`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: account.appid, appsecret: secret }),
    timeoutMs: 15_000,
    proxy: account.proxy,
  });
  if (!res.ok) return fail(redactError(res.error, [secret]));
  const body = readWechatJson(res.value);
  return body.ok ? body : fail(redactError(body.error, [secret]));
}

