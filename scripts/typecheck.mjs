#!/usr/bin/env node
// `npm run typecheck`: the three tsconfigs (main and preload, renderer, tests) checked at the same time, each
// incrementally (its .tsbuildinfo in .cache/typecheck/, so an unchanged file is not checked again), by
// TypeScript 7 (the native compiler, the `typescript-native` devDependency): on 2 cores it checks all three in
// ~15 CPU-s where TypeScript 5.9 took ~36. Prints each check's errors under its name and exits 1 when any fails.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaptured } from './run-captured.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript-native', 'bin', 'tsc');
const cache = join(root, '.cache', 'typecheck');
mkdirSync(cache, { recursive: true });

async function check(name) {
  const args = [tsc, '-p', `tsconfig.${name}.json`, '--noEmit', '--incremental', '--tsBuildInfoFile', join(cache, `${name}.tsbuildinfo`)];
  return { name, ...(await runCaptured(process.execPath, args, { cwd: root })) };
}

const results = await Promise.all(['node', 'web', 'test'].map(check));
for (const { name, code, output } of results) {
  if (code !== 0) process.stdout.write(`tsconfig.${name}.json:\n${output}`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
