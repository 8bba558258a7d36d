#!/usr/bin/env node
// Runs Doyensec's electronegativity over src/ (and out/ when built; or the folders given as arguments) without letting it go online, writes
// its findings to test-results/electronegativity-<input>.csv, prints them, and exits 1 when any finding
// is HIGH severity (the tool itself always exits 0).
//
// Offline: the tool fetches translations from S3 on every run and the AvailableSecurityFixes check
// downloads Electron's release list. That check is excluded, and `got` (its only HTTP client) is
// replaced by a stub that refuses, so nothing leaves the machine.
import { existsSync, mkdirSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
const toolDir = join(dirname(runnerPath));

/** Checks that need the network: excluded (the run must work offline). */
const EXCLUDED = [
  'AvailableSecurityFixesGlobalCheck', // downloads Electron's release list
];

function stubGot() {
  const refuse = () => Promise.reject(new Error('network disabled by scripts/electronegativity.mjs'));
  const stub = Object.assign(refuse, { get: refuse, post: refuse, extend: () => stub });
  for (const from of [join(toolDir, 'locales', 'i18n.js'), join(toolDir, 'finder', 'checks', 'GlobalChecks', 'x.js')]) {
    const gotPath = createRequire(from).resolve('got');
    const mod = new Module(gotPath);
    mod.filename = gotPath;
    mod.loaded = true;
    mod.exports = stub;
    require.cache[gotPath] = mod;
  }
}

async function scan(run, input, outDir) {
  const name = relative(root, input).replace(/[\\/]/g, '-').replace(/^[.-]+/, '') || 'input';
  const output = join(outDir, `electronegativity-${name}.csv`);
  const result = await run({
    input,
    output,
    isSarif: false,
    customScan: [],
    excludeFromScan: EXCLUDED,
    isRelative: true,
    isVerbose: false,
    // Electron 45 is the version in package.json; the tool would otherwise guess.
    electronVersionOverride: require('electron/package.json').version,
    parserPlugins: [],
  });
  return { input: name, output, ...result };
}

async function main() {
  process.env.LANG = 'en-US';
  stubGot();
  const run = require(runnerPath);
  const outDir = join(root, 'test-results');
  mkdirSync(outDir, { recursive: true });
  const args = process.argv.slice(2);
  const inputs = (args.length ? args.map((d) => resolve(d)) : ['src', 'out'].map((d) => join(root, d))).filter((d) => existsSync(d));
  let high = 0;
  for (const input of inputs) {
    const r = await scan(run, input, outDir);
    console.log(`\n${r.input}: ${r.issues.length} finding(s) from ${r.atomicChecks} atomic + ${r.globalChecks} global checks -> ${relative(root, r.output)}`);
    for (const issue of r.issues) {
      const severity = issue.severity.name;
      if (severity === 'HIGH') high++;
      console.log(`  ${severity.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${issue.file}:${issue.location.line}:${issue.location.column}`);
    }
    for (const e of r.errors.filter((e) => !e.tolerable)) console.log(`  parse error: ${relative(root, e.file)}: ${e.message}`);
  }
  console.log(`\n${high} HIGH-severity finding(s)`);
  // exitCode, not exit(): the tool writes its CSV asynchronously.
  process.exitCode = high > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exitCode = 2;
});
