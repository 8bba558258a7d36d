#!/usr/bin/env node
// Runs every test (vitest) inside a private D-Bus session with a private unlocked gnome-keyring, then prints
// one closing line: "N passed, N failed, N skipped". Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(root, 'test-results', 'vitest.json');
rmSync(report, { force: true });

const run = spawnSync(
  process.execPath,
  [
    join(root, 'scripts/with-keyring.mjs'),
    '--loopback-only',
    process.execPath,
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: root },
);

let line = '0 passed, 1 failed';
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load has no failed test of its own: count it, so the line never hides it.
  const failed = r.numFailedTests + r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  line = `${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
}
console.log(line);
process.exit(run.status ?? 1);
