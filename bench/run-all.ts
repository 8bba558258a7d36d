/**
 * Runs every benchmark one after the other (each in its own process), passing the arguments on:
 * `npm run bench` by hand, `npm run bench -- --smoke` in CI (fewer iterations; only checks they hold).
 * Needs a keychain: `npm run bench` provides a private one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const benches = ['token-engine.ts', 'server-throughput.ts', 'cli-startup.ts', 'shared-hit.ts', 'renderer.ts'];
const args = process.argv.slice(2);
let failed = 0;
for (const bench of benches) {
  const file = join(__dirname, bench);
  if (!existsSync(file)) continue;
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench ${bench} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
