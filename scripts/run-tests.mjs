#!/usr/bin/env node
// Runs every test (vitest) inside a private D-Bus session with a private unlocked gnome-keyring, then prints
// one closing line: "N passed, N failed, N skipped". Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shareCompileCache } from './compile-cache.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The project's Node 22 (the `node` devDependency) even when this script is started with an older system
// Node: vitest 5 needs it, and under Node 20 it cannot even print a failure.
const localNode = join(root, 'node_modules', 'node', 'bin', 'node');
const node = existsSync(localNode) ? localNode : process.execPath;
const report = join(root, 'test-results', 'vitest.json');
shareCompileCache(root);
rmSync(report, { force: true });

const run = spawnSync(
  node,
  [
    join(root, 'scripts/with-keyring.mjs'),
    '--loopback-only',
    node,
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  // As under `npm test`: the project's binaries (its Node first) come first on PATH for every child too.
  { stdio: 'inherit', cwd: root, env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` } },
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
