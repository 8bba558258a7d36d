/**
 * The CLI against what a real machine does to its data folder: processes killed half-way, a full disk, a
 * folder that is a file, read-only, someone else's, or the user's home. Real child processes, the real
 * keychain, the simulator on 127.0.0.1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, readdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliCommand, cliSandbox, startCli, type CliResult, type CliSandbox } from '../../support/cli';
import { startHungDbus } from '../../support/keychain/keychain';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

const STABLE_PATH = '/cgi-bin/stable_token';
/** The CLI waits up to 30 s for a lock held by a live process; a lock nobody holds must cost far less. */
const PROMPTLY_MS = 20_000;
const isRoot = process.getuid?.() === 0;
const canUnshare = process.platform === 'linux' && isRoot && spawnSync('unshare', ['-m', 'true']).status === 0;

/** Runs the CLI (from source) through a shell prefix or as another user, as `runCli` runs it otherwise. */
function runCliAs(args: string[], options: { env: Record<string, string>; shell?: string; uid?: number; timeoutMs?: number }): Promise<CliResult> {
  const command = cliCommand(args);
  const [file, argv] = options.shell ? ['sh', ['-c', `${options.shell}; exec "$@"`, 'sh', ...command]] : [command[0], command.slice(1)];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: tmpdir(),
      env: { ...process.env, WXTOKEN_LANG: 'en', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Checks `test` every 20 ms until it holds (or fails after `ms`): waiting for another process's state. */
async function until(test: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('the awaited state never came');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lockFiles = async (home: string) => (await readdir(join(home, 'locks')).catch(() => [] as string[])).filter((n) => n.endsWith('.lock'));

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken CLI and its data folder', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  const add = (extra: string[] = [], env: Record<string, string> = {}) =>
    cli.run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url, ...extra], { input: `${DEMO_ACCOUNT.secret}\n`, env });

  beforeAll(async () => {
    sim = await startSimulator();
    sim.addAccount(DEMO_ACCOUNT);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    sim.resetCounts();
    sim.setFault('*', undefined);
    sim.setFault(STABLE_PATH, undefined);
  });
  afterEach(() => cli.cleanup());

  describe('locks that nobody holds', () => {
    it('a fetch killed while it held the lock, its lock file left empty, does not hold up the next fetch', async () => {
      expect((await add()).code).toBe(0);
      sim.setFault(STABLE_PATH, { kind: 'hang' }, 1);
      const hung = startCli(['token', 'prod'], { env: cli.env });
      await until(() => sim.count(STABLE_PATH) === 1);
      hung.child.kill('SIGKILL');
      await hung.exited;
      // What a kill between creating the lock file and writing its owner leaves.
      const [lock] = await lockFiles(cli.home);
      expect(lock).toBeDefined();
      await truncate(join(cli.home, 'locks', lock), 0);
      sim.resetCounts();

      const started = Date.now();
      const token = await cli.run(['token', 'prod'], { timeoutMs: 28_000 });
      expect(token.stderr).toBe('');
      expect(token.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(PROMPTLY_MS);
      expect(sim.count(STABLE_PATH)).toBe(1);
      expect(await lockFiles(cli.home)).toEqual([]);
    });

    it('a fetch that cannot write its lock file (the disk is full) fails with a storage error and leaves no lock behind', async () => {
      expect((await add()).code).toBe(0);
      // A file-size limit of 0: every write to a file fails (EFBIG) as it would on a full disk (ENOSPC).
      const full = await runCliAs(['token', 'prod'], { env: { ...cli.env, TSX_DISABLE_CACHE: '1' }, shell: 'ulimit -f 0' });
      expect(full.code).toBe(1);
      expect(full.stderr).toContain('[storage]');
      expect(full.stderr).toContain(join(cli.home, 'locks'));
      expect(await lockFiles(cli.home)).toEqual([]);

      const started = Date.now();
      const token = await cli.run(['token', 'prod'], { timeoutMs: 28_000 });
      expect(token.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(PROMPTLY_MS);
      expect(sim.count(STABLE_PATH)).toBe(1);
    });
  });

  describe('account add cut off half-way', () => {
    it('killed between the accounts file and the keychain, the same add run again completes the account', async () => {
      const hung = await startHungDbus();
      try {
        // The keychain never answers: the add writes the accounts file, then waits on the keychain — killed there.
        const half = startCli(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url], {
          env: { ...cli.env, DBUS_SESSION_BUS_ADDRESS: hung.address },
        });
        half.child.stdin.end(`${DEMO_ACCOUNT.secret}\n`);
        await until(async () => (await readFile(join(cli.home, 'accounts.json'), 'utf8').catch(() => '')).includes(DEMO_ACCOUNT.appid));
        half.child.kill('SIGKILL');
        await half.exited;
      } finally {
        await hung.close();
      }
      const left = JSON.parse((await cli.run(['account', 'list', '--json'])).stdout) as { name: string; has_secret: boolean }[];
      expect(left).toMatchObject([{ name: 'prod', has_secret: false }]);

      // An add that describes another account does not take the half-added one over…
      const other = await cli.run(['account', 'add', 'prod', '--appid', 'wx0a1b2c3d4e5f6a7b', '--api-base', sim.url], { input: 'othersecret\n' });
      expect(other.code).toBe(2);
      expect(other.stderr).toMatch(/exists already/);
      // …the same add completes it.
      const again = await add();
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(JSON.parse((await cli.run(['account', 'list', '--json'])).stdout)).toMatchObject([{ name: 'prod', has_secret: true }]);
      expect((await cli.run(['token', 'prod'])).code).toBe(0);
      // Complete now: adding it once more is refused as before.
      expect((await add()).code).toBe(2);
    }, 120_000);
  });

  describe('a data folder that cannot be used', () => {
    const expectStorageError = (result: CliResult, path: string) => {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('[storage]');
      expect(result.stderr).toContain(path);
      expect(result.stderr).toMatch(/next: \S/);
      expect(result.stderr).not.toContain('Internal error');
    };

    it('a file where the folder should be is named, in English and Chinese', async () => {
      const file = join(cli.home, 'not-a-folder');
      await writeFile(file, 'x');
      const en = await cli.run(['account', 'list'], { env: { WXTOKEN_HOME: file } });
      expectStorageError(en, file);
      expect(en.stderr).toContain('not a folder');
      const zh = await cli.run(['account', 'list'], { env: { WXTOKEN_HOME: join(file, 'sub'), WXTOKEN_LANG: 'zh' } });
      expect(zh.code).toBe(1);
      expect(zh.stderr).toContain(join(file, 'sub'));
      expect(zh.stderr).toContain('下一步');
      expect(zh.stderr).not.toContain('内部错误');
    });

    it.skipIf(!canUnshare)('a read-only folder (a read-only bind mount) is named', async () => {
      const home = join(cli.home, 'ro');
      await mkdir(home, { mode: 0o700 });
      const command = cliCommand(['account', 'list']).map((a) => `'${a}'`).join(' ');
      const result = await runCliAs([], {
        env: { WXTOKEN_HOME: home },
        shell: `exec unshare -m sh -c "mount --bind '${home}' '${home}' && mount -o remount,bind,ro '${home}' && exec ${command}"`,
      });
      expectStorageError(result, home);
      expect(result.stderr).toContain('EROFS');
    });

    it.skipIf(!isRoot)("another user's folder is refused, and one this user may not write to is named (run as uid 65534)", async () => {
      const theirs = join(cli.home, 'theirs');
      await mkdir(theirs, { mode: 0o755 });
      await chown(theirs, 65534, 65534);
      const refused = await cli.run(['account', 'list'], { env: { WXTOKEN_HOME: theirs } });
      expectStorageError(refused, theirs);
      expect(refused.stderr).toContain('another user');
      expect((await stat(theirs)).mode & 0o777).toBe(0o755);

      await chmod(cli.home, 0o755);
      const readOnly = join(cli.home, 'read-only');
      await mkdir(readOnly, { mode: 0o500 });
      await chown(readOnly, 65534, 65534);
      const asNobody = await runCliAs(['account', 'list'], { env: { WXTOKEN_HOME: readOnly }, uid: 65534 });
      expectStorageError(asNobody, readOnly);
      expect(asNobody.stderr).toContain('EACCES');
      expect((await stat(readOnly)).mode & 0o777).toBe(0o500);
    });

    it('a discovery file that cannot be written stops serve with a storage error naming it', async () => {
      await mkdir(join(cli.home, 'server.json'));
      const serve = await cli.run(['serve', '--port', '0'], { timeoutMs: 20_000 });
      expectStorageError(serve, join(cli.home, 'server.json'));
      expect(serve.stderr).toContain('EISDIR');
    });
  });

  describe('folder modes', () => {
    it('leaves an existing folder (WXTOKEN_HOME=$HOME) as it is; creates its own folders owner-only, files 0600', async () => {
      await chmod(cli.home, 0o755);
      expect((await add()).code).toBe(0);
      expect((await cli.run(['token', 'prod'])).code).toBe(0);
      expect((await stat(cli.home)).mode & 0o777).toBe(0o755);
      for (const file of await cli.files()) expect((await stat(file.path)).mode & 0o777, file.path).toBe(0o600);
      expect((await stat(join(cli.home, 'locks'))).mode & 0o777).toBe(0o700);

      const fresh = join(cli.home, 'new', 'wxtoken');
      expect((await cli.run(['account', 'list'], { env: { WXTOKEN_HOME: fresh } })).code).toBe(0);
      expect((await stat(fresh)).mode & 0o777).toBe(0o700);
    });

    it('keeps its compiled code (a start-up cache) in a private data folder, never in one others can write to', async () => {
      // As for a user who has not set NODE_COMPILE_CACHE (the test run shares one: scripts/compile-cache.mjs).
      const env = { NODE_COMPILE_CACHE: undefined };
      expect((await cli.run(['account', 'list'], { env })).code).toBe(0);
      expect((await readdir(cli.home)).includes('compile-cache')).toBe(true);

      const shared = join(cli.home, 'shared');
      await mkdir(shared);
      await chmod(shared, 0o777);
      expect((await cli.run(['account', 'list'], { env: { ...env, WXTOKEN_HOME: shared } })).code).toBe(0);
      expect((await cli.run(['account', 'list'], { env: { ...env, WXTOKEN_HOME: shared } })).code).toBe(0);
      expect(await readdir(shared)).not.toContain('compile-cache');
    });
  });

  describe('leftovers of killed processes', () => {
    it('removes old temp files and broken locks of dead processes, never a live writer’s', async () => {
      // What a process killed inside writeFileAtomic, or inside breaking a lock, leaves: named as they name them.
      const dead = deadPid();
      await mkdir(join(cli.home, 'locks'), { recursive: true });
      const old = new Date(Date.now() - 2 * 60_000);
      const gone = [join(cli.home, `.accounts.json.${dead}.0123456789ab.tmp`), join(cli.home, 'locks', `k.lock.broken-${dead}-01234567`)];
      const kept = [
        join(cli.home, `.tokens.json.${dead}.0123456789ab.tmp`), // dead, but only just written
        join(cli.home, `.settings.json.${process.pid}.0123456789ab.tmp`), // old, but its writer lives
      ];
      for (const file of [...gone, ...kept]) await writeFile(file, '{}');
      for (const file of [...gone, kept[1]]) await utimes(file, old, old);

      expect((await cli.run(['account', 'list'])).code).toBe(0);
      for (const file of gone) await expect(stat(file), file).rejects.toThrow();
      for (const file of kept) await expect(stat(file), file).resolves.toBeTruthy();
    });
  });
});

/** A PID that belonged to a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}
