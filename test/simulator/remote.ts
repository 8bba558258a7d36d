/** The /__sim/ controls from another process (the CLI under test, e2e tests): same verbs, async. */
import type { Fault, SimAccount } from './types';

export interface RemoteSimulator {
  url: string;
  addAccount(a: SimAccount): Promise<void>;
  setExpiresIn(seconds: number): Promise<void>;
  setFault(path: string | '*', fault: Fault | undefined, times?: number): Promise<void>;
  counts(): Promise<Record<string, number>>;
  count(path: string): Promise<number>;
  resetCounts(): Promise<void>;
  revokeTokens(appid: string): Promise<void>;
  expireTokens(appid: string): Promise<void>;
  /** undefined: back to the socket's address. */
  setCallerIp(ip: string | undefined): Promise<void>;
}

/** Talks to a simulator started elsewhere (e.g. by `npm run simulator`), at its base URL. */
export function connectSimulator(url: string): RemoteSimulator {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { error?: string };
    if (!res.ok) throw new Error(`simulator control ${path} failed: ${json.error ?? res.status}`);
    return json;
  };
  return {
    url,
    addAccount: async (a) => void (await call('POST', 'accounts', a)),
    setExpiresIn: async (seconds) => void (await call('POST', 'expires-in', { seconds })),
    setFault: async (path, fault, times) => void (await call('POST', 'fault', { path, fault, times })),
    counts: async () => (await call('GET', 'counts')) as Record<string, number>,
    count: async (path) => ((await call('GET', 'counts')) as Record<string, number>)[path] ?? 0,
    resetCounts: async () => void (await call('POST', 'reset-counts', {})),
    revokeTokens: async (appid) => void (await call('POST', 'revoke', { appid })),
    expireTokens: async (appid) => void (await call('POST', 'expire', { appid })),
    setCallerIp: async (ip) => void (await call('POST', 'caller-ip', ip === undefined ? {} : { ip })),
  };
}
