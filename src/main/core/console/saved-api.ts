/** The contract's saved-request and account-use calls over their stores; the account must exist. */
import { randomUUID } from 'node:crypto';
import type { CoreApi } from '../core-api';
import type { Account, SavedRequest } from '../../../shared/models';
import { redactJsonText, redactQuery } from '../../../shared/redact';
import { ok, type Result } from '../../../shared/result';
import { guard } from '../tokens/token-engine';
import type { SavedStore } from './saved-store';
import type { UsageStore } from './usage-store';

export type SavedCalls = 'listSaved' | 'saveRequest' | 'removeSaved' | 'exportSaved';

export function createSavedApi(p: { store: SavedStore; accounts: { get(name: string): Promise<Result<Account>> } }): Pick<CoreApi, SavedCalls> {
  const withAccount = <T>(name: string, fn: () => Promise<Result<T>>) =>
    guard(async () => {
      const account = await p.accounts.get(name);
      return account.ok ? fn() : account;
    });
  return {
    listSaved: ({ name }) => withAccount(name, () => p.store.list(name)),
    saveRequest: ({ name, request }) =>
      withAccount(name, () => p.store.save(name, { ...request, id: request.id ?? randomUUID(), savedAt: new Date().toISOString() } as SavedRequest)),
    removeSaved: ({ name, id }) => withAccount(name, () => p.store.remove(name, id)),
    /** A file to share: names, notes and requests; secret values masked again; no token, secret or AppID. */
    exportSaved: ({ name }) =>
      withAccount(name, async () => {
        const list = await p.store.list(name);
        if (!list.ok) return list;
        const requests = list.value.map((s) => ({
          name: s.name,
          ...(s.notes ? { notes: s.notes } : {}),
          method: s.method,
          path: s.path,
          query: redactQuery(s.query),
          ...(s.body !== undefined ? { body: redactJsonText(s.body) } : {}),
        }));
        const text = `${JSON.stringify({ format: 'wxtoken-saved-requests', version: 1, account: name, exported_at: new Date().toISOString(), requests }, null, 2)}\n`;
        return ok({ filename: `wxtoken-saved-${name}.json`, text });
      }),
  };
}

export type UsageCalls = 'noteAccountUse' | 'listAccountUse';

/** When each account was last used, for every host; a console call that got an answer counts as a use. */
export function createUsageApi(p: { store: UsageStore; accounts: { get(name: string): Promise<Result<Account>> } }): Pick<CoreApi, UsageCalls> {
  return {
    noteAccountUse: ({ name }) =>
      guard(async () => {
        const account = await p.accounts.get(name);
        return account.ok ? p.store.note(name) : account;
      }),
    listAccountUse: () => guard(() => p.store.list()),
  };
}

/** `sendRequest` that also notes the account's use once WeChat (or the network) answered. */
export function noteUseOnSend(send: CoreApi['sendRequest'], store: UsageStore): CoreApi['sendRequest'] {
  return async (input) => {
    const result = await send(input);
    if (result.ok) await store.note(input.account);
    return result;
  };
}
