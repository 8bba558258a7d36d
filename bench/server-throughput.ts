/**
 * Loopback server throughput: `GET /v1/token/NAME` (a cache hit) from a real `wxtoken serve` against a bare
 * `node:http` server answering a constant JSON body of the same size. Each server is its own process on this
 * same Node, pinned to CPU 1; the client is wrk, its own process pinned to CPU 0 (one thread, 16 keep-alive
 * connections). Both processes' CPU use is sampled from /proc during each run, so the table shows the server
 * is the saturated one. Paired rounds alternate which server goes first; the ratio is reported as the median
 * and range over the rounds.
 *   npm run bench                                   (all benchmarks, inside a private keychain)
 *   node scripts/with-keyring.mjs --loopback-only npx tsx bench/server-throughput.ts [--smoke] [--rounds N] [--seconds N]
 * --smoke: one short round; it only has to complete without a failed request (no speed target checked).
 * BENCH_BIN=path/to/bin/wxtoken.cjs serves from another build (an older checkout, say) over the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canPin, loadAverage, pinned } from './support/proc-cpu';
import { ACCOUNT, BIN, wxtokenHome } from './support/wxtoken-home';
import { headerScript, requireWrk, runWrk, SERVER_CPU, type WrkRun } from './support/wrk';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const ROUNDS = option('--rounds', smoke ? 1 : 7);
const SECONDS = option('--seconds', smoke ? 1 : 5);
const CONNECTIONS = 16;
const TARGET = 0.8;

interface Server {
  label: string;
  child: ChildProcess;
  url: string;
  script: string;
}

/** Starts a pinned server process and waits for the URL it prints on its first stdout line. */
function startPinned(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ child: ChildProcess; url: string }> {
  // BENCH_CPU_PROF=DIR writes a CPU profile of each server process there (how the hot path's costs were found).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const [command, ...rest] = pinned(SERVER_CPU, [process.execPath, ...profile, ...args]);
  const child = spawn(command, rest, { env, stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin!.end(input ?? '');
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve({ child, url: match[0] });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before printing its URL`)));
  });
}

function fetchBody(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  requireWrk();
  if (!canPin()) console.warn('(taskset or a second CPU is missing: client and servers run unpinned, so the ratio means little)');
  const fixture = await wxtokenHome();
  const scratch = await mkdtemp(join(tmpdir(), 'wxtoken-bench-wrk-'));
  const servers: Server[] = [];
  try {
    const env = { ...process.env, ...fixture.env };
    const ours = await startPinned([process.env.BENCH_BIN || BIN, 'serve', '--port', '0'], env);
    // The token key, as scripts find it (older builds, run through BENCH_BIN, wrote `key`).
    const discovery = JSON.parse(await readFile(join(fixture.env.WXTOKEN_HOME, 'server.json'), 'utf8')) as { token_key?: string; key?: string };
    const auth = { authorization: `Bearer ${discovery.token_key ?? discovery.key}` };
    const tokenUrl = `${ours.url}/v1/token/${ACCOUNT}`;
    const answer = await fetchBody(tokenUrl, auth);
    if (answer.status !== 200) throw new Error(`GET /v1/token answered ${answer.status}: ${answer.body}`);
    servers.push({ label: 'wxtoken serve, GET /v1/token (cache hit)', child: ours.child, url: tokenUrl, script: headerScript(scratch, auth) });

    const bare = await startPinned([join(__dirname, 'support', 'bare-server.cjs')], process.env, answer.body);
    const bareBody = (await fetchBody(`${bare.url}/v1/token/${ACCOUNT}`, {})).body;
    if (Buffer.byteLength(bareBody) !== Buffer.byteLength(answer.body)) throw new Error('the bare server answers a body of another size');
    servers.unshift({ label: 'bare node:http, constant JSON', child: bare.child, url: `${bare.url}/v1/token/${ACCOUNT}`, script: headerScript(scratch, {}) });

    const run = (s: Server, seconds: number) => runWrk({ url: s.url, script: s.script, seconds, connections: CONNECTIONS, serverPid: s.child.pid! });
    if (!smoke) for (const s of servers) await run(s, 2); // JIT warm-up, not counted

    const rounds: { bare: WrkRun; ours: WrkRun }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      const runs: WrkRun[] = [];
      for (const i of order) runs[i] = await run(servers[i], SECONDS);
      rounds.push({ bare: runs[0], ours: runs[1] });
    }
    report(servers, rounds);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve)))));
    await fixture.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

function report(servers: Server[], rounds: { bare: WrkRun; ours: WrkRun }[]): void {
  const ratios = rounds.map((r) => r.ours.rps / r.bare.rps);
  const cpuRatios = rounds.map((r) => r.ours.serverUsPerRequest / r.bare.serverUsPerRequest);
  console.log(
    `server throughput (${smoke ? 'smoke' : 'full'}): wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, ${ROUNDS} paired round(s); Node ${process.version}; load average ${loadAverage()}`,
  );
  console.log('| round | target | req/s | p50 ms | p99 ms | server CPU (cores) | wrk CPU (cores) | server CPU µs/req | errors |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  rounds.forEach((round, i) => {
    for (const [label, r] of [[servers[0].label, round.bare], [servers[1].label, round.ours]] as const) {
      console.log(
        `| ${i + 1} | ${label} | ${r.rps.toFixed(0)} | ${r.p50ms.toFixed(2)} | ${r.p99ms.toFixed(2)} | ${r.serverCpu.toFixed(2)} | ${r.clientCpu.toFixed(2)} | ${r.serverUsPerRequest.toFixed(1)} | ${r.errors} |`,
      );
    }
  });
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(2)} (range ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
  console.log(`throughput ratio wxtoken / bare: ${fmt(ratios)}; target >= ${TARGET}`);
  console.log(`server CPU per request, wxtoken / bare: ${fmt(cpuRatios)}`);
  if (rounds.some((r) => r.bare.errors || r.ours.errors || !r.ours.requests)) {
    console.error('FAIL: some requests failed');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`server throughput bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
