/**
 * Runs the real `wxtoken` CLI as a child process — the built one (bin/wxtoken.cjs over out/main, which
 * `npm test` builds first), as users run it — and gives each test its own data folder and keychain service
 * so tests never see each other's accounts or secrets.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentSockets, killAgents } from './keychain/keychain-agent';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', '..', 'bin', 'wxtoken.cjs');
/** node + the built CLI: a third of the start-up of running the sources through tsx, and what users run. */
const cliArgv = (args: string[]) => [bin, ...args];

export interface CliResult {
  /** null when the process was killed (it ran past `timeoutMs`). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for binary output (not set for a terminal run). */
  stdoutBytes?: Buffer;
}

export interface CliRunOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (stdin is always a pipe: never a TTY). */
  input?: string | Buffer;
  cwd?: string;
  /** The child is killed after this long; default 25 s. */
  timeoutMs?: number;
}

export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgv(args), {
      cwd: options.cwd ?? here,
      env: { ...process.env, WXTOKEN_LANG: 'en', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
    child.stdin.on('error', () => undefined); // the CLI may exit without reading stdin
    child.stdin.end(options.input ?? '');
  });
}

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first match in stdout (rejects if the process ends first). */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stderr(): string;
}

/** Starts a long-running CLI command (e.g. `serve`) and lets the test wait for what it prints. */
export function startCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): CliProcess {
  const child = spawn(process.execPath, cliArgv(args), {
    cwd: here,
    env: { ...process.env, WXTOKEN_LANG: 'en', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
    for (const wake of waiters) wake();
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => err,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (!match) return;
          waiters.delete(check);
          resolve(match);
        };
        waiters.add(check);
        check();
        void exited.then((code) => {
          if (waiters.delete(check)) reject(new Error(`the CLI ended (code ${code}) before printing ${pattern}: ${err}`));
        });
      }),
  };
}

export interface CliSandbox {
  home: string;
  service: string;
  env: Record<string, string>;
  run(args: string[], options?: CliRunOptions): Promise<CliResult>;
  /** Every file under the data folder, with its bytes. */
  files(): Promise<{ path: string; data: Buffer }[]>;
  /** The keychain agent sockets in the data folder. */
  agentSockets(): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function cliSandbox(): Promise<CliSandbox> {
  const home = await mkdtemp(join(tmpdir(), 'wxtoken-cli-'));
  const service = `wxtoken-test-${randomUUID()}`;
  const env = { WXTOKEN_HOME: home, WXTOKEN_KEYCHAIN_SERVICE: service };
  return {
    home,
    service,
    env,
    run: (args, options = {}) => runCli(args, { ...options, env: { ...env, ...options.env } }),
    files: () => listFiles(home),
    agentSockets: () => agentSockets(home),
    async cleanup() {
      await killAgents(home);
      await clearKeychainService(service);
      await rm(home, { recursive: true, force: true });
    },
  };
}

async function listFiles(dir: string): Promise<{ path: string; data: Buffer }[]> {
  const found: { path: string; data: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ path, data: await readFile(path) });
  }
  return found;
}

/** Deletes what a test left under its keychain service (the real keychain: the test's private keyring). */
export async function clearKeychainService(service: string): Promise<void> {
  const keytar = (await import('keytar')).default;
  const items = await keytar.findCredentials(service).catch(() => []);
  await Promise.all(items.map((item) => keytar.deletePassword(service, item.account)));
}

export interface TtyStep {
  /** Wait until the terminal shows this… */
  waitFor: string | RegExp;
  /** …then type this (use `\r` for Enter). */
  send: string;
}

/**
 * Runs the CLI on a real pseudo-terminal (util-linux `script`), typing each step's text only once its
 * prompt is on screen, as a person would. Returns everything the terminal showed, echo included.
 */
export function runCliTty(args: string[], options: { env?: NodeJS.ProcessEnv; steps: TtyStep[]; timeoutMs?: number }): Promise<CliResult> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, ...cliArgv(args)].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: here,
      env: { ...process.env, WXTOKEN_LANG: 'en', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    const steps = [...options.steps];
    let shownUpTo = 0;
    const advance = () => {
      const step = steps[0];
      if (!step) return;
      const rest = screen.slice(shownUpTo);
      const hit = typeof step.waitFor === 'string' ? rest.indexOf(step.waitFor) : rest.search(step.waitFor);
      if (hit < 0) return;
      shownUpTo += hit + 1;
      steps.shift();
      child.stdin.write(step.send);
      advance();
    };
    child.stdout.on('data', (c: Buffer) => {
      screen += c.toString('utf8');
      advance();
    });
    child.stderr.on('data', (c: Buffer) => (screen += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: screen.replace(/\r\n/g, '\n'), stderr: '' });
    });
  });
}

/** The command line that runs the CLI: for tests that start it their own way (another user, limits). */
export function cliCommand(args: string[]): string[] {
  return [process.execPath, ...cliArgv(args)];
}
