/**
 * A shared cache hit (an account with `--share`, its token kept in a team Redis) against the local cache, for
 * `wxtoken token NAME` and for `GET /v1/token/NAME`. Two data folders, each with its own simulator and keychain
 * service: `local` (the account fetches on this machine) and `shared` (the same account with `--share team` on a
 * real redis-server started here, on loopback, with a password).
 * - CLI: wall time from spawn to exit, like cli-startup.ts (warm-up, then rotating runs; medians and ranges),
 *   for `node -e 0`, the local hit, the shared hit this machine already holds (every run after the first), and the
 *   shared hit read through Redis (this machine's tokens.json removed before each run, untimed: what a member's
 *   first run after another member's fetch does — connect, AUTH, GET, write the cache).
 * - HTTP: wrk like server-throughput.ts (its own process pinned to CPU 0; each `wxtoken serve` its own process
 *   pinned to CPU 1; CPU time of both sampled from /proc), local vs shared, paired rounds alternating which goes first.
 *   node scripts/with-keyring.mjs --loopback-only npx tsx bench/shared-hit.ts [--smoke] [--runs N] [--rounds N] [--seconds N]
 * --smoke: a few runs and one short round; checks only that every answer is the team's token and no request failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedis } from '../test/support/redis-server';
import { canPin, loadAverage, pinned } from './support/proc-cpu';
import { ACCOUNT, BIN, wxtokenHome, type WxtokenHome } from './support/wxtoken-home';
import { headerScript, requireWrk, runWrk, SERVER_CPU, type WrkRun } from './support/wrk';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const RUNS = option('--runs', smoke ? 3 : 20);
const WARMUP = smoke ? 1 : 3;
const ROUNDS = option('--rounds', smoke ? 1 : 7);
const SECONDS = option('--seconds', smoke ? 1 : 5);
const CONNECTIONS = 16;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs: number[], digits = 1) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code, stdout }));
  });
}

/** The keychain agent a run leaves behind: the timed runs are warm ones, as a script's are. */
async function agentUp(home: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
    if ((await readdir(home)).some((name) => name.endsWith('.sock'))) return;
  }
  throw new Error('no keychain agent came up');
}

interface Variant {
  label: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  home?: string;
  before?: () => Promise<void>;
  expect?: string;
  ms: number[];
}

async function cliBench(local: WxtokenHome, shared: WxtokenHome, teamToken: () => Promise<string>): Promise<void> {
  const envOf = (h: WxtokenHome) => ({ ...process.env, ...h.env });
  const [localHome, sharedHome] = [local.env.WXTOKEN_HOME, shared.env.WXTOKEN_HOME];
  const args = [BIN, 'token', ACCOUNT];
  const sharedToken = `${await teamToken()}\n`;
  const variants: Variant[] = [
    { label: 'node -e 0', args: ['-e', '0'], env: envOf(local), ms: [] },
    { label: `wxtoken token ${ACCOUNT}, local cache`, args, env: envOf(local), home: localHome, expect: (await local.cli(['token', ACCOUNT])).stdout, ms: [] },
    { label: `wxtoken token ${ACCOUNT}, shared, held on this machine`, args, env: envOf(shared), home: sharedHome, expect: sharedToken, ms: [] },
    {
      label: `wxtoken token ${ACCOUNT}, shared, read through Redis`,
      args,
      env: envOf(shared),
      home: sharedHome,
      expect: sharedToken,
      before: () => rm(join(sharedHome, 'tokens.json'), { force: true }),
      ms: [],
    },
  ];
  const once = async (v: Variant) => {
    await v.before?.();
    if (v.home) await agentUp(v.home);
    const run = await timed(v.args, v.env);
    if (v.expect !== undefined && (run.code !== 0 || run.stdout !== v.expect)) throw new Error(`${v.label}: exited ${run.code} with ${run.stdout ? 'another token' : 'no token'}`);
    return run.ms;
  };
  for (let i = 0; i < WARMUP; i++) for (const v of variants) await once(v);
  for (let i = 0; i < RUNS; i++) for (let j = 0; j < variants.length; j++) variants[(i + j) % variants.length].ms.push(await once(variants[(i + j) % variants.length]));
  const [bare, localHit] = variants;
  console.log(`shared cache hit, CLI (${smoke ? 'smoke' : 'full'}): ${RUNS} rotating runs each after ${WARMUP} warm-up; Node ${process.version}; load average ${loadAverage()}`);
  console.log('| command | median ms | range ms | ratio to `node -e 0` | ratio to the local hit |');
  console.log('|---|---:|---:|---:|---:|');
  for (const v of variants) {
    const toBare = v === bare ? '' : (median(v.ms) / median(bare.ms)).toFixed(2);
    const toLocal = v === bare || v === localHit ? '' : (median(v.ms) / median(localHit.ms)).toFixed(2);
    console.log(`| ${v.label} | ${median(v.ms).toFixed(1)} | ${range(v.ms)} | ${toBare} | ${toLocal} |`);
  }
}

/** A pinned `wxtoken serve` on a data folder, with the token key scripts read from server.json. */
async function serve(home: WxtokenHome, scratch: string): Promise<{ child: ChildProcess; url: string; script: string; auth: Record<string, string> }> {
  const [command, ...rest] = pinned(SERVER_CPU, [process.execPath, BIN, 'serve', '--port', '0']);
  const child = spawn(command, rest, { env: { ...process.env, ...home.env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`wxtoken serve exited (${code}) before printing its URL`)));
  });
  const key = (JSON.parse(await readFile(join(home.env.WXTOKEN_HOME, 'server.json'), 'utf8')) as { token_key: string }).token_key;
  const auth = { authorization: `Bearer ${key}` };
  return { child, url: `${origin}/v1/token/${ACCOUNT}`, script: headerScript(await mkdtemp(join(scratch, 'wrk-')), auth), auth };
}

function tokenFrom(url: string, headers: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve(res.statusCode === 200 ? (JSON.parse(body) as { access_token?: string }).access_token : undefined));
    }).on('error', reject);
  });
}

async function httpBench(local: WxtokenHome, shared: WxtokenHome, teamToken: () => Promise<string>, scratch: string): Promise<boolean> {
  requireWrk();
  if (!canPin()) console.warn('(taskset or a second CPU is missing: client and servers run unpinned, so the ratio means little)');
  const servers = [
    { label: 'GET /v1/token, local cache', ...(await serve(local, scratch)) },
    { label: 'GET /v1/token, shared (team Redis)', ...(await serve(shared, scratch)) },
  ];
  try {
    if ((await tokenFrom(servers[1].url, servers[1].auth)) !== (await teamToken())) throw new Error("the shared server does not answer the team's token");
    if (!(await tokenFrom(servers[0].url, servers[0].auth))) throw new Error('the local server answers no token');
    const run = (i: number, seconds: number) => runWrk({ url: servers[i].url, script: servers[i].script, seconds, connections: CONNECTIONS, serverPid: servers[i].child.pid! });
    if (!smoke) for (const i of [0, 1]) await run(i, 2); // JIT warm-up, not counted
    const rounds: WrkRun[][] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const runs: WrkRun[] = [];
      for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) runs[i] = await run(i, SECONDS);
      rounds.push(runs);
    }
    console.log(`shared cache hit, HTTP (${smoke ? 'smoke' : 'full'}): wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, ${ROUNDS} paired round(s); Node ${process.version}; load average ${loadAverage()}`);
    console.log('| round | target | req/s | p50 ms | p99 ms | server CPU (cores) | wrk CPU (cores) | server CPU µs/req | errors |');
    console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    rounds.forEach((runs, r) =>
      runs.forEach((w, i) =>
        console.log(`| ${r + 1} | ${servers[i].label} | ${w.rps.toFixed(0)} | ${w.p50ms.toFixed(2)} | ${w.p99ms.toFixed(2)} | ${w.serverCpu.toFixed(2)} | ${w.clientCpu.toFixed(2)} | ${w.serverUsPerRequest.toFixed(1)} | ${w.errors} |`),
      ),
    );
    const ratios = rounds.map(([l, s]) => s.rps / l.rps);
    const cpu = rounds.map(([l, s]) => s.serverUsPerRequest / l.serverUsPerRequest);
    console.log(`throughput shared / local: median ${median(ratios).toFixed(2)} (range ${range(ratios, 2)}); server CPU per request shared / local: median ${median(cpu).toFixed(2)} (range ${range(cpu, 2)})`);
    return rounds.every((runs) => runs.every((w) => !w.errors && w.requests > 0));
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve)))));
  }
}

async function main(): Promise<void> {
  const redis = await startRedis();
  const client = new Redis({ host: redis.host, port: redis.port, password: redis.password, lazyConnect: true });
  const scratch = await mkdtemp(join(tmpdir(), 'wxtoken-bench-shared-'));
  const homes: WxtokenHome[] = [];
  try {
    const local = await wxtokenHome();
    homes.push(local);
    const shared = await wxtokenHome({ share: { url: redis.url, password: redis.password } });
    homes.push(shared);
    // What every answer of the shared folder must be: the token the team keeps in Redis (wxtoken's own key).
    const teamToken = async () => {
      const [key] = await client.keys('{wxtoken:*}:token');
      const value = key ? await client.get(key) : null;
      if (!value) throw new Error('no team token in Redis');
      return (JSON.parse(value) as { access_token: string }).access_token;
    };
    await cliBench(local, shared, teamToken);
    if (!(await httpBench(local, shared, teamToken, scratch))) {
      console.error('FAIL: some requests failed');
      process.exitCode = 1;
    }
  } finally {
    for (const h of homes) await h.close();
    client.disconnect();
    await redis.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`shared cache hit bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
