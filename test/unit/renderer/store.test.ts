/** The renderer's store over an in-process fake api (a pure unit: the real hosts are tested elsewhere). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent, EventListener } from '../../../src/shared/contract';
import { appError, wechatError } from '../../../src/shared/errors/errors';
import { DEFAULT_SETTINGS, type AccountView, type ConsoleResponse, type TokenStatus } from '../../../src/shared/models';
import { fail, ok, type Result } from '../../../src/shared/result';
import type { ClientApi } from '../../../src/renderer/client-api';
import { applyEvent, createAppStore, startStore, type AppStore } from '../../../src/renderer/store';
import { TOAST_MS } from '../../../src/renderer/store/ui-slice';

const account = (name: string, createdAt: string): AccountView => ({
  name, appid: 'wx5f3c9a1e7b2d4c60', kind: 'oa', mode: 'stable', apiBase: 'http://127.0.0.1:1', createdAt, hasSecret: true,
});
const status = (name: string, masked = 'tok…1'): TokenStatus => ({
  account: name, state: 'fresh', mode: 'stable', masked, fetchedAt: 1, expiresAt: Date.now() + 7_200_000, source: 'cache', fetchBlocked: false,
});
const response: ConsoleResponse = { id: 'r', status: 200, headers: {}, contentType: 'application/json', timeMs: 5, size: 2, bodyText: '{}', binary: false, retried: false };

const CORRUPT_ACCOUNTS = { file: '/data/accounts.json', movedTo: '/data/accounts.json.corrupt-1', message: { zh: 'accounts.json 已损坏', en: 'accounts.json was corrupt' } };

function fakeApi(problems: unknown[] = []) {
  const listeners = new Set<EventListener>();
  let accounts = [account('demo', '2025-01-01'), account('prod', '2025-01-02')];
  const calls: { name: string; input: unknown }[] = [];
  let release: (() => void) | undefined;
  const record = <T>(name: string, value: (input: any) => Result<T> | Promise<Result<T>>) => async (input: any) => {
    calls.push({ name, input });
    return value(input);
  };
  const api = {
    appInfo: record('appInfo', () => ok({ host: 'http' as const, version: '0', copiesInMain: false })),
    getSettings: record('getSettings', () => ok(DEFAULT_SETTINGS)),
    serverStatus: record('serverStatus', () => ok({ running: false })),
    updateSettings: record('updateSettings', (p) => ok({ ...DEFAULT_SETTINGS, ...p })),
    listAccounts: record('listAccounts', () => ok(accounts)),
    listEndpoints: record('listEndpoints', () => ok([])),
    listProblems: record('listProblems', () => ok(problems)),
    tokenStatus: record('tokenStatus', ({ name }) => ok(status(name))),
    getToken: record('getToken', ({ name }) => ok(status(name))),
    refreshToken: record('refreshToken', ({ name }) => (name === 'prod' ? fail(wechatError(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: abc')) : ok(status(name, 'new…2')))),
    addAccount: record('addAccount', ({ account: a }) =>
      accounts.some((x) => x.name === a.name) ? fail(appError('conflict')) : ok((accounts = [...accounts, { ...account(a.name, '2025-02-01') }]).at(-1)!),
    ),
    removeAccount: record('removeAccount', ({ name }) => ok(void (accounts = accounts.filter((a) => a.name !== name)))),
    listHistory: record('listHistory', () => ok([])),
    sendRequest: record('sendRequest', () => new Promise<Result<ConsoleResponse>>((resolve) => (release = () => resolve(ok(response))))),
    cancelRequest: record('cancelRequest', () => ok(true)),
    copyTokenToClipboard: record('copy', () => ok({ clearAfterSeconds: 30 })),
    onEvent: (l: EventListener) => (listeners.add(l), () => listeners.delete(l)),
    onUnauthorized: () => () => {},
    onResync: () => () => {},
    eventsConnected: async () => {},
  } as unknown as ClientApi;
  return { api, calls, emit: (e: AppEvent) => listeners.forEach((l) => l(e)), release: () => release?.() };
}

describe('renderer store', () => {
  let fake: ReturnType<typeof fakeApi>;
  let store: AppStore;
  beforeEach(async () => {
    fake = fakeApi();
    store = createAppStore(fake.api);
    await startStore(store, fake.api);
  });
  afterEach(() => vi.useRealTimers());

  it('loads the accounts, selects the first and shows every account’s cached status', () => {
    const s = store.getState();
    expect(s.accounts.map((a) => a.name)).toEqual(['demo', 'prod']);
    expect(s.selected).toBe('demo');
    expect(Object.keys(s.tokens).sort()).toEqual(['demo', 'prod']);
    // Only the cached status is read at start: nothing is fetched.
    expect(fake.calls.some((c) => c.name === 'getToken' || c.name === 'refreshToken')).toBe(false);
  });

  it('tells the user about corrupt files set aside before and after the page connected', async () => {
    fake = fakeApi([CORRUPT_ACCOUNTS]);
    store = createAppStore(fake.api);
    await startStore(store, fake.api);
    const errors = () => store.getState().toasts.flatMap((t) => ('error' in t.text ? [t.text.error] : []));
    expect(errors().map((e) => [e.code, e.message.en])).toEqual([['storage', 'accounts.json was corrupt']]);
    applyEvent(store.getState(), {
      name: 'storageProblem',
      payload: { file: '/data/settings.json', movedTo: '/data/settings.json.corrupt-2', message: { zh: 'settings.json 已损坏', en: 'settings.json was corrupt' } },
    });
    expect(errors().map((e) => e.message.en)).toEqual(['accounts.json was corrupt', 'settings.json was corrupt']);
    expect(errors()[1].next?.en).toContain('settings.json.corrupt-2');
  });

  it('applies pushed events: a new token, a failed refresh, a changed account list', () => {
    fake.emit({ name: 'tokenChanged', payload: status('demo', 'pushed…9') });
    expect(store.getState().tokens.demo.masked).toBe('pushed…9');
    fake.emit({ name: 'refreshFailed', payload: { account: 'demo', error: appError('network') } });
    expect(store.getState().tokenErrors.demo?.code).toBe('network');
    fake.emit({ name: 'tokenChanged', payload: status('demo', 'again…3') });
    expect(store.getState().tokenErrors.demo).toBeUndefined();
    applyEvent(store.getState(), { name: 'accountsChanged', payload: [account('prod', '2025-01-02')] });
    expect(store.getState().selected).toBe('prod');
  });

  it('keeps a refresh error with its caller IP for the card, and clears it after a success', async () => {
    await store.getState().refreshToken('prod');
    const error = store.getState().tokenErrors.prod;
    expect(error?.errcode).toBe(40164);
    expect(error?.ip).toBe('1.2.3.4');
    await store.getState().refreshToken('demo');
    expect(store.getState().tokens.demo.masked).toBe('new…2');
    expect(store.getState().tokenErrors.demo).toBeUndefined();
  });

  it('treats accounts named after Object.prototype keys like any other account', async () => {
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    store.getState().setAccounts([...store.getState().accounts, ...names.map((n) => account(n, '2025-03-01'))]);
    // Nothing is known about them yet: their statuses are asked for, and nothing is shown in the meantime.
    const s = store.getState();
    for (const name of names) {
      expect(s.tokenErrors[name], name).toBeUndefined();
      expect(s.tokenBusy[name], name).toBeUndefined();
      expect(s.history[name], name).toBeUndefined();
    }
    await vi.waitFor(() => expect(names.map((n) => store.getState().tokens[n]?.account)).toEqual(names));
    for (const name of names) {
      await store.getState().getToken(name);
      expect(fake.calls.some((c) => c.name === 'getToken' && (c.input as { name: string }).name === name), name).toBe(true);
      store.getState().selectAccount(name);
      await vi.waitFor(() => expect(store.getState().history[name], name).toEqual([]));
    }
    await store.getState().removeAccount('toString');
    const [removed, kept]: string[] = ['toString', 'constructor'];
    expect(store.getState().tokens[removed]).toBeUndefined();
    expect(store.getState().tokens[kept]?.account).toBe('constructor');
  });

  it('shows the response of a request that was sent and warns that its history entry is missing', async () => {
    const warning = appError('storage', { message: { zh: '请求已发送，但未能写入历史记录', en: 'The request was sent, but its history entry could not be saved' } });
    (fake.api as unknown as { sendRequest: () => Promise<Result<ConsoleResponse>> }).sendRequest = async () => ok({ ...response, warning });
    await store.getState().send('demo');
    expect(store.getState().response?.value.bodyText).toBe('{}');
    expect(store.getState().toasts.flatMap((t) => ('error' in t.text ? [t.text.error.message.en] : []))).toContain(warning.message.en);
  });

  it('returns a conflict for a duplicate name and selects a newly added account', async () => {
    const draft = { name: 'demo', kind: 'oa' as const, appid: 'wx5f3c9a1e7b2d4c60', mode: 'stable' as const, apiBase: '', proxy: '', note: '', secret: 's3cret' };
    const dup = await store.getState().saveAccount(draft);
    expect(dup.ok).toBe(false);
    const added = await store.getState().saveAccount({ ...draft, name: 'shop' });
    expect(added.ok).toBe(true);
    expect(store.getState().selected).toBe('shop');
    const sent = fake.calls.find((c) => c.name === 'addAccount' && (c.input as any).account.name === 'shop');
    // Empty optional fields are left out, so the core applies its defaults.
    expect((sent?.input as any).account).toEqual({ name: 'shop', kind: 'oa', appid: 'wx5f3c9a1e7b2d4c60', mode: 'stable' });
  });

  it('refuses a new account without a secret before calling the core', async () => {
    const result = await store.getState().saveAccount({ name: 'x', kind: 'oa', appid: 'wx5f3c9a1e7b2d4c60', mode: 'stable', apiBase: '', proxy: '', note: '', secret: '' });
    expect(result.ok ? undefined : result.error.field).toBe('secret');
    expect(fake.calls.some((c) => c.name === 'addAccount')).toBe(false);
  });

  it('removes an account with its token and moves the selection on', async () => {
    await store.getState().removeAccount('demo');
    expect(store.getState().accounts.map((a) => a.name)).toEqual(['prod']);
    expect(store.getState().tokens.demo).toBeUndefined();
    expect(store.getState().selected).toBe('prod');
  });

  it('cancels the request in flight by its requestId and ignores its late answer', async () => {
    store.getState().updateDraft({ path: '/cgi-bin/user/get' });
    store.getState().addQueryRow();
    const row = store.getState().draft.query[0];
    store.getState().updateQueryRow(row.id, { key: 'next_openid', value: '' });
    const sending = store.getState().send('demo');
    const sent = fake.calls.find((c) => c.name === 'sendRequest')!.input as { requestId: string; query: unknown };
    expect(sent.requestId).toMatch(/.+/);
    expect(sent.query).toEqual([['next_openid', '']]);
    await store.getState().cancelRequest();
    expect(fake.calls.find((c) => c.name === 'cancelRequest')?.input).toEqual({ requestId: sent.requestId });
    fake.release();
    await sending;
    expect(store.getState().inFlight).toBeUndefined();
    expect(store.getState().response).toBeUndefined();
  });

  it('shows a response with the request that produced it', async () => {
    const sending = store.getState().send('demo');
    fake.release();
    await sending;
    expect(store.getState().response?.value.status).toBe(200);
    expect(store.getState().response?.request.path).toBe('/cgi-bin/getcallbackip');
  });

  it('says when the clipboard will be cleared, and the notice goes away by itself', async () => {
    vi.useFakeTimers();
    await store.getState().copyToken('demo');
    const toast = store.getState().toasts.at(-1)!;
    expect(toast.text).toEqual({ key: 'token.copiedClears', params: { seconds: 30 } });
    vi.advanceTimersByTime(TOAST_MS.info + 1);
    expect(store.getState().toasts).toEqual([]);
  });
});
