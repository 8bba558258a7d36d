/**
 * The one typed API between the UI and the core. Every host (Electron IPC, loopback HTTP) and the
 * renderer's client are generic over this declaration: adding a call means adding it here and in the
 * core, nothing else. Inputs are validated by these schemas in every host before the core sees them.
 */
import * as z from 'zod';
import type { Endpoint } from './catalogue/model';
import type {
  AccountView,
  AppInfo,
  ConsoleResponse,
  CopyResult,
  CredentialCheck,
  HistoryEntry,
  SavedRequest,
  ServerStatus,
  Settings,
  StorageProblem,
  TokenInfo,
  TokenStatus,
} from './models';
import { appidOrCorpid, pastedToken, redisInput, redisName, redisPassword, type RedisConnectionView, type RedisKeyMatch, type RedisTestResult } from './redis';
import type { AppError, Result } from './result';
import { accountInput, accountName, accountPatch, consoleRequest, savedRequestInput, secret, settingsPatch } from './schemas';
import { zhIssue } from './errors/validation-zh';
import type { CardSignature, JsapiCheck, JsapiSignature, PushHistoryEntry, PushReport, QuotaInfo, RidInfo, TicketInfo } from './toolbox/models';
import { callbackConfigFields, checkJsapiFields, clearQuotaFields, onePushKind, pushFields, quotaFields, ridFields, signCardFields, signJsapiFields, ticketType } from './toolbox/schemas';

/** A phantom value that carries a result type. */
const returns = <T>(): T => undefined as unknown as T;

const none = z.object({}).strict();
const byName = z.object({ name: accountName }).strict();

export const contract = {
  appInfo: { input: none, output: returns<AppInfo>() },

  listAccounts: { input: none, output: returns<AccountView[]>() },
  /** `secret` may be left out only for an account whose token comes from elsewhere (`account.source`). */
  addAccount: { input: z.object({ account: accountInput, secret: secret.optional() }).strict(), output: returns<AccountView>() },
  /**
   * Pointing the account elsewhere (API base, proxy) needs `secret` in the same call, and it replaces the
   * stored one: a secret only travels where it was entered for (see secret-destination.ts).
   */
  editAccount: { input: z.object({ name: accountName, patch: accountPatch, secret: secret.optional() }).strict(), output: returns<AccountView>() },
  removeAccount: { input: byName, output: returns<void>() },
  /** Write-only: there is no call that reads a secret back. */
  setSecret: { input: z.object({ name: accountName, secret }).strict(), output: returns<void>() },
  /**
   * Checks the stored credentials: stable and WeCom ask WeChat; classic uses a valid cached token when
   * there is one (a classic fetch would invalidate the token in use) and fetches otherwise.
   */
  testCredentials: { input: byName, output: returns<TokenStatus>() },

  /** The cached token, masked; never fetches. */
  tokenStatus: { input: byName, output: returns<TokenStatus>() },
  /** A valid token, masked: from the cache, or fetched when there is none. */
  getToken: { input: byName, output: returns<TokenStatus>() },
  /** The token's value, on the user's explicit request. */
  revealToken: { input: byName, output: returns<TokenInfo>() },
  /** `force`: classic invalidates the previous token; stable spends one of 20 a day. */
  refreshToken: { input: z.object({ name: accountName, force: z.boolean().optional() }).strict(), output: returns<TokenStatus>() },
  /** Copy done by the host (main process); hosts without a clipboard answer `unsupported`. */
  copyToken: { input: byName, output: returns<CopyResult>() },
  /** After 45009, fetching stays off until the user resumes it. */
  resumeFetching: { input: byName, output: returns<TokenStatus>() },

  sendRequest: { input: consoleRequest, output: returns<ConsoleResponse>() },
  cancelRequest: { input: z.object({ requestId: z.string().min(1).max(100) }).strict(), output: returns<boolean>() },
  listHistory: { input: byName, output: returns<HistoryEntry[]>() },
  clearHistory: { input: byName, output: returns<void>() },

  listEndpoints: { input: none, output: returns<Endpoint[]>() },

  // Console part: saved requests per account; the export is a file without tokens or secret values.
  listSaved: { input: byName, output: returns<SavedRequest[]>() },
  saveRequest: { input: z.object({ name: accountName, request: savedRequestInput }).strict(), output: returns<SavedRequest>() },
  removeSaved: { input: z.object({ name: accountName, id: z.string().min(1).max(100) }).strict(), output: returns<void>() },
  exportSaved: { input: byName, output: returns<{ filename: string; text: string }>() },
  // Console part: when each account was last used (the sidebar's "recently used"), kept by the core for every host.
  /** The user picked this account (a console call counts by itself). */
  noteAccountUse: { input: byName, output: returns<void>() },
  /** Account name → ISO time of its last use; never-used accounts are absent. */
  listAccountUse: { input: none, output: returns<Record<string, string>>() },

  /** Corrupt files set aside since the core opened (and what was recovered from them). */
  listProblems: { input: none, output: returns<StorageProblem[]>() },

  getSettings: { input: none, output: returns<Settings>() },
  updateSettings: { input: settingsPatch, output: returns<Settings>() },
  serverStatus: { input: none, output: returns<ServerStatus>() },

  /** Saved Redis connections; their passwords stay in the keychain (write-only, like AppSecrets). */
  listRedis: { input: none, output: returns<RedisConnectionView[]>() },
  /** `password`: empty or absent = none. */
  addRedis: { input: z.object({ connection: redisInput, password: redisPassword.optional() }).strict(), output: returns<RedisConnectionView>() },
  removeRedis: { input: z.object({ name: redisName }).strict(), output: returns<void>() },
  /** PING, server version, cluster or not, latency. */
  testRedis: { input: z.object({ name: redisName }).strict(), output: returns<RedisTestResult>() },
  /** The keys that hold a token for an AppID in any known SDK format; tokens masked. */
  findRedisKeys: { input: z.object({ name: redisName, appid: appidOrCorpid }).strict(), output: returns<RedisKeyMatch[]>() },

  // --- issue 8 (share lane): token sources ---
  /** A token set by hand for an account whose source is `paste`: used until it expires (default 7200 s), never refetched. */
  setToken: {
    input: z.object({ name: accountName, token: pastedToken, expiresIn: z.number().int().min(1).max(86_400).optional() }).strict(),
    output: returns<TokenStatus>(),
  },
  /** Write-only: the value of the header an `observe-url` account sends (kept in the keychain). */
  setObserveHeader: { input: z.object({ name: accountName, value: z.string().min(1).max(4_096).regex(/^[^\r\n]+$/, 'the value must be one line') }).strict(), output: returns<void>() },
  // app (issue 10): the account dialog's dry run.
  /**
   * Tries credentials and stores nothing (no account, no secret, no token): `secret` as typed, or the stored
   * secret of `storedOf` when the draft sends it nowhere new. OA/MP ask with a stable token (normal mode),
   * which leaves every token in use valid, classic ones included.
   */
  checkCredentials: {
    input: z.object({ account: accountInput, secret: secret.optional(), storedOf: accountName.optional() }).strict(),
    output: returns<CredentialCheck>(),
  },
  // Toolbox (issue 11): JS-SDK tickets and signatures, rid and quota look-ups, clear_quota, the push debugger.
  /** A JS-SDK ticket (default jsapi), cached and shared like tokens: never fetched twice in its lifetime. */
  getTicket: { input: z.object({ name: accountName, type: ticketType.optional() }).strict(), output: returns<TicketInfo>() },
  /** wx.config's fields for a page URL (wx.agentConfig's with type agent_config) and the exact string signed. */
  signJsapi: { input: z.object({ name: accountName, ...signJsapiFields }).strict(), output: returns<JsapiSignature>() },
  /** Which part of a page's (url, nonceStr, timestamp, signature) is wrong. */
  checkJsapi: { input: z.object({ name: accountName, ...checkJsapiFields }).strict(), output: returns<JsapiCheck>() },
  /** What WeChat received for a failed call's rid (openapi/rid/get; 7 days, this account only). */
  lookUpRid: { input: z.object({ name: accountName, ...ridFields }).strict(), output: returns<RidInfo>() },
  /** An API's daily quota: limit, used, remaining (openapi/quota/get). */
  getQuota: { input: z.object({ name: accountName, ...quotaFields }).strict(), output: returns<QuotaInfo>() },
  /** Resets every daily counter: one of 10 resets a month, so the caller must have asked the user. */
  clearQuota: { input: z.object({ name: accountName, ...clearQuotaFields }).strict(), output: returns<void>() },
  /** The message-push server config (Token, EncodingAESKey): write-only, into the keychain. */
  setCallbackConfig: { input: z.object({ name: accountName, ...callbackConfigFields }).strict(), output: returns<void>() },
  /** Sends the account's own callback server what WeChat would, and judges the reply. */
  pushMessage: { input: z.object({ name: accountName, ...pushFields }).strict().refine(...onePushKind), output: returns<PushReport>() },
  // Toolbox (issue 11, session 4): card signatures, push history.
  /** wx.addCard's cardExt signed with the account's wx_card api_ticket. */
  signCard: { input: z.object({ name: accountName, ...signCardFields }).strict(), output: returns<CardSignature>() },
  /** The account's pushes, newest first (at most 50; kept across restarts, the callback Token and EncodingAESKey never in them). */
  listPushHistory: { input: byName, output: returns<PushHistoryEntry[]>() },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type MethodInput<N extends MethodName> = z.input<Contract[N]['input']>;
/** The input after validation (trimmed, defaults applied): what implementations receive. */
export type ValidInput<N extends MethodName> = z.output<Contract[N]['input']>;
export type MethodOutput<N extends MethodName> = Contract[N]['output'];

/** What the renderer calls and every host serves. */
export type Api = { [N in MethodName]: (input: MethodInput<N>) => Promise<Result<MethodOutput<N>>> };
/** What a host implements: inputs already validated. */
export type ApiImpl = { [N in MethodName]: (input: ValidInput<N>) => Promise<Result<MethodOutput<N>>> };

export const events = {
  tokenChanged: returns<TokenStatus>(),
  refreshFailed: returns<{ account: string; error: AppError }>(),
  accountsChanged: returns<AccountView[]>(),
  settingsChanged: returns<Settings>(),
  serverChanged: returns<ServerStatus>(),
  storageProblem: returns<StorageProblem>(),
  // app (issue 10): another process wrote an account's history.
  historyChanged: returns<{ account: string }>(),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = (typeof events)[N];
export type AppEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];
export type EventListener = (event: AppEvent) => void;

export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(contract, name);

/** Validates an input against the contract; a bad input is an expected failure, never a throw. */
export function parseInput<N extends MethodName>(name: N, input: unknown): Result<ValidInput<N>> {
  const parsed = contract[name].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ValidInput<N> };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const text = `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`;
  // Console part: the zh message in Chinese throughout (the schemas' messages are English).
  const zh = `${field ? `${field}：` : ''}${issue ? zhIssue(issue) : '输入不符合要求'}`;
  return {
    ok: false,
    error: { code: 'validation', field, message: { zh: `输入无效：${zh}`, en: `Invalid input: ${text}` } },
  };
}

/** Channel names shared by the IPC host and the preload. */
export const IPC_PREFIX = 'wxtoken:';
export const IPC_EVENT_CHANNEL = 'wxtoken:event';

/** What the preload puts on `window.wxtoken`: the contract's named functions and one event stream. */
export type Bridge = Api & { onEvent(listener: EventListener): () => void };
export const BRIDGE_GLOBAL = 'wxtoken';

/** The HTTP host's wire format (shared by the server and the renderer's HTTP client). */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
export const HTTP_TOKEN_PREFIX = '/v1/token/';
