/**
 * Loopback server throughput: `GET /v1/token/NAME` (a cache hit) against a bare Node `http` server that
 * answers a constant JSON of the same size, both in one child process, driven by the same client in this
 * process (keep-alive agent, fixed concurrency, fixed request count, bounded time). Prints a table and
 * the ratio; the target is >= 0.8 of the bare server.
 *   npx tsx bench/server-throughput.ts            the server over an in-memory API (the host's own cost)
 *   node scripts/with-keyring.mjs npx tsx bench/server-throughput.ts --core   over the real core
 *   --smoke                                       fewer requests
 * The number that matters when the client saturates first is the server's CPU per request.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLoopbackServer } from '../src/main/server';
import { httpHostParts } from '../src/main/server/host-parts';

const smoke = process.argv.includes('--smoke');
const useCore = process.argv.includes('--core');
const CONCURRENCY = 16;
const REQUESTS = smoke ? 5_000 : 20_000;
const WARMUP = smoke ? 1_000 : 5_000;
const TIME_LIMIT_MS = 20_000;
const ROUNDS = smoke ? 1 : 7;

interface Target {
  label: string;
  port: number;
  path: string;
  headers: Record<string, string>;
}

interface Run {
  done: number;
  failed: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Server-process CPU per request (user + system), µs. */
  cpuUs: number;
}

/** Child: both servers, side by side, until the parent says stop. */
async function serve(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'wxtoken-bench-'));
  let api;
  let onEvent;
  let cleanup = async () => {};
  if (useCore) {
    const { makeCoreEnv } = await import('../test/support/core-env');
    const { hostApi } = await import('../src/main/core/core');
    const env = await makeCoreEnv({ expiresIn: 7200 });
    await env.addAccount('bench', {});
    api = hostApi(env.core, httpHostParts('bench', () => ({ running: true })));
    onEvent = env.core.onEvent;
    cleanup = () => env.close();
  } else {
    const { makeFakeApi } = await import('../test/support/fake-api');
    const fake = makeFakeApi();
    api = fake.api;
    onEvent = fake.onEvent;
  }
  const name = useCore ? 'bench' : 'demo';
  const first = await api.revealToken({ name });
  if (!first.ok) throw new Error(`revealToken failed: ${first.error.code}`);
  const constant = JSON.stringify({ access_token: first.value.accessToken, expires_at: new Date(first.value.expiresAt).toISOString(), expires_in: 7000 });
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(constant) });
    res.end(constant);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const server = await startLoopbackServer({ api, onEvent, home: join(root, 'home') });
  process.send!({ bare: (bare.address() as AddressInfo).port, server: server.port, key: server.tokenKey, name });
  process.on('message', async (m) => {
    if (m === 'cpu') return process.send!(process.cpuUsage());
    await server.close();
    await new Promise((resolve) => bare.close(resolve));
    await cleanup();
    await rm(root, { recursive: true, force: true });
    process.exit(0);
  });
}

function once(agent: Agent, t: Target): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: t.port, path: t.path, headers: t.headers, agent }, (res) => {
      let size = 0;
      res.on('data', (c: Buffer) => (size += c.length));
      res.on('end', () => resolve(res.statusCode === 200 && size > 0));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

function serverCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as NodeJS.CpuUsage).user + (m as NodeJS.CpuUsage).system));
    child.send('cpu');
  });
}

async function drive(child: ChildProcess, t: Target, count: number): Promise<Run> {
  const cpu0 = await serverCpu(child);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = new Float64Array(count);
  let next = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = start + TIME_LIMIT_MS;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      if (!(await once(agent, t))) failed++;
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  const cpu = (await serverCpu(child)) - cpu0;
  const done = Math.min(next, count);
  const sorted = Array.from(latencies.subarray(0, done)).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(done - 1, Math.floor(p * done))];
  return { done, failed, seconds, rps: done / seconds, p50: at(0.5), p99: at(0.99), cpuUs: cpu / done };
}

async function main(): Promise<void> {
  // BENCH_CPU_PROF=DIR writes a CPU profile of the server process there (how the costs above were found).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(__filename, ['--serve', ...process.argv.slice(2)], { execArgv: [...process.execArgv, ...profile], stdio: 'inherit' });
  const ports = await new Promise<{ bare: number; server: number; key: string; name: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
  });
  const targets: Target[] = [
    { label: 'bare node:http, constant JSON', port: ports.bare, path: '/v1/token/x', headers: { host: `127.0.0.1:${ports.bare}` } },
    {
      label: `wxtoken GET /v1/token (${useCore ? 'real core' : 'in-memory API'})`,
      port: ports.server,
      path: `/v1/token/${ports.name}`,
      headers: { host: `127.0.0.1:${ports.server}`, authorization: `Bearer ${ports.key}` },
    },
  ];
  try {
    for (const t of targets) await drive(child, t, WARMUP);
    // Drift on a shared machine (two cores, other work) swamps a single run: pair the two in each round,
    // alternating which goes first, and report the round with the median ratio.
    const rounds: { bare: Run; ours: Run; ratio: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? targets : [...targets].reverse();
      const runs = new Map<Target, Run>();
      for (const t of order) runs.set(t, await drive(child, t, REQUESTS));
      const bare = runs.get(targets[0])!;
      const ours = runs.get(targets[1])!;
      rounds.push({ bare, ours, ratio: ours.rps / bare.rps });
    }
    const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
    const median = rounds.find((r) => r.ratio === ratios[Math.floor(ratios.length / 2)])!;
    const { bare, ours, ratio } = median;
    console.log(`server throughput (${smoke ? 'smoke' : 'full'}): ${REQUESTS} requests per run, concurrency ${CONCURRENCY}, keep-alive, median of ${ROUNDS} paired rounds`);
    console.log(`| target | requests | failed | req/s | p50 ms | p99 ms | server CPU µs/req |`);
    console.log(`|---|---:|---:|---:|---:|---:|---:|`);
    for (const [t, r] of [[targets[0], bare], [targets[1], ours]] as const) {
      console.log(`| ${t.label} | ${r.done} | ${r.failed} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuUs.toFixed(0)} |`);
    }
    console.log(`ratio (wxtoken / bare): ${ratio.toFixed(2)} (target >= 0.80); all rounds: ${ratios.map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`server CPU per request: ${(ours.cpuUs / bare.cpuUs).toFixed(2)}x the bare server's`);
    if (rounds.some((r) => r.bare.failed || r.ours.failed)) {
      console.error('FAIL: some requests failed');
      process.exitCode = 1;
    }
  } finally {
    child.send('stop');
  }
}

if (process.argv.includes('--serve')) {
  serve().catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
