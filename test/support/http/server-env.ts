/**
 * A loopback server over the fake API on a fresh data directory, with a tiny built renderer and a file
 * beside it that traversal attempts aim for. `close()` stops the server and removes every trace.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackServer, type LoopbackServer, type ServerLimits } from '../../../src/main/server';
import { makeFakeApi, type FakeApi } from './fake-api';

export const OUTSIDE_TEXT = 'OUTSIDE-THE-RENDERER-do-not-serve';
export const INDEX_HTML = '<!doctype html><html><head><title>wxtoken</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>';
export const APP_JS = 'console.log("wxtoken renderer");';

export interface ServerEnv {
  server: LoopbackServer;
  fake: FakeApi;
  home: string;
  root: string;
  logs: string[];
  /** Headers of a well-behaved local client: right Host and the UI key. */
  good(extra?: Record<string, string>): Record<string, string>;
  /** The same with the token key (what server.json gives a script). */
  script(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

export async function startServerEnv(limits?: Partial<ServerLimits>): Promise<ServerEnv> {
  const root = await mkdtemp(join(tmpdir(), 'wxtoken-server-'));
  const home = join(root, 'home');
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), APP_JS);
  await writeFile(join(rendererDir, '.env'), OUTSIDE_TEXT);
  await writeFile(join(root, 'secret.txt'), OUTSIDE_TEXT);
  const fake = makeFakeApi();
  const logs: string[] = [];
  const server = await startLoopbackServer({ api: fake.api, onEvent: fake.onEvent, home, rendererDir, limits, log: (l) => logs.push(l) });
  return {
    server,
    fake,
    home,
    root,
    logs,
    good: (extra = {}) => ({ host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.uiKey}`, ...extra }),
    script: (extra = {}) => ({ host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.tokenKey}`, ...extra }),
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds (an explicit wait, not a sleep); throws after `ms`. */
export async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('waitFor: condition not met');
    await new Promise((r) => setTimeout(r, 10));
  }
}
