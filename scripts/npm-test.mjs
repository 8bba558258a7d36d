#!/usr/bin/env node
// `npm test`: the checks, then every test (scripts/run-tests.mjs, which prints the closing "N passed" line).
// Type-checking needs nothing else, so it runs beside build → security scan → benchmark smoke run (each of
// those needs the one before); its output is held back and printed after theirs, so the two never interleave.
// Nothing is tested when a check fails; the exit code is the first failure's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { shareCompileCache } from './compile-cache.mjs';
import { runCaptured } from './run-captured.mjs';

shareCompileCache(fileURLToPath(new URL('..', import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function npmRun(script, args = [], quiet = false) {
  const argv = ['run', script, ...(args.length ? ['--', ...args] : [])];
  if (quiet) return { script, ...(await runCaptured(npm, argv)) };
  return new Promise((resolve) => {
    const child = spawn(npm, argv, { stdio: 'inherit' });
    child.on('error', () => resolve({ script, code: 127 }));
    child.on('close', (code) => resolve({ script, code: code ?? 1 }));
  });
}

async function inOrder(steps) {
  for (const [script, args] of steps) {
    const result = await npmRun(script, args);
    if (result.code !== 0) return result;
  }
  return { code: 0 };
}

const [typecheck, checks] = await Promise.all([
  npmRun('typecheck', [], true),
  inOrder([
    ['build'],
    ['security'],
    ['bench', ['--smoke']],
  ]),
]);
process.stdout.write(typecheck.output);
const failed = [typecheck, checks].find((r) => r.code !== 0);
if (failed) {
  console.error(`npm test: \`npm run ${failed.script}\` failed (exit ${failed.code}); no test was run`);
  process.exit(failed.code);
}
const tests = spawn(process.execPath, [fileURLToPath(new URL('./run-tests.mjs', import.meta.url))], { stdio: 'inherit' });
tests.on('close', (code) => process.exit(code ?? 1));
