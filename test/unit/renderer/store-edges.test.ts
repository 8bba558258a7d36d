/** Store and client-api behaviour over in-process fakes (pure units: the real hosts are tested elsewhere). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, type EventListener } from '../../../src/shared/contract';
import { appError } from '../../../src/shared/errors/errors';
import { DEFAULT_SETTINGS, type AccountView, type HistoryEntry, type TokenStatus } from '../../../src/shared/models';
import { fail, ok, type Result } from '../../../src/shared/result';
import type { ClientApi } from '../../../src/renderer/client-api';
import { createClientApi } from '../../../src/renderer/api';
import { applyEvent, createAppStore, startStore, type AppStore } from '../../../src/renderer/store';

const account = (name: string, over: Partial<AccountView> = {}): AccountView => ({
  name, appid: 'wx5f3c9a1e7b2d4c60', kind: 'oa', mode: 'stable', apiBase: 'https://api2.weixin.qq.com', createdAt: `2025-01-0${name.length}`, hasSecret: true, ...over,
});
const status = (name: string, over: Partial<TokenStatus> = {}): TokenStatus => ({
  account: name, state: 'fresh', mode: 'stable', masked: 'tok…1', fetchedAt: 1, expiresAt: Date.now() + 7_200_000, source: 'cache', fetchBlocked: false, ...over,
});
const entry = (query: [string, string][]): HistoryEntry => ({ id: 'h1', at: 1, account: 'demo', method: 'GET', path: '/cgi-bin/user/get', query, timeMs: 1, size: 1 });

function fakeApi() {
  const calls: { name: string; input: any }[] = [];
  const statuses: Record<string, TokenStatus> = {};
  let accounts = [account('demo'), account('prod')];
  const record = <T>(name: string, value: (input: any) => Result<T>) => async (input: any) => {
    calls.push({ name, input });
    return value(input);
  };
  const api = {
    appInfo: record('appInfo', () => ok({ host: 'http' as const, version: '0', copiesInMain: false })),
    getSettings: record('getSettings', () => ok(DEFAULT_SETTINGS)),
    serverStatus: record('serverStatus', () => ok({ running: false })),
    listAccounts: record('listAccounts', () => ok(accounts)),
    listEndpoints: record('listEndpoints', () => ok([])),
    listProblems: record('listProblems', () => ok([])),
    tokenStatus: record('tokenStatus', ({ name }) => ok(statuses[name] ?? status(name))),
    editAccount: record('editAccount', ({ name, patch }) => ok((accounts = accounts.map((a) => (a.name === name ? { ...a, ...patch } : a))).find((a) => a.name === (patch.name ?? name))!)),
    listHistory: record('listHistory', ({ name }) => ok([entry([['next_openid', name]])])),
    sendRequest: record('sendRequest', () => fail(appError('network'))),
    onEvent: (_l: EventListener) => () => {},
    onUnauthorized: () => () => {},
    onResync: () => () => {},
    eventsConnected: async () => {},
  } as unknown as ClientApi;
  return { api, calls, statuses };
}

describe('renderer store edge cases', () => {
  let fake: ReturnType<typeof fakeApi>;
  let store: AppStore;
  beforeEach(async () => {
    fake = fakeApi();
    store = createAppStore(fake.api);
    await startStore(store, fake.api);
  });

  it('an emptied API base on edit sends the default access point', async () => {
    const before = store.getState().accounts[0];
    const draft = { name: 'demo', kind: 'oa' as const, appid: before.appid, mode: 'stable' as const, apiBase: '  ', proxy: '', note: '', secret: '' };
    const saved = await store.getState().saveAccount(draft, 'demo');
    expect(saved.ok).toBe(true);
    expect(fake.calls.find((c) => c.name === 'editAccount')?.input).toEqual({ name: 'demo', patch: { apiBase: 'https://api.weixin.qq.com' } });
    // Already the default: nothing to send.
    fake.calls.length = 0;
    await store.getState().saveAccount(draft, 'demo');
    expect(fake.calls.some((c) => c.name === 'editAccount')).toBe(false);
    // WeCom's default is its own.
    await store.getState().saveAccount({ ...draft, kind: 'wecom' }, 'demo');
    expect(fake.calls.find((c) => c.name === 'editAccount')?.input.patch).toEqual({ kind: 'wecom', apiBase: 'https://qyapi.weixin.qq.com' });
  });

  it('an edit to an API base or proxy of its own is not sent without the secret, and sends it in the same call', async () => {
    const before = store.getState().accounts[0];
    const draft = { name: 'demo', kind: 'oa' as const, appid: before.appid, mode: 'stable' as const, apiBase: 'https://proxy.example.com/wx', proxy: '', note: '', secret: '' };
    const refused = await store.getState().saveAccount(draft, 'demo');
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'secret' } });
    const refusedProxy = await store.getState().saveAccount({ ...draft, apiBase: before.apiBase, proxy: 'http://127.0.0.1:8888' }, 'demo');
    expect(refusedProxy).toMatchObject({ ok: false, error: { field: 'secret' } });
    expect(fake.calls.filter((c) => c.name === 'editAccount' || c.name === 'setSecret')).toEqual([]);
    const saved = await store.getState().saveAccount({ ...draft, secret: 'new-secret' }, 'demo');
    expect(saved.ok).toBe(true);
    expect(fake.calls.filter((c) => c.name === 'editAccount' || c.name === 'setSecret').map((c) => c.input)).toEqual([
      { name: 'demo', patch: { apiBase: 'https://proxy.example.com/wx' }, secret: 'new-secret' },
    ]);
  });

  it('drops the token, error and history of accounts removed or renamed elsewhere', async () => {
    store.getState().applyRefreshFailed('prod', appError('network'));
    await store.getState().loadHistory('prod');
    expect(store.getState().history.prod).toHaveLength(1);
    applyEvent(store.getState(), { name: 'accountsChanged', payload: [account('demo'), account('live')] });
    const s = store.getState();
    expect(Object.keys(s.tokens)).not.toContain('prod');
    expect(Object.keys(s.tokenErrors)).not.toContain('prod');
    expect(Object.keys(s.history)).not.toContain('prod');
    await vi.waitFor(() => expect(store.getState().tokens.live).toBeDefined());
  });

  it('reloads the status of an account whose AppID changed elsewhere, even when the token is gone', async () => {
    expect(store.getState().tokens.demo.masked).toBe('tok…1');
    fake.statuses.demo = status('demo', { state: 'none', masked: undefined, fetchedAt: undefined, expiresAt: undefined });
    applyEvent(store.getState(), { name: 'accountsChanged', payload: [account('demo', { appid: 'wx0000000000000001' }), account('prod')] });
    await vi.waitFor(() => expect(store.getState().tokens.demo?.state).toBe('none'));
    expect(store.getState().tokens.demo.masked).toBeUndefined();
  });

  it('loads a history entry with masked values for re-entry instead of sending ***', async () => {
    await store.getState().rerun(entry([['secret', '***'], ['openid', 'o1']]));
    expect(fake.calls.some((c) => c.name === 'sendRequest')).toBe(false);
    expect(store.getState().draft.query.map((r) => [r.key, r.value])).toEqual([['secret', '***'], ['openid', 'o1']]);
    expect(store.getState().toasts.at(-1)?.text).toEqual({ key: 'console.maskedReenter' });
    await store.getState().rerun(entry([['openid', 'o1']]));
    expect(fake.calls.filter((c) => c.name === 'sendRequest')).toHaveLength(1);
  });
});

describe('client api', () => {
  const clipboard = { text: '', writeText: vi.fn(async (t: string) => void (clipboard.text = t)), readText: vi.fn(async () => clipboard.text) };
  function withBridge(overrides: Record<string, (input: unknown) => Promise<unknown>>): ClientApi {
    const bridge = {
      appInfo: async () => ok({ host: 'electron', version: '0', copiesInMain: false }),
      getSettings: async () => ok({ ...DEFAULT_SETTINGS, clipboardClearSeconds: 5 }),
      revealToken: async () => ok({ accessToken: 'ACCESS-TOKEN-VALUE' }),
      onEvent: () => () => {},
      ...overrides,
    };
    vi.stubGlobal('window', { [BRIDGE_GLOBAL]: bridge });
    vi.stubGlobal('navigator', { clipboard, permissions: { query: async () => ({ state: 'granted' }) } });
    return createClientApi();
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    clipboard.text = '';
  });

  it('turns a rejected bridge call into fail(internal): a send never stays in flight', async () => {
    const api = withBridge({ sendRequest: () => Promise.reject(new Error('bridge gone')) });
    const result = await api.sendRequest({ account: 'demo', method: 'GET', path: '/x' });
    expect(result.ok ? undefined : result.error.code).toBe('internal');
    const store = createAppStore(api);
    await store.getState().send('demo');
    expect(store.getState().inFlight).toBeUndefined();
    expect(store.getState().responseError?.error.code).toBe('internal');
  });

  it('clears a copied secret text after the setting, only if the clipboard still holds it', async () => {
    vi.useFakeTimers();
    const api = withBridge({});
    expect(await api.copySecretText('curl …ACCESS-TOKEN-VALUE')).toEqual(ok({ clearAfterSeconds: 5 }));
    expect(clipboard.text).toBe('curl …ACCESS-TOKEN-VALUE');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.text).toBe('');

    await api.copySecretText('curl …ACCESS-TOKEN-VALUE');
    clipboard.text = 'something the user copied since';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.text).toBe('something the user copied since');
  });

  it('falls back to the default 30 s when the settings cannot be read', async () => {
    const api = withBridge({ getSettings: () => Promise.reject(new Error('no')) });
    expect(await api.copySecretText('x')).toEqual(ok({ clearAfterSeconds: DEFAULT_SETTINGS.clipboardClearSeconds }));
    const failing = withBridge({ getSettings: async () => fail(appError('storage')) });
    expect(await failing.copySecretText('x')).toEqual(ok({ clearAfterSeconds: 30 }));
    expect(await failing.copyTokenToClipboard('demo')).toEqual(ok({ clearAfterSeconds: 30 }));
    expect(clipboard.text).toBe('ACCESS-TOKEN-VALUE');
  });
});
