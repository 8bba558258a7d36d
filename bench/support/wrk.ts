/**
 * wrk (the HTTP load generator) as its own process, pinned to CPU 0, against a server pinned to CPU 1; while it
 * runs, both processes' CPU time is sampled from /proc over the middle of the run (ramp-up and wind-down left
 * out), so the report shows which one was saturated.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSeconds, pinned } from './proc-cpu';

export const CLIENT_CPU = 0;
export const SERVER_CPU = 1;

export interface WrkRun {
  rps: number;
  requests: number;
  /** Non-2xx answers plus socket errors: any is a failed run. */
  errors: number;
  p50ms: number;
  p99ms: number;
  /** Share of one core each process used over the sampled window (1 = one core saturated). */
  serverCpu: number;
  clientCpu: number;
  /** Server CPU time per request over the sampled window, µs. */
  serverUsPerRequest: number;
}

export function requireWrk(): void {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('wrk is not installed: the server benchmark needs it (Debian package "wrk"; scripts/install-test-deps.sh installs it)');
  }
}

/**
 * Request headers go in a Lua script (mode 0600), not on wrk's command line, where any local user could
 * read the key.
 */
export function headerScript(dir: string, headers: Record<string, string>): string {
  const file = join(dir, `wrk-${Object.keys(headers).length ? 'auth' : 'plain'}.lua`);
  const lines = Object.entries(headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

export async function runWrk(options: { url: string; script: string; seconds: number; connections: number; serverPid: number }): Promise<WrkRun> {
  const { url, script, seconds, connections, serverPid } = options;
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url];
  const [command, ...rest] = pinned(CLIENT_CPU, ['wrk', ...args]);
  const child = spawn(command, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c));
  child.stderr.on('data', (c: Buffer) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

  // Sample the middle half of the run.
  const ms = seconds * 1000;
  await sleep(ms * 0.25);
  const t0 = performance.now();
  const s0 = cpuSeconds(serverPid) ?? NaN;
  const c0 = cpuSeconds(child.pid!) ?? NaN;
  await sleep(ms * 0.5);
  const s1 = cpuSeconds(serverPid) ?? NaN;
  const c1 = cpuSeconds(child.pid!) ?? NaN;
  const window = (performance.now() - t0) / 1000;
  const code = await exited;
  if (code !== 0) throw new Error(`wrk failed (exit ${code}): ${out}`);

  const rps = number(out, /Requests\/sec:\s+([\d.]+)/);
  const requests = number(out, /(\d+) requests in/);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = (non2xx ? Number(non2xx[1]) : 0) + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  const serverCpu = (s1 - s0) / window;
  return {
    rps,
    requests,
    errors,
    p50ms: latencyMs(out, '50%'),
    p99ms: latencyMs(out, '99%'),
    serverCpu,
    clientCpu: (c1 - c0) / window,
    serverUsPerRequest: (serverCpu * 1e6) / rps,
  };
}

function number(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match) throw new Error(`unexpected wrk output: ${text}`);
  return Number(match[1]);
}

function latencyMs(text: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(text);
  if (!match) return NaN;
  const unit = match[2] === 'us' ? 1e-3 : match[2] === 's' ? 1e3 : 1;
  return Number(match[1]) * unit;
}
