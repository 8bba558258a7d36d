/**
 * The renderer's one way to the core. In the desktop app the preload's Bridge is on `window.wxtoken`;
 * in a browser opened by `wxtoken serve` every call is `POST /api/<method>` with the bearer key from the
 * URL fragment, and events stream from `GET /api/events`.
 */
import {
  BRIDGE_GLOBAL,
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  methodNames,
  type Api,
  type AppEvent,
  type Bridge,
  type EventListener,
} from '../shared/contract';
import { appError } from '../shared/errors/errors';
import { DEFAULT_SETTINGS, type AppInfo, type CopyResult } from '../shared/models';
import { fail, ok, type Result } from '../shared/result';
import type { ClientApi } from './client-api';
import { backoffMs, createSseParser } from './lib/sse';

const KEY_STORAGE = 'wxtoken.serveKey';

type Listeners<T> = Set<(value: T) => void>;
const emit = <T>(set: Listeners<T>, value: T) => set.forEach((l) => l(value));
const subscribe =
  <T>(set: Listeners<T>) =>
  (listener: (value: T) => void) => {
    set.add(listener);
    return () => void set.delete(listener);
  };

/** Takes the key out of `#key=…` (so it is not left in the address bar or history) into sessionStorage. */
function takeServeKey(): string | undefined {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY_STORAGE) ?? undefined;
}

const lostServer = () =>
  appError('network', {
    message: { zh: '无法连接 wxtoken serve', en: 'Cannot reach wxtoken serve' },
    next: { zh: '确认 `wxtoken serve` 仍在运行，然后重试', en: 'Check that `wxtoken serve` is still running, then retry' },
  });

const refusedKey = () =>
  appError('unsupported', {
    message: { zh: '访问密钥无效', en: 'The access key was refused' },
    next: { zh: '打开 `wxtoken serve` 打印的网址', en: 'Open the URL printed by `wxtoken serve`' },
  });

/** 401: no valid key; 403: a key that may not do this (the token key from server.json opened as the UI). */
const refused = (status: number) => status === 401 || status === 403;

function httpTransport(unauthorized: Listeners<void>, resync: Listeners<void>) {
  const key = takeServeKey();
  const headers = (): Record<string, string> => ({ Authorization: `Bearer ${key ?? ''}` });

  async function call(name: string, input: unknown): Promise<Result<unknown>> {
    if (!key) {
      emit(unauthorized, undefined);
      return fail(refusedKey());
    }
    let response: Response;
    try {
      response = await fetch(HTTP_API_PREFIX + name, {
        method: 'POST',
        headers: { ...headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return fail(lostServer());
    }
    if (refused(response.status)) {
      emit(unauthorized, undefined);
      return fail(refusedKey());
    }
    try {
      const body = (await response.json()) as Result<unknown>;
      if (typeof body === 'object' && body !== null && typeof body.ok === 'boolean') return body;
    } catch {
      // falls through: not a Result
    }
    return fail(appError('http_status', { httpStatus: response.status }));
  }

  const api = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as Api;
  const listeners = new Set<EventListener>();
  let started = false;
  let markConnected = () => {};
  const connected = new Promise<void>((resolve) => (markConnected = resolve));

  async function streamEvents(): Promise<void> {
    let attempt = 0;
    let connectedBefore = false;
    for (;;) {
      try {
        const response = await fetch(HTTP_EVENTS_PATH, { headers: { ...headers(), Accept: 'text/event-stream' } });
        if (refused(response.status)) return emit(unauthorized, undefined);
        if (response.ok && response.body) {
          markConnected();
          attempt = 0;
          if (connectedBefore) emit(resync, undefined);
          connectedBefore = true;
          const push = createSseParser((data) => {
            try {
              const event = JSON.parse(data) as AppEvent;
              listeners.forEach((l) => l(event));
            } catch {
              // a keep-alive or a line we do not understand
            }
          });
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            push(value);
          }
        }
      } catch {
        // reconnect below
      }
      await new Promise((r) => setTimeout(r, backoffMs(attempt++)));
    }
  }

  return {
    api,
    connected,
    onEvent(listener: EventListener) {
      listeners.add(listener);
      if (!started && key) {
        started = true;
        void streamEvents();
      }
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * Writes a secret (a token, a cURL line holding one) to the page's clipboard and clears it after the
 * user's `clipboardClearSeconds` — only if the clipboard still holds it. Unknown settings: the default.
 */
async function copySecretInPage(api: Api, text: string): Promise<Result<CopyResult>> {
  const settings = await api.getSettings({}).catch(() => undefined);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return fail(appError('unsupported', { message: { zh: '浏览器拒绝写入剪贴板', en: 'The browser refused to write the clipboard' } }));
  }
  const seconds = settings?.ok ? settings.value.clipboardClearSeconds : DEFAULT_SETTINGS.clipboardClearSeconds;
  if (seconds <= 0 || !(await canReadClipboard())) return ok({ clearAfterSeconds: 0 });
  setTimeout(async () => {
    try {
      if ((await navigator.clipboard.readText()) === text) await navigator.clipboard.writeText('');
    } catch {
      // the page lost focus or the permission: leave the clipboard alone
    }
  }, seconds * 1000);
  return ok({ clearAfterSeconds: seconds });
}

async function canReadClipboard(): Promise<boolean> {
  if (typeof navigator.clipboard?.readText !== 'function') return false;
  try {
    const status = await navigator.permissions.query({ name: 'clipboard-read' as PermissionName });
    return status.state !== 'denied';
  } catch {
    return true;
  }
}

export function createClientApi(): ClientApi {
  const unauthorized: Listeners<void> = new Set();
  const resync: Listeners<void> = new Set();
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
  const transport = bridge ? { api: bridge as Api, onEvent: bridge.onEvent, connected: Promise.resolve() } : httpTransport(unauthorized, resync);
  const api = transport.api;
  let info: Promise<Result<AppInfo>> | undefined;

  // The one place a rejected bridge or fetch call becomes a Result: store actions never see a rejection.
  const calls = Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => settle(() => (api[name] as (i: unknown) => Promise<Result<unknown>>)(input))]),
  ) as unknown as Api;
  return {
    ...calls,
    appInfo: () => (info ??= calls.appInfo({})),
    onEvent: (listener) => transport.onEvent(listener),
    onUnauthorized: subscribe(unauthorized),
    onResync: subscribe(resync),
    eventsConnected: () => transport.connected,
    copySecretText: (text) => settle(() => copySecretInPage(calls, text)),
    async copyTokenToClipboard(name) {
      const host = await (info ??= calls.appInfo({}));
      if (host.ok && host.value.copiesInMain) return calls.copyToken({ name });
      const token = await calls.revealToken({ name });
      if (!token.ok) return token;
      return settle(() => copySecretInPage(calls, token.value.accessToken));
    },
  };
}

/** Runs a call; a rejection (or a synchronous throw) becomes `fail(internal)`. */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return fail(appError('internal'));
  }
}
