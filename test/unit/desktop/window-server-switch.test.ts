/** The desktop app's loopback-server switch and the two API copies it serves (IPC and HTTP). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { methodNames, type ApiImpl } from '../../../src/shared/contract';
import { serverUiUrl, type ServerStatus } from '../../../src/shared/models';
import { ok } from '../../../src/shared/result';
import type { Core } from '../../../src/main/core/core';
import { EventHub } from '../../../src/main/core/event-hub';
import { desktopApis } from '../../../src/main/desktop/desktop-api';
import { startLoopbackServer } from '../../../src/main/server';
import { ServerSwitch, type RunningServer } from '../../../src/main/desktop/server-switch';

function fakeStarter() {
  const log: string[] = [];
  let failNext: NodeJS.ErrnoException | undefined;
  const start = async (port: number): Promise<RunningServer> => {
    if (failNext) {
      const err = failNext;
      failNext = undefined;
      throw err;
    }
    const actual = port || 40000 + log.length;
    log.push(`start ${port}`);
    return { origin: `http://127.0.0.1:${actual}`, port: actual, uiKey: 'k', close: async () => void log.push(`close ${actual}`) };
  };
  return { log, start, failWith: (code: string) => (failNext = Object.assign(new Error(code), { code })) };
}

describe('the loopback server switch', () => {
  it('starts, keeps, restarts on a port change and stops, reporting each change', async () => {
    const f = fakeStarter();
    const seen: ServerStatus[] = [];
    const sw = new ServerSwitch(f.start, (s) => seen.push(s));
    expect(sw.status()).toEqual({ running: false });
    expect((await sw.apply({ serverEnabled: false, serverPort: 0 })).ok).toBe(true);
    await sw.apply({ serverEnabled: true, serverPort: 0 });
    await sw.apply({ serverEnabled: true, serverPort: 0 });
    expect(sw.status()).toEqual({ running: true, url: 'http://127.0.0.1:40000/', port: 40000, key: 'k' });
    await sw.apply({ serverEnabled: true, serverPort: 5555 });
    expect(sw.status()).toMatchObject({ running: true, port: 5555 });
    await sw.apply({ serverEnabled: false, serverPort: 5555 });
    expect(f.log).toEqual(['start 0', 'close 40000', 'start 5555', 'close 5555']);
    expect(seen.map((s) => s.running)).toEqual([true, true, false]);
  });

  it('applies quick toggles in order, ending in the last state asked for', async () => {
    const f = fakeStarter();
    const sw = new ServerSwitch(f.start, () => {});
    await Promise.all([
      sw.apply({ serverEnabled: true, serverPort: 0 }),
      sw.apply({ serverEnabled: false, serverPort: 0 }),
      sw.apply({ serverEnabled: true, serverPort: 7000 }),
    ]);
    expect(f.log).toEqual(['start 0', 'close 40000', 'start 7000']);
    expect(sw.status()).toMatchObject({ running: true, port: 7000 });
  });

  it('reports a port that cannot be had as a value naming the port', async () => {
    const f = fakeStarter();
    const seen: ServerStatus[] = [];
    const sw = new ServerSwitch(f.start, (s) => seen.push(s));
    f.failWith('EADDRINUSE');
    const result = await sw.apply({ serverEnabled: true, serverPort: 8080 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.en).toContain('EADDRINUSE, port 8080');
    expect(sw.status()).toEqual({ running: false });
    expect(seen).toEqual([{ running: false }]);
    // The next change of settings tries again.
    expect((await sw.apply({ serverEnabled: true, serverPort: 8081 })).ok).toBe(true);
  });
});

describe('the desktop API copies', () => {
  let home: string | undefined;
  afterEach(async () => {
    if (home) await rm(home, { recursive: true, force: true });
  });

  const fakeCore = () => {
    const api = Object.fromEntries(methodNames.map((n) => [n, async () => ok(`core:${n}`)])) as unknown as ApiImpl;
    return { home: '', api, onEvent: () => () => {}, problems: () => [], close: async () => {} } as unknown as Core;
  };

  it('the window copies in main; the loopback server it starts refuses copyToken and says it is http', async () => {
    home = await mkdtemp(path.join(tmpdir(), 'wxtoken-switch-'));
    const events = new EventHub();
    const copies: string[] = [];
    const sw: ServerSwitch = new ServerSwitch(
      (port) => startLoopbackServer({ api: apis.http, onEvent: (l) => events.on(l), home: home!, port }),
      (status) => events.emit({ name: 'serverChanged', payload: status }),
    );
    const apis = desktopApis(fakeCore(), '1.2.3', { copy: async (t) => (copies.push(t), 'copied' as const) }, () => sw.status());
    expect(await apis.ipc.appInfo({})).toEqual(ok({ host: 'electron', version: '1.2.3', copiesInMain: true }));
    expect(await apis.ipc.listAccounts({})).toEqual(ok('core:listAccounts'));

    const started = await sw.apply({ serverEnabled: true, serverPort: 0 });
    try {
      expect(started.ok).toBe(true);
      const status = await apis.ipc.serverStatus({});
      expect(status.ok && status.value.running).toBe(true);
      const { port, key } = sw.status();
      const call = async (method: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: method === 'copyToken' ? '{"name":"demo"}' : '{}',
        });
        return res.json();
      };
      expect(await call('appInfo')).toEqual(ok({ host: 'http', version: '1.2.3', copiesInMain: false }));
      expect(await call('copyToken')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
      expect(await call('serverStatus')).toMatchObject({ ok: true, value: { running: true, port } });
      expect(copies).toEqual([]);
      // What the settings show: the address without a key, and the UI key to open it with, which is in no
      // file; server.json holds only the token key, which the API refuses.
      expect(status.ok && status.value).toEqual({ running: true, url: `http://127.0.0.1:${port}/`, port, key });
      // The URL settings copy is the one `wxtoken serve` would print: the address with the UI key in the fragment.
      expect(status.ok && serverUiUrl(status.value)).toBe(`http://127.0.0.1:${port}/#key=${key}`);
      const discovery = await readFile(path.join(home, 'server.json'), 'utf8');
      expect(discovery).not.toContain(key!);
      const tokenKey = JSON.parse(discovery).token_key as string;
      const refused = await fetch(`http://127.0.0.1:${port}/api/appInfo`, { method: 'POST', headers: { authorization: `Bearer ${tokenKey}` } });
      expect(refused.status).toBe(403);
    } finally {
      await sw.close();
    }
    expect(sw.status()).toEqual({ running: false });
    await expect(fetch(`http://127.0.0.1:${started.ok ? started.value.port : 1}/`)).rejects.toThrow();
  });
});
