/**
 * `wxtoken token NAME` on a cache hit against a bare `node -e 0`, both with this same Node, wall time from
 * spawn to exit (hyperfine-style: warm-up runs, then rotating runs of each, median and range): with the
 * keychain agent running (the usual case), with none yet (the run that starts it), and with the agent off.
 * Scripts call the CLI in `$(…)` many times, so its start-up is its speed. The target: at most 2x `node -e 0`.
 *   npm run bench                      (all benchmarks, inside a private keychain)
 *   node scripts/with-keyring.mjs --loopback-only npx tsx bench/cli-startup.ts [--smoke] [--runs N]
 * --smoke: a few runs; it only has to complete with the right token (no speed target checked).
 * BENCH_BIN=path/to/bin/wxtoken.cjs times another build (an older checkout, say) against the same data folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadAverage } from './support/proc-cpu';
import { ACCOUNT, BIN, wxtokenHome } from './support/wxtoken-home';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const at = argv.indexOf('--runs');
const RUNS = at >= 0 ? Number(argv[at + 1]) : smoke ? 3 : 20;
const WARMUP = smoke ? 1 : 3;
const TARGET = 2;

interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
}

function timed(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.on('error', reject);
    // 'exit', not 'close': the time the process took, not how long its pipes stayed open.
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code, stdout }));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Variant {
  label: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Run before each timed run, untimed. */
  before?: () => Promise<void>;
  ms: number[];
}

async function main(): Promise<void> {
  const fixture = await wxtokenHome();
  try {
    const env = { ...process.env, ...fixture.env };
    const expected = (await fixture.cli(['token', ACCOUNT])).stdout;
    const ours = [process.env.BENCH_BIN || BIN, 'token', ACCOUNT];
    const home = fixture.env.WXTOKEN_HOME;
    if (!process.env.BENCH_BIN) await checkLeanLoad(env, expected);
    const variants: Variant[] = [
      { label: 'node -e 0', args: ['-e', '0'], env, ms: [] },
      { label: `wxtoken token ${ACCOUNT}, keychain agent running`, args: ours, env, ms: [] },
      // The agent's socket removed: this run forks the worker (which becomes the next agent), as a first run does.
      { label: `wxtoken token ${ACCOUNT}, no agent yet (cold)`, args: ours, env, before: () => removeAgentSockets(home), ms: [] },
      { label: `wxtoken token ${ACCOUNT}, WXTOKEN_KEYCHAIN_AGENT=0 (a worker per run)`, args: ours, env: { ...env, WXTOKEN_KEYCHAIN_AGENT: '0' }, ms: [] },
    ];
    const [bare, warm] = variants;
    const once = async (variant: Variant) => {
      await variant.before?.();
      // The warm runs need the agent the previous run left to be listening.
      if (variant === warm) await waitForAgentSocket(home);
      const run = await timed(variant.args, variant.env);
      if (variant !== bare && (run.code !== 0 || run.stdout !== expected)) {
        throw new Error(`wxtoken token exited ${run.code} with ${run.stdout ? 'another answer' : 'no answer'}`);
      }
      return run.ms;
    };
    for (let i = 0; i < WARMUP; i++) for (const variant of variants) await once(variant);
    for (let i = 0; i < RUNS; i++) {
      // Rotate which goes first, so drift in the machine's load hits all alike.
      for (let j = 0; j < variants.length; j++) {
        const variant = variants[(i + j) % variants.length];
        variant.ms.push(await once(variant));
      }
    }
    console.log(`CLI start-up (${smoke ? 'smoke' : 'full'}): ${RUNS} rotating runs each after ${WARMUP} warm-up; Node ${process.version}; load average ${loadAverage()}`);
    console.log('| command | median ms | range ms | ratio of medians to `node -e 0` | per-run ratio median (range) |');
    console.log('|---|---:|---:|---:|---|');
    for (const variant of variants) {
      const xs = variant.ms;
      const ratios = xs.map((ms, i) => ms / bare.ms[i]);
      const ratio = variant === bare ? '' : `${(median(xs) / median(bare.ms)).toFixed(2)}`;
      const perRun = variant === bare ? '' : `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
      console.log(`| ${variant.label} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} | ${ratio} | ${perRun} |`);
    }
    console.log(`target: the warm ratio <= ${TARGET}`);
  } finally {
    await fixture.close();
  }
}

/**
 * The invariant the fast path rests on (cli/startup/token-fast.ts and the chunk groups in electron.vite.config.ts): a cache
 * hit loads neither the command table (cli.js), nor the contract, nor the endpoint catalogue.
 */
async function checkLeanLoad(env: NodeJS.ProcessEnv, expected: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'wxtoken-bench-loaded-'));
  try {
    const out = join(dir, 'loaded.txt');
    const run = await timed(['--require', join(__dirname, 'support', 'loaded-modules.cjs'), BIN, 'token', ACCOUNT], { ...env, BENCH_LOADED_OUT: out });
    if (run.code !== 0 || run.stdout !== expected) throw new Error(`wxtoken token exited ${run.code} under the module listing`);
    const heavy = (await readFile(out, 'utf8')).split('\n').filter((file) => /[\\/]out[\\/]main[\\/](cli\.js|chunks[\\/](contract|catalogue|zod|schemas)-)/.test(file));
    if (heavy.length > 0) throw new Error(`a cache hit loaded what it should not: ${heavy.map((f) => basename(f)).join(', ')}`);
    console.log('a cache hit loads none of cli.js, the contract, the catalogue, zod or the schemas: checked');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function removeAgentSockets(home: string): Promise<void> {
  for (const name of await readdir(home)) if (name.endsWith('.sock')) await rm(join(home, name), { force: true });
}

async function waitForAgentSocket(home: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
    if ((await readdir(home)).some((name) => name.endsWith('.sock'))) return;
  }
  throw new Error('no keychain agent came up');
}

main().catch((err) => {
  console.error(`CLI start-up bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
