/**
 * `GET /v1/token/NAME`: a token for other programs on this machine, in the shape most WeChat SDKs read.
 * Failures carry a status a script can branch on and the catalogue's message, never WeChat's raw errmsg.
 *
 * The one hot route: local programs may call it for every request they make. A name is validated by the
 * contract's schema once and remembered; a 200 answer is serialised once per token and second (its
 * `expires_in` counts down) and written with a prebuilt header list.
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { parseInput, type ApiImpl } from '../../../shared/contract';
import { appError } from '../../../shared/errors/errors';
import type { TokenInfo } from '../../../shared/models';
import { fail, type AppError, type ErrorCode, type Result } from '../../../shared/result';
import { answerLanguage, type AnswerLang } from '../answer-language';
import { jsonHeaderList, sendJson } from '../responses';

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
  // issue 8: tokens read from Redis, a URL or a paste
  redis_unreachable: 503,
  redis_refused: 502,
  redis_error: 502,
  token_unavailable: 503,
  token_stale: 502,
  read_only_source: 409,
};

/** Bounds both memories: a client with the key can send any number of distinct names. */
const REMEMBERED = 256;

interface Answer {
  accessToken: string;
  expiresAt: number;
  expiresIn: number;
  body: string;
  headers: (string | number)[];
}

export type TokenRoute = (rawName: string, headers: IncomingHttpHeaders, res: ServerResponse) => Promise<void>;

export function makeTokenRoute(api: ApiImpl): TokenRoute {
  /** Raw path segment → the validated input (only names that passed the schema). Maps: any name is a safe key. */
  const inputs = new Map<string, { name: string }>();
  /** Account name → its last 200 answer. */
  const answers = new Map<string, Answer>();

  const validInput = (rawName: string): Result<{ name: string }> => {
    const known = inputs.get(rawName);
    if (known) return { ok: true, value: known };
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      name = '';
    }
    const parsed = parseInput('revealToken', { name });
    if (parsed.ok) {
      if (inputs.size >= REMEMBERED) inputs.clear();
      inputs.set(rawName, parsed.value);
    }
    return parsed;
  };

  const answerFor = (name: string, info: TokenInfo): Answer => {
    const expiresIn = Math.max(0, Math.floor((info.expiresAt - Date.now()) / 1000));
    const last = answers.get(name);
    if (last && last.expiresIn === expiresIn && last.accessToken === info.accessToken && last.expiresAt === info.expiresAt) return last;
    const body = JSON.stringify({ access_token: info.accessToken, expires_at: new Date(info.expiresAt).toISOString(), expires_in: expiresIn });
    const answer = { accessToken: info.accessToken, expiresAt: info.expiresAt, expiresIn, body, headers: jsonHeaderList(Buffer.byteLength(body)) };
    if (!last && answers.size >= REMEMBERED) answers.clear();
    answers.set(name, answer);
    return answer;
  };

  return async (rawName, headers, res) => {
    const input = validInput(rawName);
    const lang = () => answerLanguage(headers['accept-language'], () => api.getSettings({}));
    if (!input.ok) return sendJson(res, 400, { error: errorBody(input.error, await lang()) });
    let result: Result<TokenInfo>;
    try {
      result = await api.revealToken(input.value);
    } catch {
      // A bug below: its text may hold anything, so none of it goes out.
      result = fail(appError('internal'));
    }
    if (res.destroyed) return;
    if (!result.ok) {
      const english = (await lang()) === 'en';
      if (res.destroyed) return;
      return sendJson(res, STATUS[result.error.code] ?? 500, { error: errorBody(result.error, english ? 'en' : 'zh') });
    }
    const answer = answerFor(input.value.name, result.value);
    res.writeHead(200, answer.headers);
    res.end(answer.body);
  };
}

/** In the language the caller asks for, else the settings' (see answer-language.ts). */
function errorBody(error: AppError, lang: AnswerLang) {
  const english = lang === 'en';
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
