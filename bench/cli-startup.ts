/**
 * `wxtoken token NAME` on a cache hit against a bare `node -e 0`, both with this same Node, wall time from
 * spawn to exit (hyperfine-style: warm-up runs, then alternating runs of the two, median and range).
 * Scripts call the CLI in `$(…)` many times, so its start-up is its speed. The target: at most 2x `node -e 0`.
 *   npm run bench                      (all benchmarks, inside a private keychain)
 *   node scripts/with-keyring.mjs --loopback-only npx tsx bench/cli-startup.ts [--smoke] [--runs N]
 * --smoke: a few runs; it only has to complete with the right token (no speed target checked).
 * BENCH_BIN=path/to/bin/wxtoken.cjs times another build (an older checkout, say) against the same data folder.
 */
import { spawn } from 'node:child_process';
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

async function main(): Promise<void> {
  const fixture = await wxtokenHome();
  try {
    const env = { ...process.env, ...fixture.env };
    const expected = (await fixture.cli(['token', ACCOUNT])).stdout;
    const bare = ['-e', '0'];
    const ours = [process.env.BENCH_BIN || BIN, 'token', ACCOUNT];
    for (let i = 0; i < WARMUP; i++) {
      await timed(bare, env);
      await timed(ours, env);
    }
    const bareMs: number[] = [];
    const oursMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so drift in the machine's load hits both alike.
      const pair = i % 2 === 0 ? [bare, ours] : [ours, bare];
      for (const args of pair) {
        const run = await timed(args, env);
        if (args === ours && (run.code !== 0 || run.stdout !== expected)) {
          throw new Error(`wxtoken token exited ${run.code} with ${run.stdout ? 'another answer' : 'no answer'}`);
        }
        (args === ours ? oursMs : bareMs).push(run.ms);
      }
    }
    const line = (label: string, xs: number[]) =>
      `| ${label} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} |`;
    console.log(`CLI start-up (${smoke ? 'smoke' : 'full'}): ${RUNS} alternating runs each after ${WARMUP} warm-up; Node ${process.version}; load average ${loadAverage()}`);
    console.log('| command | median ms | range ms |');
    console.log('|---|---:|---:|');
    console.log(line('node -e 0', bareMs));
    console.log(line(`wxtoken token ${ACCOUNT} (cache hit)`, oursMs));
    const ratios = oursMs.map((ms, i) => ms / bareMs[i]);
    console.log(
      `ratio of medians: ${(median(oursMs) / median(bareMs)).toFixed(2)} (target <= ${TARGET}); per-pair ratios median ${median(ratios).toFixed(2)}, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
    );
  } finally {
    await fixture.close();
  }
}

main().catch((err) => {
  console.error(`CLI start-up bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
