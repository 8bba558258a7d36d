/** The contract's methods, implemented over the core's parts. Hosts add appInfo, copyToken, serverStatus. */
import type { ApiImpl } from '../../shared/contract';
import type { Account, AccountPatch, AccountSource, AccountView, TokenInfo, TokenStatus } from '../../shared/models';
import { appError } from '../../shared/errors/errors';
import { movesSecret, secretNeededToMove } from '../../shared/secret-destination';
import { fail, ok, type AppError, type Result } from '../../shared/result';
import type { AccountsStore } from './storage/accounts-store';
import type { FileProblem } from './storage/atomic-file';
import type { EventHub } from './event-hub';
import type { HistoryStore } from './storage/history-store';
import type { RequestRunner } from './console/request-runner';
import type { SavedCalls, UsageCalls } from './console/saved-api';
import type { SavedStore } from './console/saved-store';
import type { UsageStore } from './console/usage-store';
import { secretItem } from './keychain/secret-items';
import { observeHeaderItem } from './tokens/sources/observe-url';
import type { SettingsStore } from './storage/settings-store';
import { guard, type TokenEngine } from './tokens/token-engine';
import { callbackItem, moveCallbackConfig } from './toolbox/push-calls';
import type { SecretStore, TokenCache } from './types';

export type HostParts = Pick<ApiImpl, 'appInfo' | 'copyToken' | 'serverStatus'>;
export type CoreApi = Omit<ApiImpl, keyof HostParts>;
/** The calls the Redis part of the core serves (redis/redis-api.ts). */
type RedisCalls = 'listRedis' | 'addRedis' | 'removeRedis' | 'testRedis' | 'findRedisKeys';

export interface CoreParts {
  accounts: AccountsStore;
  secrets: SecretStore;
  cache: TokenCache;
  engine: TokenEngine;
  runner: RequestRunner;
  history: HistoryStore;
  /** console (issue 10): saved requests follow a rename and go with the account. */
  saved: Pick<SavedStore, 'rename' | 'forget'>;
  usage: Pick<UsageStore, 'rename' | 'forget'>;
  settings: SettingsStore;
  events: EventHub;
  problems(): FileProblem[];
  /** toolbox (issue 11): the push history follows renames and goes with the account. */
  pushes?: { rename(from: string, to: string): Promise<unknown>; remove(name: string): Promise<unknown> };
}

/** The toolbox calls (issue 11) come from toolbox/toolbox-api.ts. */
type ToolboxCalls = import('./toolbox/toolbox-api').ToolboxCall;

/** The accounts and tokens part of the contract (Redis calls come from redis-api.ts, the dry run from credential-check.ts, saved requests from console/saved-api.ts). */
export type AccountsApi = Omit<CoreApi, RedisCalls | 'checkCredentials' | ToolboxCalls | SavedCalls | UsageCalls>;

export interface CoreApis {
  /** For every host a program or a page can reach (IPC, HTTP): a secret stays with its host. */
  api: AccountsApi;
  /** For the user at a terminal (the CLI): may point an account elsewhere without typing its secret again. */
  terminalApi: AccountsApi;
}

export function createCoreApis(p: CoreParts): CoreApis {
  // Which items the keychain holds. keytar can only list items with their values, which costs a D-Bus
  // round trip per item: asked afresh when a client lists the accounts, kept up to date by this core's own
  // writes in between (so adding the 500th account does not read 499 secrets).
  let stored: Promise<Set<string> | undefined> | undefined;
  const storedItems = (fresh: boolean) => {
    if (fresh || !stored) stored = p.secrets.list().then((names) => new Set(names), () => undefined);
    return stored;
  };
  const remember = async (item: string, present: boolean) => {
    const set = await stored;
    if (present) set?.add(item);
    else set?.delete(item);
  };
  const views = async (list: Account[], fresh = false): Promise<AccountView[]> => {
    // Undefined: the keychain could not be asked; the accounts file does not need it, so list them anyway.
    const names = await storedItems(fresh);
    return list.map((a) => ({ ...a, hasSecret: names ? names.has(secretItem(a.name)) : null }));
  };
  const view = async (account: Account): Promise<AccountView> => (await views([account]))[0];
  const announce = async () => {
    const list = await p.accounts.list();
    if (list.ok) p.events.emit({ name: 'accountsChanged', payload: await views(list.value) });
  };
  /** The masked status, telling whether this call fetched or used the cache. */
  const statusAfter = async (got: Result<TokenInfo>): Promise<Result<TokenStatus>> => {
    if (!got.ok) return got;
    const status = await p.engine.status(got.value.account);
    return status.ok ? ok({ ...status.value, source: got.value.source }) : status;
  };

  /**
   * `guarded`: a change of where the secret travels (API base, proxy) needs the secret in the same call.
   * Every host a program or page can reach is guarded; only the user at a terminal (the CLI) is not.
   */
  const editAccount = (guarded: boolean): CoreApi['editAccount'] => ({ name, patch, secret: given }) => guard(async () => {
    const before = await p.accounts.get(name);
    if (!before.ok) return before;
    if (guarded && given === undefined && movesSecret(before.value, patch)) return fail(secretNeededToMove());
    const target = patch.name ?? name;
    const renamed = target !== name;
    // Read the secret before changing anything: a locked keychain then changes nothing.
    const stored = given !== undefined || renamed ? await p.secrets.get(secretItem(name)) : undefined;
    // The secret given is in place before the account points anywhere new: a crash in between can send the
    // new secret to the old host, never the old secret to the new one.
    if (given !== undefined) await p.secrets.set(secretItem(name), given);
    const putBack = () => (given === undefined ? undefined : stored === undefined ? p.secrets.delete(secretItem(name)) : p.secrets.set(secretItem(name), stored));
    // The store refuses a clash with another account's name before any keychain item is moved.
    const edited = await p.accounts.edit(name, patch).catch(async (err: unknown) => {
      await putBack();
      throw err;
    });
    if (!edited.ok) {
      await putBack();
      return edited;
    }
    if (given !== undefined) await remember(secretItem(name), true);
    if (renamed) {
      const secret = given ?? stored;
      try {
        if (secret !== undefined) await p.secrets.set(secretItem(target), secret);
      } catch (err) {
        // An account must never be left without its secret: undo the edit.
        await p.accounts.edit(target, restorePatch(before.value));
        await putBack();
        throw err;
      }
      if (secret !== undefined) await remember(secretItem(target), true);
      await moveToken(p, name, target);
      await moveCallbackConfig(p.secrets, name, target); // toolbox (issue 11)
      await p.secrets.delete(secretItem(name));
      await remember(secretItem(name), false);
      await p.history.rename(name, target);
      await p.saved.rename(name, target);
      await p.usage.rename(name, target);
      await p.pushes?.rename(name, target);
    }
    if (given !== undefined) p.engine.secretChanged(target);
    // A header value travels only to the URL it was entered for: a new URL (or none) drops it.
    const was = before.value.source;
    const now = edited.value.source;
    if (was?.type === 'observe-url') {
      const kept = now?.type === 'observe-url' && now.url === was.url;
      const header = kept && renamed ? await p.secrets.get(observeHeaderItem(name)) : undefined;
      if (header !== undefined) await p.secrets.set(observeHeaderItem(target), header);
      if (!kept || renamed) await p.secrets.delete(observeHeaderItem(name));
    }
    await announce();
    return ok(await view(edited.value));
  });
  const api: AccountsApi = {
    listAccounts: () => guard(async () => {
      const list = await p.accounts.list();
      return list.ok ? ok(await views(list.value, true)) : list;
    }),

    addAccount: ({ account, secret }) => guard(async () => {
      const needs = secretNeed(account.source);
      if (secret === undefined && needs) return fail(needs);
      let added = await p.accounts.add(account);
      const created = added.ok;
      if (!added.ok && added.error.code === 'conflict') {
        // An add cut off between the accounts file and the keychain left the account without its secret:
        // running the same add again completes it.
        const unfinished = await p.accounts.addedAs(account);
        if (unfinished && (await p.secrets.get(secretItem(unfinished.name))) === undefined) added = ok(unfinished);
      }
      if (!added.ok) return added;
      try {
        if (secret !== undefined) {
          await p.secrets.set(secretItem(added.value.name), secret);
          await remember(secretItem(added.value.name), true);
        }
      } catch (err) {
        // Without its secret the account is useless: undo, so a failed add changes nothing.
        if (created) await p.accounts.remove(added.value.name);
        throw err;
      }
      await announce();
      return ok(await view(added.value));
    }),

    editAccount: editAccount(true),

    removeAccount: ({ name }) => guard(async () => {
      const account = await p.accounts.get(name);
      if (!account.ok) return account;
      // The keychain first: if it is locked, the remove fails and changes nothing.
      await p.secrets.delete(secretItem(name));
      await p.secrets.delete(callbackItem(name)); // toolbox (issue 11): the push debugger's Token and EncodingAESKey
      await remember(secretItem(name), false);
      await p.secrets.delete(observeHeaderItem(name));
      const removed = await p.accounts.remove(name);
      if (!removed.ok) return removed;
      await p.engine.forget(name);
      await p.history.remove(name);
      await p.saved.forget(name);
      await p.usage.forget(name);
      await p.pushes?.remove(name);
      await announce();
      return ok(undefined);
    }),

    setSecret: ({ name, secret }) => guard(async () => {
      const account = await p.accounts.get(name);
      if (!account.ok) return account;
      await p.secrets.set(secretItem(name), secret);
      await remember(secretItem(name), true);
      p.engine.secretChanged(name);
      await announce();
      return ok(undefined);
    }),

    // Stable and WeCom ask WeChat again (harmless); classic only fetches when no valid token is cached,
    // since a classic fetch would invalidate the token in use.
    testCredentials: ({ name }) => guard(async () => statusAfter(await p.engine.getToken(name, { refresh: true }))),

    tokenStatus: ({ name }) => p.engine.status(name),
    getToken: async ({ name }) => statusAfter(await p.engine.getToken(name)),
    revealToken: ({ name }) => p.engine.getToken(name),
    // Says when WeChat handed back the token already cached (stable normal mode), so the UI does not claim a new one.
    refreshToken: ({ name, force }) => guard(async () => {
      const before = await p.cache.read(name);
      const got = await p.engine.getToken(name, force ? { force: true } : { refresh: true });
      const status = await statusAfter(got);
      const same = got.ok && got.value.source === 'fetch' && got.value.accessToken === before?.accessToken;
      return status.ok && same ? ok({ ...status.value, sameToken: true }) : status;
    }),
    resumeFetching: ({ name }) => p.engine.resume(name),
    setToken: ({ name, token, expiresIn }) => p.engine.setToken(name, token, expiresIn),
    setObserveHeader: ({ name, value }) => guard(async () => {
      const account = await p.accounts.get(name);
      if (!account.ok) return account;
      if (account.value.source?.type !== 'observe-url' || !account.value.source.header) {
        return fail(appError('validation', { field: 'value', message: { zh: '输入无效：这个账号没有 --observe-url 的请求头', en: 'Invalid input: this account has no --observe-url header' } }));
      }
      await p.secrets.set(observeHeaderItem(name), value);
      return ok(undefined);
    }),

    sendRequest: (req) => guard(() => p.runner.send(req)),
    cancelRequest: async ({ requestId }) => ok(p.runner.cancel(requestId)),
    listHistory: ({ name }) => guard(async () => {
      const account = await p.accounts.get(name);
      return account.ok ? p.history.list(name) : account;
    }),
    clearHistory: ({ name }) => guard(async () => {
      const account = await p.accounts.get(name);
      return account.ok ? p.history.clear(name) : account;
    }),

    // Loaded when first asked for: 176 entries that a `wxtoken token NAME` run never needs.
    listEndpoints: async () => ok((await import('../../shared/catalogue/index')).ENDPOINTS),
    listProblems: async () => ok(p.problems()),

    getSettings: () => guard(() => p.settings.get()),
    updateSettings: (patch) => guard(async () => {
      const updated = await p.settings.update(patch);
      if (updated.ok) p.events.emit({ name: 'settingsChanged', payload: updated.value });
      return updated;
    }),
  };
  return { api, terminalApi: { ...api, editAccount: editAccount(false) } };
}

/** Why an account with this token source cannot do without its AppSecret, if it cannot. */
function secretNeed(source: AccountSource | undefined): AppError | undefined {
  if (source === undefined) return appError('validation', { field: 'secret', message: { zh: '输入无效：缺少 AppSecret（本机获取 token 需要它）', en: 'Invalid input: the AppSecret is missing (fetching on this machine needs it)' } });
  if (source.type === 'observe' && source.format.startsWith('easywechat')) {
    return appError('validation', { field: 'secret', message: { zh: `输入无效：${source.format} 的键由 AppSecret 算出，需要提供它`, en: `Invalid input: ${source.format} builds its key from the AppSecret, so it is needed` } });
  }
  return undefined;
}

/** Puts every field back as it was before an edit. */
function restorePatch(a: Account): AccountPatch {
  return { name: a.name, kind: a.kind, appid: a.appid, mode: a.mode, apiBase: a.apiBase, proxy: a.proxy ?? null, note: a.note ?? null, source: a.source ?? null };
}

async function moveToken(p: CoreParts, from: string, to: string): Promise<void> {
  const token = await p.cache.read(from);
  if (token) await p.cache.write(to, token);
  await p.cache.writeState(to, await p.cache.readState(from));
  await p.cache.delete(from);
  await p.cache.writeState(from, {});
}
