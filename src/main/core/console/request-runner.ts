/**
 * The console's core: one authenticated call to a WeChat endpoint with the account's token injected.
 * A token error (40001/40014/42001) expires the cached token only if it is still the one used, then the call
 * is tried once more with a fresh token. Business calls are not retried otherwise: a repeated POST could
 * send a message twice.
 */
import { randomUUID } from 'node:crypto';
import { appError, wechatError, wechatPolicy } from '../../../shared/errors/errors';
import { HISTORY_RESPONSE_CHARS, type Account, type ConsoleRequest, type ConsoleResponse, type HistoryEntry, type FormPart, type HistoryResponse } from '../../../shared/models';
import { isSecretKey, MASK, redactError, redactJsonText, redactKnown, redactQuery, redactText } from '../../../shared/redact';
import { jsonDepth, MAX_BODY_DEPTH } from '../../../shared/json-depth';
import { fail, ok, type AppError, type Localized, type Result } from '../../../shared/result';
import { httpRequest, type HttpResponse } from '../wechat/http-client';
import { buildMultipart } from './multipart';
import type { TokenEngine } from '../tokens/token-engine';

const TEXT_TYPES = /^(application\/(json|javascript|xml|x-www-form-urlencoded)|text\/)/i;

export interface RequestRunnerDeps {
  accounts: { get(name: string): Promise<Result<Account>> };
  engine: Pick<TokenEngine, 'getToken' | 'expireIfCurrent' | 'knownValues'>;
  history: { add(entry: HistoryEntry): Promise<Result<unknown>> };
  timeoutMs?: number;
}

export class RequestRunner {
  private readonly inFlight = new Map<string, AbortController>();

  constructor(private readonly deps: RequestRunnerDeps) {}

  async send(req: ConsoleRequest): Promise<Result<ConsoleResponse>> {
    const account = await this.deps.accounts.get(req.account);
    if (!account.ok) return account;
    if (req.form && (req.method !== 'POST' || req.body)) {
      return fail(appError('validation', { field: 'form', message: { zh: '表单上传只能用于 POST，且不能同时带 JSON 请求体', en: 'A form upload goes with POST only, and not together with a JSON body' } }));
    }
    if (req.method === 'POST' && req.body) {
      const problem = bodyProblem(req.body);
      if (problem) return fail(problem);
    }
    const id = req.requestId ?? randomUUID();
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    const startedAt = Date.now();
    const used: string[] = [];
    let timedOut = false;
    const deadline = req.timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), controller.abort()), req.timeoutMs);
    try {
      let result = await this.attempt(account.value, req, controller.signal);
      let retried = false;
      // 40001 / 40014 / 42001: the token went stale under us (the catalogue's `refetch-once`).
      if (result.ok && result.value.errcode !== undefined && wechatPolicy(result.value.errcode) === 'refetch-once') {
        used.push(result.value.token);
        await this.deps.engine.expireIfCurrent(req.account, result.value.token);
        result = await this.attempt(account.value, req, controller.signal);
        retried = true;
      }
      if (!result.ok && timedOut && result.error.code === 'cancelled') result = fail(timeoutError(req.timeoutMs!));
      if (result.ok) used.push(result.value.token);
      // Every credential of this account the core knows is masked by value in what leaves here and in what
      // is kept: a token pasted into a query value, or echoed back by WeChat in an errmsg or a body.
      const known = [...used, ...requestSecrets(req), ...(await this.deps.engine.knownValues(req.account).catch(() => []))];
      const response: Result<ConsoleResponse> = result.ok
        ? ok(scrubResponse({ ...result.value.response, id, retried }, known))
        : fail(redactError(result.error, known));
      if (req.noHistory) return response;
      const warning = await this.record(req, id, startedAt, response, known);
      if (!warning) return response;
      return response.ok ? ok({ ...response.value, warning }) : fail({ ...response.error, next: alsoSay(response.error.next, warning.message) });
    } finally {
      clearTimeout(deadline);
      this.inFlight.delete(id);
    }
  }

  cancel(requestId: string): boolean {
    const controller = this.inFlight.get(requestId);
    controller?.abort();
    return controller !== undefined;
  }

  private async attempt(account: Account, req: ConsoleRequest, signal: AbortSignal) {
    const token = await untilAborted(this.deps.engine.getToken(account.name), signal);
    if (!token.ok) return token;
    const query = new URLSearchParams([['access_token', token.value.accessToken], ...(req.query ?? []).filter(([k]) => k !== 'access_token')]);
    const started = performance.now();
    const upload = req.form ? buildMultipart(req.form) : undefined;
    const res = await httpRequest({
      method: req.method,
      url: `${account.apiBase}${req.path}?${query}`,
      headers: upload ? { 'content-type': upload.contentType } : req.method === 'POST' ? { 'content-type': 'application/json' } : {},
      body: upload ? upload.body : req.method === 'POST' ? (req.body ?? '') : undefined,
      timeoutMs: this.deps.timeoutMs ?? 30_000,
      proxy: account.proxy,
      signal,
    });
    if (!res.ok) return res;
    const response = describe(res.value, Math.round(performance.now() - started));
    return ok({ response, token: token.value.accessToken, errcode: response.errcode });
  }

  /** Writes the history entry; a failure to write it is returned as a warning, never thrown. */
  private async record(req: ConsoleRequest, id: string, at: number, result: Result<ConsoleResponse>, known: string[]): Promise<AppError | undefined> {
    try {
      const entry: HistoryEntry = {
        id,
        at,
        account: req.account,
        method: req.method,
        path: req.path,
        query: redactQuery(req.query ?? []).map(([k, v]) => [k, redactText(v, known)]),
        ...(req.body ? { body: redactText(redactJsonText(req.body), known) } : {}),
        ...(req.form ? { form: keptForm(req.form, known) } : {}),
        timeMs: result.ok ? result.value.timeMs : Date.now() - at,
        size: result.ok ? result.value.size : 0,
        ...(result.ok ? { status: result.value.status } : { error: redactText(result.error.message.en, known) }),
        ...(result.ok && result.value.errcode !== undefined ? { errcode: result.value.errcode } : {}),
        ...(result.ok ? { response: keptResponse(result.value, known) } : {}),
      };
      const saved = await this.deps.history.add(entry);
      return saved.ok ? undefined : historyWarning(saved.error.message);
    } catch {
      return historyWarning(appError('internal').message);
    }
  }
}

/** Form fields as the history keeps them: text values redacted, files by name, type and size (never their bytes). */
function keptForm(form: FormPart[], known: string[]): NonNullable<HistoryEntry['form']> {
  return form.map((p) =>
    p.file
      ? { name: p.name, file: { filename: p.file.filename, contentType: p.file.contentType, size: Buffer.byteLength(p.file.base64, 'base64') } }
      : { name: p.name, value: isSecretKey(p.name) ? MASK : redactText(p.value ?? '', known) },
  );
}

/** What the history keeps of a response: its text redacted again (secret keys, known values) and cut; no binary bytes. */
function keptResponse(res: ConsoleResponse, known: string[]): HistoryResponse {
  if (res.bodyText === undefined) return { contentType: res.contentType, binary: true };
  const text = redactText(redactJsonText(res.bodyText), known);
  return {
    contentType: res.contentType,
    text: text.slice(0, HISTORY_RESPONSE_CHARS),
    ...(text.length > HISTORY_RESPONSE_CHARS ? { truncated: true } : {}),
  };
}

function timeoutError(ms: number): AppError {
  const seconds = ms / 1000;
  return appError('timeout', {
    message: { zh: `请求超过 ${seconds} 秒未完成，已取消`, en: `The request did not complete within ${seconds} s and was cancelled` },
  });
}

/** A token fetch keeps going for the cache, but the call waiting on it stops at once when cancelled. */
function untilAborted<T>(work: Promise<Result<T>>, signal: AbortSignal): Promise<Result<T>> {
  if (signal.aborted) return Promise.resolve(fail(appError('cancelled')));
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(fail(appError('cancelled')));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The request went out; only its history entry is missing. Said, so nobody sends it again to "retry". */
function historyWarning(why: Localized): AppError {
  return appError('storage', {
    message: { zh: `请求已发送，但未能写入历史记录：${why.zh}`, en: `The request was sent, but its history entry could not be saved: ${why.en}` },
    next: { zh: '不要为此重发请求；检查数据目录的权限和磁盘空间', en: 'Do not send it again because of this; check the data folder permissions and free disk space' },
  });
}

function alsoSay(next: Localized | undefined, more: Localized): Localized {
  return next ? { zh: `${next.zh}。${more.zh}`, en: `${next.en}. ${more.en}` } : more;
}

/** The response with known credential values masked in its text and its explained error. */
function scrubResponse(res: ConsoleResponse, known: string[]): ConsoleResponse {
  return {
    ...res,
    ...(res.bodyText !== undefined ? { bodyText: redactKnown(res.bodyText, known) } : {}),
    ...(res.error ? { error: redactError(res.error, known) } : {}),
  };
}

/** Values the request itself carries under secret keys (clear_quota/v2 takes the appsecret): echoes of them are masked too. */
function requestSecrets(req: ConsoleRequest): string[] {
  const values = (req.query ?? []).filter(([k]) => isSecretKey(k)).map(([, v]) => v);
  for (const part of req.form ?? []) if (isSecretKey(part.name) && part.value) values.push(part.value);
  if (!req.body) return values;
  try {
    // Depth-checked before sending, so this walk is bounded.
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        for (const [k, inner] of Object.entries(v)) {
          if (isSecretKey(k) && (typeof inner === 'string' || typeof inner === 'number')) values.push(String(inner));
          else walk(inner);
        }
      }
    };
    walk(JSON.parse(req.body));
  } catch {
    // not JSON: nothing to collect
  }
  return values;
}

/** A body that is not JSON, or nests deeper than any real WeChat body: refused before anything is sent. */
function bodyProblem(body: string): AppError | undefined {
  if (jsonDepth(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    return appError('validation', {
      field: 'body',
      message: { zh: `请求体嵌套过深：超过 ${MAX_BODY_DEPTH} 层，未发送`, en: `The body nests too deeply: more than ${MAX_BODY_DEPTH} levels; nothing was sent` },
    });
  }
  try {
    JSON.parse(body);
  } catch (err) {
    return appError('validation', { field: 'body', message: { zh: `请求体不是有效的 JSON：${(err as Error).message}`, en: `The body is not valid JSON: ${(err as Error).message}` } });
  }
  return undefined;
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
    ...(errcode ? { errcode, error: businessError(wechatError(errcode, errmsgOf(bodyText))) } : {}),
  };
}

/**
 * On a business call the token was fetched with the account's AppID, so that AppID is fine: a 40013 here is
 * about an AppID in the request itself (clear_quota's body, a Mini Program's appid field).
 */
function businessError(error: AppError): AppError {
  if (error.errcode !== 40013) return error;
  return {
    ...error,
    next: {
      zh: '账号的 AppID 没有问题（token 就是用它获取的）：检查请求里的 appid 字段，它应是这个账号的 AppID',
      en: 'The account\'s AppID is fine (the token was fetched with it): check the appid in the request, which should be this account\'s AppID',
    },
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
