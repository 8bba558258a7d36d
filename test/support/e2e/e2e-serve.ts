/**
 * The back end of an end-to-end run: the WeChat simulator in this process, and `wxtoken serve` as a real
 * child process on a fresh data folder and its own keychain service, reached the way a browser or a
 * script reaches it (HTTP on 127.0.0.1 with the printed key).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_PREFIX, type MethodInput, type MethodName, type MethodOutput } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/result';
import { startSimulator, type SimAccount, type Simulator } from '../../simulator';
import { clearKeychainService, startCli, type CliProcess } from '../cli';

export const ROOT = resolve(__dirname, '../../..');
export const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html');

export interface ServeStack {
  sim: Simulator;
  /** `http://127.0.0.1:PORT/#key=UI_KEY`, as `wxtoken serve` printed it. */
  url: string;
  origin: string;
  /** The UI key: the whole contract (only in the printed URL). */
  uiKey: string;
  /** The token key from server.json: `GET /v1/token/NAME` only (what a script reads). */
  tokenKey: string;
  home: string;
  service: string;
  /** One contract call over the loopback API, as the page makes it. */
  call<N extends MethodName>(name: N, input: MethodInput<N>): Promise<Result<MethodOutput<N>>>;
  /** Adds an account to the simulator and to wxtoken (through the API); returns the simulator's record. */
  addAccount(name: string, sim: Partial<SimAccount>, mode?: 'stable' | 'classic'): Promise<SimAccount>;
  /** The token's real value, from `GET /v1/token/NAME` with the token key (what a script would do). */
  tokenOf(name: string): Promise<string>;
  /** Every event the server pushed so far (the same stream the page reads), as raw text. */
  eventText(): string;
  close(): Promise<void>;
}

let counter = 0;
/** A valid, unique AppID: `wx` + 16 hex digits. */
export function uniqueAppid(): string {
  return `wx${(Date.now().toString(16) + (counter++).toString(16).padStart(3, '0')).padStart(16, '0').slice(-16)}`;
}

export function rendererMissing(): string | undefined {
  return existsSync(RENDERER_INDEX) ? undefined : 'the renderer is not built: run `npx electron-vite build` (npm test builds first)';
}

export interface ServeStackOptions {
  expiresIn?: number;
  callerIp?: string;
  /** Runs on the data folder and keychain service before serve starts (e.g. to add many accounts at once). */
  beforeServe?(ctx: { home: string; service: string; sim: Simulator }): Promise<void>;
}

export async function startServeStack(options: ServeStackOptions = {}): Promise<ServeStack> {
  const home = await mkdtemp(join(tmpdir(), 'wxtoken-e2e-'));
  const service = `wxtoken-e2e-${randomUUID()}`;
  const sim = await startSimulator({ expiresIn: options.expiresIn, callerIp: options.callerIp, forceGapSeconds: 1 });
  let serve: CliProcess | undefined;
  let stopEvents = () => {};
  const cleanup = async () => {
    stopEvents();
    if (serve && serve.child.exitCode === null) {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
    await sim.close();
    await clearKeychainService(service);
    await rm(home, { recursive: true, force: true });
  };
  try {
    await options.beforeServe?.({ home, service, sim });
    serve = startCli(['serve', '--port', '0'], { env: { WXTOKEN_HOME: home, WXTOKEN_KEYCHAIN_SERVICE: service } });
    const [url, origin, uiKey] = await withTimeout(serve.waitForOutput(/(http:\/\/127\.0\.0\.1:\d+)\/#key=([A-Za-z0-9_-]+)/), 30_000, 'wxtoken serve did not print its URL');
    // Written before the URL is printed.
    const tokenKey = (JSON.parse(await readFile(join(home, 'server.json'), 'utf8')) as { token_key: string }).token_key;
    const auth = { Authorization: `Bearer ${uiKey}` };
    const events = tapEvents(origin + HTTP_EVENTS_PATH, auth);
    stopEvents = events.stop;
    const call = async <N extends MethodName>(name: N, input: MethodInput<N>) => {
      const res = await fetch(origin + HTTP_API_PREFIX + name, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Result<MethodOutput<N>>;
    };
    return {
      sim,
      url,
      origin,
      uiKey,
      tokenKey,
      home,
      service,
      call,
      async addAccount(name, simAccount, mode = 'stable') {
        const account: SimAccount = { kind: 'oa', appid: uniqueAppid(), secret: randomUUID().replace(/-/g, ''), ...simAccount };
        sim.addAccount(account);
        const added = await call('addAccount', {
          account: { name, appid: account.appid, kind: account.kind, mode, apiBase: sim.url },
          secret: account.secret,
        });
        if (!added.ok) throw new Error(`addAccount ${name} failed: ${added.error.message.en}`);
        return account;
      },
      async tokenOf(name) {
        const res = await fetch(`${origin}${HTTP_TOKEN_PREFIX}${encodeURIComponent(name)}`, { headers: { Authorization: `Bearer ${tokenKey}` } });
        const body = (await res.json()) as { access_token?: string };
        if (!body.access_token) throw new Error(`no token for ${name}: ${JSON.stringify(body)}`);
        return body.access_token;
      },
      eventText: events.text,
      close: cleanup,
    };
  } catch (err) {
    const stderr = serve?.stderr() ?? '';
    await cleanup();
    throw new Error(`${(err as Error).message}${stderr ? `\nserve stderr: ${stderr}` : ''}`);
  }
}

/** Reads the server's event stream in the background, keeping everything it says. */
function tapEvents(url: string, headers: Record<string, string>): { text(): string; stop(): void } {
  const abort = new AbortController();
  let text = '';
  void (async () => {
    try {
      const res = await fetch(url, { headers: { ...headers, Accept: 'text/event-stream' }, signal: abort.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += value;
      }
    } catch {
      // aborted at close
    }
  })();
  return { text: () => text, stop: () => abort.abort() };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms))),
  ]);
}
