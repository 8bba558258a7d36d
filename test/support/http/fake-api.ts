/**
 * A small, real-looking ApiImpl for host tests (the HTTP server, the IPC host): accounts in memory, a
 * known token and secret so tests can prove neither leaks, and a few accounts that fail on purpose.
 * A stand-in for pure host tests only; anything about the core runs against the real core.
 */
import type { ApiImpl, AppEvent, EventListener } from '../../../src/shared/contract';
import { appError, wechatError } from '../../../src/shared/errors/errors';
import { DEFAULT_SETTINGS, type AccountView, type Settings, type TokenInfo, type TokenStatus } from '../../../src/shared/models';
import { fail, ok } from '../../../src/shared/result';

/** The token revealToken hands out: a test asserts it never shows up where it should not. */
export const FAKE_TOKEN = '85_FAKEtokenVALUEdoNOTleak_0123456789abcdefABCDEF';
export const FAKE_SECRET = 'fakeSECRETvalueDoNotLeak0123456789';
/** Accounts that fail: with the keychain locked, with 40164, and with a thrown exception holding secrets. */
export const LOCKED = 'locked';
export const WHITELISTED = 'whitelisted';
export const EXPLODES = 'explodes';

export interface FakeApi {
  api: ApiImpl;
  onEvent(listener: EventListener): () => void;
  emit(event: AppEvent): void;
  listenerCount(): number;
  /** How many times each method was called. */
  calls: Map<string, number>;
}

export function makeFakeApi(): FakeApi {
  const listeners = new Set<EventListener>();
  const calls = new Map<string, number>();
  const accounts = new Map<string, AccountView>();
  const secrets = new Map<string, string>();
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const now = () => Date.now();
  const view = (name: string): AccountView => ({
    name,
    kind: 'oa',
    appid: 'wx0123456789abcdef',
    mode: 'stable',
    apiBase: 'http://127.0.0.1:9',
    createdAt: new Date(0).toISOString(),
    hasSecret: true,
  });
  for (const name of ['demo', LOCKED, WHITELISTED, EXPLODES]) {
    accounts.set(name, view(name));
    secrets.set(name, FAKE_SECRET);
  }

  const redis = new Map<string, string>();
  const redisView = (name: string) => ({ name, url: redis.get(name) ?? '', createdAt: new Date(0).toISOString(), tls: false, hasCa: false, hasPassword: true });
  const status = (account: string): TokenStatus => ({ account, state: 'fresh', mode: 'stable', masked: '85_F…CDEF', fetchBlocked: false });
  const token = async (name: string) => {
    if (!accounts.has(name)) return fail<TokenInfo>(appError('not_found'));
    if (name === LOCKED) return fail<TokenInfo>(appError('keychain_unavailable'));
    if (name === WHITELISTED) return fail<TokenInfo>(wechatError(40164, 'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 6543a1b2-0c0ffee'));
    if (name === EXPLODES) throw new Error(`secret ${FAKE_SECRET} token ${FAKE_TOKEN}`);
    const expiresAt = now() + 7_000_000;
    return ok<TokenInfo>({ account: name, accessToken: FAKE_TOKEN, expiresAt, fetchedAt: now(), expiresIn: 7000, mode: 'stable', source: 'cache' });
  };
  const known = <T>(name: string, value: () => T) => (accounts.has(name) ? ok(value()) : fail<T>(appError('not_found')));

  const api: ApiImpl = {
    appInfo: async () => ok({ host: 'http', version: '0.0.0-test', copiesInMain: false }),
    listAccounts: async () => ok([...accounts.values()]),
    listProblems: async () => ok([]),
    addAccount: async ({ account, secret }) => {
      if (accounts.has(account.name)) return fail(appError('conflict'));
      accounts.set(account.name, view(account.name));
      if (secret !== undefined) secrets.set(account.name, secret);
      return ok(view(account.name));
    },
    editAccount: async ({ name }) => known(name, () => view(name)),
    removeAccount: async ({ name }) => known(name, () => void accounts.delete(name)),
    setSecret: async ({ name, secret }) => known(name, () => void secrets.set(name, secret)),
    testCredentials: async ({ name }) => known(name, () => status(name)),
    checkCredentials: async () => ok({ masked: '85_F…CDEF', expiresAt: now() + 7_000_000, via: 'stable' as const }),
    tokenStatus: async ({ name }) => known(name, () => status(name)),
    getToken: async ({ name }) => {
      const got = await token(name);
      return got.ok ? ok(status(name)) : got;
    },
    revealToken: async ({ name }) => token(name),
    refreshToken: async ({ name }) => known(name, () => status(name)),
    copyToken: async () => fail(appError('unsupported')),
    resumeFetching: async ({ name }) => known(name, () => status(name)),
    sendRequest: async () => fail(appError('unsupported')),
    cancelRequest: async () => ok(false),
    listHistory: async ({ name }) => known(name, () => []),
    clearHistory: async ({ name }) => known(name, () => undefined),
    // Console part: saved requests are not kept by the fake.
    listSaved: async ({ name }) => known(name, () => []),
    saveRequest: async () => fail(appError('unsupported')),
    removeSaved: async ({ name }) => known(name, () => undefined),
    exportSaved: async () => fail(appError('unsupported')),
    noteAccountUse: async ({ name }) => known(name, () => undefined),
    listAccountUse: async () => ok({}),
    listEndpoints: async () => ok([]),
    getSettings: async () => ok(settings),
    updateSettings: async (patch) => {
      settings = { ...settings, ...patch } as Settings;
      return ok(settings);
    },
    serverStatus: async () => ok({ running: true }),
    // Redis connections: names only, no server behind them.
    listRedis: async () => ok([...redis.keys()].map(redisView)),
    addRedis: async ({ connection }) => {
      if (redis.has(connection.name)) return fail(appError('conflict'));
      redis.set(connection.name, connection.url);
      return ok(redisView(connection.name));
    },
    removeRedis: async ({ name }) => (redis.delete(name) ? ok(undefined) : fail(appError('not_found'))),
    testRedis: async ({ name }) => (redis.has(name) ? fail(appError('redis_unreachable')) : fail(appError('not_found'))),
    findRedisKeys: async ({ name }) => (redis.has(name) ? ok([]) : fail(appError('not_found'))),
    setToken: async ({ name }) => known(name, () => status(name)),
    setObserveHeader: async ({ name }) => known(name, () => undefined),
    // Toolbox (issue 11): hosts only pass these through; their behaviour is tested against the real core.
    getTicket: async () => fail(appError('unsupported')),
    signJsapi: async () => fail(appError('unsupported')),
    checkJsapi: async () => fail(appError('unsupported')),
    lookUpRid: async () => fail(appError('unsupported')),
    getQuota: async () => fail(appError('unsupported')),
    clearQuota: async () => fail(appError('unsupported')),
    setCallbackConfig: async () => fail(appError('unsupported')),
    pushMessage: async () => fail(appError('unsupported')),
    signCard: async () => fail(appError('unsupported')), // toolbox: card signatures
    listPushHistory: async () => ok([]), // toolbox: push history
  };

  const counted = Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [
      name,
      (input: unknown) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return (fn as (i: unknown) => unknown)(input);
      },
    ]),
  ) as unknown as ApiImpl;

  return {
    api: counted,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((l) => l(event)),
    listenerCount: () => listeners.size,
    calls,
  };
}
