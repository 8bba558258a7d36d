#!/usr/bin/env node
// `npm test`: the checks, then every test (scripts/run-tests.mjs, which prints the closing "N passed" line).
// Type-checking needs nothing else, so it runs beside build → security scan → benchmark smoke run (each of
// those needs the one before); its output is held back and printed after theirs, so the two never interleave.
// Nothing is tested when a check fails; the exit code is the first failure's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmRun(script, args = [], quiet = false) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script, ...(args.length ? ['--', ...args] : [])], { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    child.on('error', (err) => resolve({ script, code: 127, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
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
