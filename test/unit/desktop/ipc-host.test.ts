import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_EVENT_CHANNEL, IPC_PREFIX, methodNames, type ApiImpl, type AppEvent, type MethodName } from '../../../src/shared/contract';
import { wechatError } from '../../../src/shared/errors/errors';
import { fail, ok, type Result } from '../../../src/shared/result';
import { EventHub } from '../../../src/main/core/event-hub';
import { forwardEvents, registerIpcHost, type InvokeEvent, type IpcRegistrar } from '../../../src/main/desktop/ipc-host';

const OWN = 'app://wxtoken/index.html';
/** The webContents id of the app's own window in these tests. */
const OWN_WINDOW = 1;

/** The preload runs against this stand-in for Electron's renderer-side modules. */
const preloadSide = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const invokes: unknown[][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    invokes,
    listeners,
    electron: {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invokes.push(args);
          return { ok: true, value: null };
        },
        on: (channel: string, fn: (...args: unknown[]) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(fn);
        },
        removeListener: (channel: string, fn: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(fn),
      },
    },
  };
});
vi.mock('electron', () => preloadSide.electron);
type Handler = (event: InvokeEvent, input?: unknown) => Promise<unknown>;

/** An ApiImpl whose every method records its input and answers what `answer` says. */
function recordingApi(answer: (name: MethodName, input: unknown) => Promise<Result<unknown>> = async () => ok('done')) {
  const calls: { name: MethodName; input: unknown }[] = [];
  const api = Object.fromEntries(
    methodNames.map((name) => [
      name,
      (input: unknown) => {
        calls.push({ name, input });
        return answer(name, input);
      },
    ]),
  ) as unknown as ApiImpl;
  return { api, calls };
}

function host(api: ApiImpl) {
  const handlers = new Map<string, Handler>();
  const registrations: string[] = [];
  const ipc: IpcRegistrar = {
    handle: (channel, fn) => {
      registrations.push(channel);
      handlers.set(channel, fn);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const remove = registerIpcHost({ ipc, api, isTrustedUrl: (url) => url === OWN, isOwnContents: (sender) => sender.id === OWN_WINDOW });
  const invoke = (name: string, input: unknown, frameUrl: string | null = OWN) =>
    handlers.get(IPC_PREFIX + name)!({ senderFrame: frameUrl === null ? null : { url: frameUrl, parent: null }, sender: { id: OWN_WINDOW } }, input) as Promise<Result<unknown>>;
  /** A call whose event is given whole (frame, parent frame, sender). */
  const invokeFrom = (name: string, event: InvokeEvent) => handlers.get(IPC_PREFIX + name)!(event, { name: 'demo' }) as Promise<Result<unknown>>;
  return { handlers, registrations, remove, invoke, invokeFrom };
}

describe('the IPC host', () => {
  it('registers every contract method once, on its own channel, and can remove them all', () => {
    const { registrations, handlers, remove } = host(recordingApi().api);
    expect(registrations.sort()).toEqual(methodNames.map((n) => IPC_PREFIX + n).sort());
    expect(new Set(registrations).size).toBe(methodNames.length);
    remove();
    expect(handlers.size).toBe(0);
  });

  it('refuses a foreign or vanished sender without calling the core', async () => {
    const { api, calls } = recordingApi();
    const { invoke } = host(api);
    for (const url of ['https://evil.example/', 'file:///tmp/page.html', 'file:///opt/wxtoken/out/renderer/index.html', 'devtools://devtools/bundled/inspector.html', null]) {
      const result = await invoke('revealToken', { name: 'demo' }, url);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unsupported');
    }
    expect(calls).toEqual([]);
  });

  it("answers only the main frame of the app's own window, not an iframe or another webContents on the same URL", async () => {
    const { api, calls } = recordingApi();
    const { invokeFrom } = host(api);
    const mainFrame = { url: OWN, parent: null };
    const refused: InvokeEvent[] = [
      { senderFrame: { url: OWN, parent: mainFrame }, sender: { id: OWN_WINDOW } },
      { senderFrame: mainFrame, sender: { id: OWN_WINDOW + 1 } },
      { senderFrame: mainFrame, sender: null },
      { senderFrame: { url: OWN } as unknown as InvokeEvent['senderFrame'], sender: { id: OWN_WINDOW } },
    ];
    for (const event of refused) {
      const result = await invokeFrom('revealToken', event);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unsupported');
    }
    expect(calls).toEqual([]);
    expect((await invokeFrom('revealToken', { senderFrame: mainFrame, sender: { id: OWN_WINDOW } })).ok).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('passes a valid call to the core with the validated input and returns its result', async () => {
    const { api, calls } = recordingApi(async (name, input) => ok({ name, input }));
    const { invoke } = host(api);
    const result = await invoke('tokenStatus', { name: '  demo ' });
    expect(result).toEqual(ok({ name: 'tokenStatus', input: { name: 'demo' } }));
    expect(await invoke('listAccounts', undefined)).toEqual(ok({ name: 'listAccounts', input: {} }));
    expect(calls.map((c) => c.name)).toEqual(['tokenStatus', 'listAccounts']);
  });

  it('rejects bad arguments as validation values, never reaching the core', async () => {
    const { api, calls } = recordingApi();
    const { invoke } = host(api);
    const bad: [string, unknown][] = [
      ['tokenStatus', { name: '' }],
      ['tokenStatus', { name: 'demo', extra: 1 }],
      ['setSecret', { name: 'demo', secret: 'has spaces in it' }],
      ['refreshToken', { name: 'demo', force: 'yes' }],
      ['listAccounts', 'not an object'],
    ];
    for (const [name, input] of bad) {
      const result = await invoke(name, input);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('validation');
    }
    expect(calls).toEqual([]);
  });

  it('returns the core failures as values and hides the text of unexpected throws', async () => {
    const { api } = recordingApi(async (name) => {
      if (name === 'getToken') return fail(wechatError(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 1-2'));
      throw new Error('boom with secret s3cr3t-value');
    });
    const { invoke } = host(api);
    const wechat = await invoke('getToken', { name: 'demo' });
    expect(wechat.ok).toBe(false);
    if (!wechat.ok) expect(wechat.error).toMatchObject({ code: 'wechat', errcode: 40164, ip: '1.2.3.4' });
    const thrown = await invoke('revealToken', { name: 'demo' });
    expect(thrown.ok).toBe(false);
    if (!thrown.ok) expect(thrown.error.code).toBe('internal');
    expect(JSON.stringify(thrown)).not.toContain('s3cr3t');
  });
});

describe('event forwarding', () => {
  it('pushes every event to the page on the event channel until the page is gone', () => {
    const hub = new EventHub();
    const sent: [string, AppEvent][] = [];
    let destroyed = false;
    forwardEvents((l) => hub.on(l), { isDestroyed: () => destroyed, send: (channel, event) => sent.push([channel, event]) });
    const event: AppEvent = { name: 'serverChanged', payload: { running: false } };
    hub.emit(event);
    expect(sent).toEqual([[IPC_EVENT_CHANNEL, event]]);
    destroyed = true;
    hub.emit(event);
    destroyed = false;
    hub.emit(event);
    // Once the page was seen gone, the subscription is dropped for good.
    expect(sent).toHaveLength(1);
  });

  it('stops when unsubscribed', () => {
    const hub = new EventHub();
    const sent: AppEvent[] = [];
    const off = forwardEvents((l) => hub.on(l), { isDestroyed: () => false, send: (_c, e) => sent.push(e) });
    off();
    hub.emit({ name: 'serverChanged', payload: { running: true, port: 1 } });
    expect(sent).toEqual([]);
  });
});

describe('the preload bridge', () => {
  it('exposes one function per contract method plus onEvent, and nothing of ipcRenderer', async () => {
    await import('../../../src/preload/index');
    const bridge = preloadSide.exposed[BRIDGE_GLOBAL] as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(preloadSide.exposed)).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'onEvent'].sort());
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(bridge)).not.toContain(preloadSide.electron.ipcRenderer.invoke);
  });

  it('invokes each method on its own channel with the input only', async () => {
    await import('../../../src/preload/index');
    const bridge = preloadSide.exposed[BRIDGE_GLOBAL] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    preloadSide.invokes.length = 0;
    await bridge.revealToken({ name: 'demo' }, 'smuggled', () => {});
    await bridge.listAccounts({});
    expect(preloadSide.invokes).toEqual([
      [`${IPC_PREFIX}revealToken`, { name: 'demo' }],
      [`${IPC_PREFIX}listAccounts`, {}],
    ]);
  });

  it('delivers events to listeners until they unsubscribe, without the IPC event object', async () => {
    await import('../../../src/preload/index');
    const bridge = preloadSide.exposed[BRIDGE_GLOBAL] as { onEvent(l: (e: AppEvent) => void): () => void };
    const got: AppEvent[] = [];
    const off = bridge.onEvent((e) => got.push(e));
    const event: AppEvent = { name: 'serverChanged', payload: { running: false } };
    const fire = () => preloadSide.listeners.get(IPC_EVENT_CHANNEL)?.forEach((fn) => fn({ sender: 'ipc-event-object' }, event));
    fire();
    off();
    fire();
    expect(got).toEqual([event]);
    expect(preloadSide.listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
  });
});
