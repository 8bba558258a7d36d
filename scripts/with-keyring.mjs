#!/usr/bin/env node
// Runs a command inside a private D-Bus session with a private, unlocked gnome-keyring, so it uses the real
// Secret Service without touching the user's own keyring: `node scripts/with-keyring.mjs [--loopback-only] CMD …`.
// The keyring lives in a temporary folder that is removed afterwards. Exits with the command's code.
// --loopback-only (tests, benchmarks): where we are root and `unshare` + `ip` exist, the command also runs in
// a network namespace that has nothing but loopback, so no test can reach anything off this machine.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const loopbackOnly = argv[0] === '--loopback-only';
if (loopbackOnly) argv.shift();
const [cmd, ...args] = argv;
if (!cmd) {
  console.error('usage: node scripts/with-keyring.mjs COMMAND [ARGS…]');
  process.exit(2);
}

function canIsolateNetwork() {
  if (process.getuid?.() !== 0 || process.env.WXTOKEN_NO_NETNS) return false;
  return spawnSync('unshare', ['--net', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' }).status === 0;
}

function need(bin, pkg) {
  if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) {
    console.error(`"${bin}" is missing (Debian package ${pkg}): run scripts/install-test-deps.sh`);
    process.exit(2);
  }
}

if (!process.env.WXTOKEN_PRIVATE_BUS) {
  need('dbus-run-session', 'dbus');
  need('gnome-keyring-daemon', 'gnome-keyring');
  // Ctrl+C reaches every process of the terminal's group. The session bus (and with it the keyring) must
  // outlive the command's own clean-up, and this process must not end before it: dbus-run-session and its
  // dbus-daemon ignore SIGINT and end when the command does (Node resets the signal for its own processes).
  const session = ['sh', '-c', 'trap "" INT && exec "$@"', 'sh', 'dbus-run-session', '--', process.execPath, fileURLToPath(import.meta.url), cmd, ...args];
  const isolate = loopbackOnly && canIsolateNetwork();
  const command = isolate ? ['unshare', '--net', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', ...session] : session;
  if (loopbackOnly && !isolate) console.error('(not root, or no unshare/ip: the tests run without a loopback-only network namespace)');
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, WXTOKEN_PRIVATE_BUS: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const keyringHome = mkdtempSync(join(tmpdir(), 'wxtoken-keyring-'));
  const unlock = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--daemonize'], {
    input: 'private-keyring-password',
    env: { ...process.env, XDG_DATA_HOME: keyringHome, XDG_RUNTIME_DIR: keyringHome },
    encoding: 'utf8',
  });
  if (unlock.status !== 0) {
    console.error('could not start gnome-keyring-daemon:', unlock.stderr);
    process.exit(2);
  }
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, WXTOKEN_TEST_KEYRING: '1' } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    rmSync(keyringHome, { recursive: true, force: true });
    process.exit(code ?? (signal ? 1 : 0));
  });
  child.on('error', (err) => {
    console.error(`could not run ${cmd}: ${err.message}`);
    rmSync(keyringHome, { recursive: true, force: true });
    process.exit(127);
  });
}
