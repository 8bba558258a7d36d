/**
 * The console's core: one authenticated call to a WeChat endpoint with the account's token injected.
 * A token error (40001/40014/42001) expires the cached token only if it is still the one used, then the call
 * is tried once more with a fresh token. Business calls are not retried otherwise: a repeated POST could
 * send a message twice.
 */
import { randomUUID } from 'node:crypto';
import { appError, wechatError, wechatPolicy } from '../../shared/errors';
import type { Account, ConsoleRequest, ConsoleResponse, HistoryEntry } from '../../shared/models';
import { redactJsonText, redactQuery, redactText } from '../../shared/redact';
import { fail, ok, type Result } from '../../shared/result';
import { httpRequest, type HttpResponse } from './http-client';
import type { TokenEngine } from './token-engine';

const TEXT_TYPES = /^(application\/(json|javascript|xml|x-www-form-urlencoded)|text\/)/i;

export interface RequestRunnerDeps {
  accounts: { get(name: string): Promise<Result<Account>> };
  engine: Pick<TokenEngine, 'getToken' | 'expireIfCurrent'>;
  history: { add(entry: HistoryEntry): Promise<unknown> };
  timeoutMs?: number;
}

export class RequestRunner {
  private readonly inFlight = new Map<string, AbortController>();

  constructor(private readonly deps: RequestRunnerDeps) {}

  async send(req: ConsoleRequest): Promise<Result<ConsoleResponse>> {
    const account = await this.deps.accounts.get(req.account);
    if (!account.ok) return account;
    if (req.method === 'POST' && req.body) {
      try {
        JSON.parse(req.body);
      } catch (err) {
        return fail(appError('validation', { field: 'body', message: { zh: `请求体不是有效的 JSON：${(err as Error).message}`, en: `The body is not valid JSON: ${(err as Error).message}` } }));
      }
    }
    const id = req.requestId ?? randomUUID();
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    const startedAt = Date.now();
    try {
      let result = await this.attempt(account.value, req, controller.signal);
      let retried = false;
      // 40001 / 40014 / 42001: the token went stale under us (the catalogue's `refetch-once`).
      if (result.ok && result.value.errcode !== undefined && wechatPolicy(result.value.errcode) === 'refetch-once') {
        await this.deps.engine.expireIfCurrent(req.account, result.value.token);
        result = await this.attempt(account.value, req, controller.signal);
        retried = true;
      }
      const response: Result<ConsoleResponse> = result.ok ? ok({ ...result.value.response, id, retried }) : result;
      if (!req.noHistory) await this.record(req, id, startedAt, response, result.ok ? result.value.token : undefined);
      return response;
    } finally {
      this.inFlight.delete(id);
    }
  }

  cancel(requestId: string): boolean {
    const controller = this.inFlight.get(requestId);
    controller?.abort();
    return controller !== undefined;
  }

  private async attempt(account: Account, req: ConsoleRequest, signal: AbortSignal) {
    const token = await this.deps.engine.getToken(account.name);
    if (!token.ok) return token;
    const query = new URLSearchParams([['access_token', token.value.accessToken], ...(req.query ?? []).filter(([k]) => k !== 'access_token')]);
    const started = performance.now();
    const res = await httpRequest({
      method: req.method,
      url: `${account.apiBase}${req.path}?${query}`,
      headers: req.method === 'POST' ? { 'content-type': 'application/json' } : {},
      body: req.method === 'POST' ? (req.body ?? '') : undefined,
      timeoutMs: this.deps.timeoutMs ?? 30_000,
      proxy: account.proxy,
      signal,
    });
    if (!res.ok) return res;
    const response = describe(res.value, Math.round(performance.now() - started));
    return ok({ response, token: token.value.accessToken, errcode: response.errcode });
  }

  private async record(req: ConsoleRequest, id: string, at: number, result: Result<ConsoleResponse>, token?: string) {
    const known = token ? [token] : [];
    const entry: HistoryEntry = {
      id,
      at,
      account: req.account,
      method: req.method,
      path: req.path,
      query: redactQuery(req.query ?? []),
      ...(req.body ? { body: redactText(redactJsonText(req.body), known) } : {}),
      timeMs: result.ok ? result.value.timeMs : Date.now() - at,
      size: result.ok ? result.value.size : 0,
      ...(result.ok ? { status: result.value.status } : { error: result.error.message.en }),
      ...(result.ok && result.value.errcode !== undefined ? { errcode: result.value.errcode } : {}),
    };
    await this.deps.history.add(entry);
  }
}

/** Branches on Content-Type, but still reads an errcode when a binary endpoint answers with JSON. */
function describe(res: HttpResponse, timeMs: number): Omit<ConsoleResponse, 'id' | 'retried'> {
  const contentType = res.headers['content-type'] ?? '';
  const looksJson = res.body[0] === 0x7b; // '{'
  const binary = !TEXT_TYPES.test(contentType) && !looksJson;
  const base = { status: res.status, headers: res.headers, contentType, timeMs, size: res.body.length, binary };
  if (binary) return { ...base, bodyBase64: res.body.toString('base64') };
  const bodyText = res.body.toString('utf8');
  const errcode = errcodeOf(bodyText);
  return {
    ...base,
    bodyText,
    ...(errcode ? { errcode, error: wechatError(errcode, errmsgOf(bodyText)) } : {}),
  };
}

function errcodeOf(text: string): number | undefined {
  const match = /^\s*\{[\s\S]*?"errcode"\s*:\s*(-?\d+)/.exec(text.slice(0, 4096));
  const code = match ? Number(match[1]) : undefined;
  return code ? code : undefined;
}

function errmsgOf(text: string): string {
  try {
    return String((JSON.parse(text) as { errmsg?: unknown }).errmsg ?? '');
  } catch {
    return '';
  }
}
