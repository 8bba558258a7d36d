#!/usr/bin/env node
// Runs every test inside a private D-Bus session with a private, unlocked gnome-keyring (so tests use
// the real Secret Service without touching the user's own keyring), then prints one closing line:
// "N passed, N failed, N skipped". Extra arguments go to vitest (e.g. a file filter).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function need(cmd, pkg) {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    console.error(`wxtoken tests need "${cmd}" (Debian package ${pkg}); run scripts/install-test-deps.sh`);
    process.exit(2);
  }
}

if (!process.env.WXTOKEN_TEST_BUS) {
  need('dbus-run-session', 'dbus');
  need('gnome-keyring-daemon', 'gnome-keyring');
  const child = spawn('dbus-run-session', ['--', process.execPath, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, WXTOKEN_TEST_BUS: '1' },
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const keyringHome = mkdtempSync(join(tmpdir(), 'wxtoken-keyring-'));
  const unlock = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--daemonize'], {
    input: 'test-keyring-password',
    env: { ...process.env, XDG_DATA_HOME: keyringHome, XDG_RUNTIME_DIR: keyringHome },
    encoding: 'utf8',
  });
  if (unlock.status !== 0) {
    console.error('could not start gnome-keyring-daemon:', unlock.stderr);
    process.exit(2);
  }
  const report = join(root, 'test-results', 'vitest.json');
  rmSync(report, { force: true });
  const vitest = spawn(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    { stdio: 'inherit', cwd: root, env: { ...process.env, WXTOKEN_TEST_KEYRING: '1' } },
  );
  vitest.on('exit', (code) => {
    let line = '0 passed, 1 failed';
    if (existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8'));
      const skipped = r.numPendingTests + r.numTodoTests;
      line = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
      if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) line = `${r.numPassedTests} passed, ${r.numFailedTestSuites} failed, ${skipped} skipped`;
    }
    rmSync(keyringHome, { recursive: true, force: true });
    console.log(line);
    process.exit(code ?? 1);
  });
}
