/**
 * Opens the core over one data directory: the composition root every host (desktop app, CLI, loopback
 * server) uses, so they all share one accounts file, one token cache and one lock per AppID.
 */
import type { ApiImpl, EventListener } from '../../shared/contract';
import { AccountsStore } from './storage/accounts-store';
import type { FileProblem } from './storage/atomic-file';
import { AutoRefresher } from './tokens/auto-refresh';
import { createCoreApis, type CoreApi, type HostParts } from './core-api';
import { EventHub } from './event-hub';
import { HistoryStore } from './storage/history-store';
import { createSavedApi, createUsageApi, noteUseOnSend } from './console/saved-api';
import { SavedStore } from './console/saved-store';
import { UsageStore } from './console/usage-store';
import { sweepLeftovers } from './storage/leftovers';
import { dataHome, ensureHome } from './storage/paths';
import { FileProcessLock } from './storage/process-lock';
import { createRedisApi } from './redis/redis-api';
import { RedisStore } from './redis/redis-store';
import { RequestRunner } from './console/request-runner';
import { KeytarSecretStore } from './keychain/secret-store';
import { SettingsStore } from './storage/settings-store';
import { EncryptedTokenCache } from './tokens/token-cache';
import { guard, TokenEngine, type RetryPolicy } from './tokens/token-engine';
import { ShareWatcher } from './tokens/share/share-watch';
import { makeCredentialCheck } from './tokens/credential-check';
import { followOthers } from './follow/follow-others';
import type { SecretStore } from './types';
import { isTransient, WechatClient } from './wechat/wechat-client';
import { TicketEngine } from './tickets/ticket-engine';
import { createToolboxApi } from './toolbox/toolbox-api';
import { PushHistoryStore } from './push/push-history-store';

export type { CoreApi, HostParts } from './core-api';

export interface CoreOptions {
  /** Default: WXTOKEN_HOME or the platform config folder. */
  home?: string;
  /** Default: WXTOKEN_KEYCHAIN_SERVICE or `wxtoken`. */
  keychainService?: string;
  secrets?: SecretStore;
  /** Long-lived hosts (desktop app, serve) refresh tokens ahead of expiry; the CLI does not. */
  autoRefresh?: boolean;
  /** Token fetch retries on -1 / 5xx / resets / timeouts. */
  retry?: RetryPolicy;
  /** Per-request time limit for token fetches. */
  timeoutMs?: number;
  /** The token engine's clock (tests stop it at a token's refresh point instead of racing the wall clock). */
  now?: () => number;
  /** Tell listeners what other processes change in the data folder. Default: as `autoRefresh` (long-lived hosts). */
  follow?: boolean;
  /**
   * Keep the accounts and token files in memory, trusted while a watch on the data folder says they are
   * unchanged (the hot path of long-lived hosts). Default true; a CLI run reads them once and skips the watch.
   */
  watchFiles?: boolean;
  /** The team fetch lock's lease for shared accounts (default 15 s; WXTOKEN_SHARE_LEASE_MS, for tests). */
  shareLeaseMs?: number;
}

function leaseFromEnv(): number | undefined {
  const ms = Number(process.env.WXTOKEN_SHARE_LEASE_MS);
  return Number.isInteger(ms) && ms >= 500 ? ms : undefined;
}

export interface Core {
  home: string;
  /** The contract's core methods for hosts a program or page can reach (IPC, HTTP). */
  api: CoreApi;
  /** The same for the user at a terminal (the CLI): may point an account elsewhere without its secret. */
  terminalApi: CoreApi;
  onEvent(listener: EventListener): () => void;
  /** Corrupt files set aside (and what was recovered), for the host to tell the user. */
  problems(): FileProblem[];
  close(): Promise<void>;
}

export async function openCore(options: CoreOptions = {}): Promise<Core> {
  const home = options.home ?? dataHome();
  await ensureHome(home);
  const secrets: SecretStore = options.secrets ?? new KeytarSecretStore({ service: options.keychainService });
  const lock = new FileProcessLock(home);
  const swept = sweepLeftovers(home);
  const events = new EventHub();
  // Corrupt files are set aside when a store first reads them: told to every host as they are found.
  const problems: FileProblem[] = [];
  const report = (problem: FileProblem) => {
    problems.push(problem);
    events.emit({ name: 'storageProblem', payload: problem });
  };
  const watch = options.watchFiles;
  const accounts = new AccountsStore({ home, lock, report, watch });
  const settings = new SettingsStore({ home, lock, report });
  const history = new HistoryStore({ home, lock, report });
  const cache = new EncryptedTokenCache({ home, secrets, lock, report, watch });
  const redisStore = new RedisStore({ home, lock, report });
  const client = new WechatClient({ timeoutMs: options.timeoutMs });
  const engine = new TokenEngine({
    redis: redisStore,
    accounts,
    secrets,
    cache,
    lock,
    client,
    emit: (event) => events.emit(event),
    retry: options.retry,
    now: options.now,
    shareLeaseMs: options.shareLeaseMs ?? leaseFromEnv(),
  });
  const runner = new RequestRunner({ accounts, engine, history });
  const pushes = new PushHistoryStore({ home, lock, report, now: options.now }); // toolbox (issue 11): push history
  const saved = new SavedStore({ home, lock, report });
  const usage = new UsageStore({ home, lock, report, now: options.now });
  const accountsApis = createCoreApis({ accounts, secrets, cache, engine, runner, history, saved, usage, settings, events, problems: () => [...problems], pushes });
  const redisApi = createRedisApi({ store: redisStore, secrets });
  // Toolbox (issue 11): JS-SDK tickets in tickets.json, in the token cache's format and under its key.
  const ticketCache = new EncryptedTokenCache({ home, secrets, lock, report, fileName: 'tickets.json', lockKey: 'tickets-file', watch });
  let ticketFetched = (_key: string): void => undefined;
  const tickets = new TicketEngine({
    accounts, tokens: engine, cache: ticketCache, lock, now: options.now, timeoutMs: options.timeoutMs, retry: options.retry,
    onFetched: (key) => ticketFetched(key),
    share: { redis: redisStore, secrets, leaseMs: options.shareLeaseMs ?? leaseFromEnv() },
  });
  const toolboxApi = createToolboxApi({ accounts, runner, engine, secrets, tickets, pushes });
  // app (issue 10): the dialog's dry run, and following what other processes write.
  const check = makeCredentialCheck({ accounts, secrets, client });
  const appApi = { checkCredentials: (input: Parameters<typeof check>[0]) => guard(() => check(input)) };
  // console (issue 10): saved requests per account.
  const savedApi = { ...createSavedApi({ store: saved, accounts }), ...createUsageApi({ store: usage, accounts }) };
  const withUse = (apis: typeof accountsApis.api) => ({ ...apis, sendRequest: noteUseOnSend(apis.sendRequest, usage) });
  const api: CoreApi = { ...withUse(accountsApis.api), ...redisApi, ...toolboxApi, ...appApi, ...savedApi };
  const terminalApi: CoreApi = { ...withUse(accountsApis.terminalApi), ...redisApi, ...toolboxApi, ...appApi, ...savedApi };

  const stopFollowing = (options.follow ?? options.autoRefresh) ? followOthers({ home, api, events }) : () => {};

  let refresher: AutoRefresher | undefined;
  let ticketRefresher: AutoRefresher | undefined;
  let unsubscribe = () => {};
  let watcher: ShareWatcher | undefined;
  if (options.autoRefresh) {
    const accountList = async () => {
      const list = await accounts.list();
      return list.ok ? list.value : [];
    };
    const watch = new ShareWatcher({
      accounts: accountList, redis: redisStore, secrets,
      adopt: (name) => engine.adoptShared(name),
      adoptTicket: (name, type) => tickets.adoptShared(name, type),
    });
    watcher = watch;
    const offWatch = events.on((event) => event.name === 'accountsChanged' && void watch.sync().catch(() => undefined));
    void watch.sync().catch(() => undefined);
    const stopWatch = () => (offWatch(), watch.stop());
    const auto = new AutoRefresher({
      names: async () => {
        const list = await accounts.list();
        return list.ok ? list.value.map((a) => a.name) : [];
      },
      dueAt: (name) => engine.dueAt(name),
      // Worth trying again later only for passing trouble (-1, 5xx, timeouts), never for a final error.
      refresh: async (name) => {
        const got = await engine.getToken(name);
        const error = got.ok ? engine.lastError(name) : got.error;
        return !error || isTransient(error);
      },
    });
    refresher = auto;
    // Tickets too, by `account|type` (toolbox, issue 11).
    const ticketAuto = new AutoRefresher({
      names: () => tickets.cachedKeys(),
      dueAt: (key) => tickets.dueAt(key),
      refresh: async (key) => {
        const [name, type] = key.split('|') as [string, 'jsapi'];
        const got = await tickets.getTicket(name, type);
        return got.ok || isTransient(got.error);
      },
    });
    ticketRefresher = ticketAuto;
    ticketFetched = (key) => void ticketAuto.schedule(key);
    await ticketAuto.start();
    const offAuto = events.on((event) => {
      if (event.name === 'tokenChanged') void auto.schedule(event.payload.account);
      if (event.name === 'accountsChanged') void auto.start();
    });
    unsubscribe = () => (offAuto(), stopWatch());
    await auto.start();
  }

  return {
    home,
    api,
    terminalApi,
    onEvent: (listener) => events.on(listener),
    problems: () => [...problems],
    close: async () => {
      await swept;
      stopFollowing();
      unsubscribe();
      watcher?.stop();
      refresher?.stop();
      ticketRefresher?.stop();
      await secrets.close?.();
      accounts.close();
      cache.close();
      ticketCache.close();
    },
  };
}

/** The full contract for one host: the core's methods plus the host's own three. */
export function hostApi(core: Core, host: HostParts): ApiImpl {
  return { ...core.api, ...host };
}
