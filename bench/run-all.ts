/**
 * Runs every benchmark (each in its own process), passing the arguments on: `npm run bench` by hand, one after
 * the other so that no measurement shares the machine with another; `npm run bench -- --smoke` in CI (fewer
 * iterations; they only have to complete and hold their invariants), all at once, each one's output printed
 * whole when it ends. Needs a keychain: `npm run bench` provides a private one.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const benches = ['token-engine.ts', 'server-throughput.ts', 'cli-startup.ts', 'shared-hit.ts', 'renderer.ts'];
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');

interface Outcome {
  bench: string;
  status: number | string;
  output: string;
}

function run(bench: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, bench), ...args], { stdio: smoke ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    child.on('error', (err) => resolve({ bench, status: err.message, output }));
    child.on('close', (code, signal) => resolve({ bench, status: code ?? signal ?? 'unknown', output }));
  });
}

function report({ bench, status, output }: Outcome): boolean {
  process.stdout.write(output);
  if (status === 0) return true;
  console.error(`bench ${bench} failed (exit ${status})`);
  return false;
}

async function main(): Promise<void> {
  const present = benches.filter((bench) => existsSync(join(__dirname, bench)));
  let failed = 0;
  if (smoke) {
    for (const outcome of await Promise.all(present.map(run))) if (!report(outcome)) failed++;
  } else {
    for (const bench of present) if (!report(await run(bench))) failed++;
  }
  process.exit(failed ? 1 : 0);
}

void main();
