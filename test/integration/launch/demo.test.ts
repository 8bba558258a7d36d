/**
 * `npm run demo` as a newcomer meets it: a terminal without a desktop session (no D-Bus), so the demo makes
 * its own private keyring, and a second shell that pastes the line the demo prints and runs the built CLI.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { probe } from '../../simulator/probe';

const ROOT = join(__dirname, '..', '..', '..');
const exec = promisify(execFile);

/** A fresh shell with nothing but PATH, the pasted line, then the command. */
async function inFreshShell(line: string, args: string[]) {
  const script = `${line}\nexec "$0" bin/wxtoken.cjs "$@"`;
  try {
    const { stdout, stderr } = await exec('sh', ['-c', script, process.execPath, ...args], { cwd: ROOT, env: { PATH: process.env.PATH }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout: string; stderr: string };
    return { code: e.code ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run demo', () => {
  let demo: ReturnType<typeof spawn>;
  let out = '';

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'out/main/cli.js')), 'run `npm run build` first').toBe(true);
    const env = { ...process.env };
    for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'WXTOKEN_PRIVATE_BUS', 'WXTOKEN_TEST_KEYRING', 'DISPLAY']) delete env[name];
    // Its own process group, so the test can press Ctrl+C the way a terminal does: to every process of the demo.
    demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--port', '0'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    demo.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    demo.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    await vi.waitFor(() => expect(out).toContain('Ctrl+C 停止并清理'), { timeout: 60_000, interval: 200 });
  }, 70_000);

  afterAll(() => {
    if (demo.exitCode === null && demo.signalCode === null) process.kill(-demo.pid!, 'SIGKILL');
  });

  it('prints one line with which the built CLI in another shell gets a token and calls the simulator; Ctrl+C cleans up', async () => {
    const line = /^ {2}(export WXTOKEN_HOME=.+)$/m.exec(out)?.[1];
    expect(line, out).toBeDefined();
    const home = /WXTOKEN_HOME='([^']+)'/.exec(line!)![1];
    const simUrl = /SIMULATOR, not WeChat: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
    expect(line).toMatch(/ WXTOKEN_KEYCHAIN_SERVICE='wxtoken-demo-[0-9a-f]+'/);
    expect(line).toMatch(/ DBUS_SESSION_BUS_ADDRESS='unix:[^']+'$/);

    const token = await inFreshShell(line!, ['token', 'demo']);
    expect(token, token.stderr).toMatchObject({ code: 0 });
    const accessToken = token.stdout.trim();
    expect((await probe(`${simUrl}/cgi-bin/getcallbackip?access_token=${encodeURIComponent(accessToken)}`)).json().errcode).toBeUndefined();

    const autoreply = await inFreshShell(line!, ['call', 'demo', 'GET', '/cgi-bin/get_current_autoreply_info']);
    expect(autoreply.code, autoreply.stderr).toBe(0);
    expect(JSON.parse(autoreply.stdout)).toMatchObject({ is_autoreply_open: 1 });

    // What the demo printed before: the folder and the service alone do not reach a keychain on a D-Bus session.
    const withoutBus = line!.replace(/ DBUS_SESSION_BUS_ADDRESS='[^']+'/, '');
    expect((await inFreshShell(withoutBus, ['token', 'demo'])).code).toBe(5);

    // Ctrl+C: the private keyring outlives the clean-up (so the demo's keychain items go too), and the demo
    // ends only after it (its output all read: 'close', not 'exit').
    process.kill(-demo.pid!, 'SIGINT');
    await once(demo, 'close');
    expect(out).toMatch(/Cleaned up: the data folder and [1-9]\d* keychain item\(s\)/);
    expect(existsSync(home)).toBe(false);
  }, 120_000);
});
