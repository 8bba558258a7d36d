import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import { AppFailure } from '../../../src/shared/result';

let home: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-lock-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(home, { recursive: true, force: true });
});

/** `shell`: a prefix run by sh before the child (e.g. a ulimit). */
function child(env: Record<string, string>, shell?: string): ChildProcess {
  const command = [process.execPath, '--import', 'tsx', 'test/support/lock-child.ts'];
  const [file, args] = shell ? ['sh', ['-c', `${shell}; exec "$@"`, 'sh', ...command]] : [command[0], command.slice(1)];
  const proc = spawn(file, args, {
    cwd: join(__dirname, '..', '..', '..'),
    env: { ...process.env, LOCK_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  return proc;
}

function exited(proc: ChildProcess): Promise<void> {
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) =>
    proc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code}: ${err}`)))),
  );
}

function saidHeld(proc: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => String(d).includes('held') && resolve());
    proc.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
}

describe('FileProcessLock', () => {
  it('loses no update when two processes increment one counter 200 times each', async () => {
    const counter = join(home, 'counter');
    await writeFile(counter, '0');
    await Promise.all([1, 2].map(() => exited(child({ LOCK_MODE: 'count', LOCK_COUNTER: counter, LOCK_TIMES: '200' }))));
    expect(await readFile(counter, 'utf8')).toBe('400');
    expect(await readdir(join(home, 'locks'))).toEqual([]);
  }, 60_000);

  it('breaks the lock of a holder that died, without waiting for the stale bound', async () => {
    const holder = child({ LOCK_MODE: 'hold', LOCK_KEY: 'k' });
    await saidHeld(holder);
    const gone = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await gone;
    const lock = new FileProcessLock(home, { timeoutMs: 20_000, staleMs: 10 * 60_000 });
    expect(await lock.withLock('k', async () => 'mine')).toBe('mine');
  });

  it('breaks a lock nobody has touched for longer than the stale bound, even if its pid lives', async () => {
    await mkdir(join(home, 'locks'));
    const file = join(home, 'locks', 'k.lock');
    await writeFile(file, JSON.stringify({ pid: process.pid, host: 'elsewhere', startedAt: 0, nonce: 'old' }));
    const past = new Date(Date.now() - 5 * 60_000);
    await utimes(file, past, past);
    const lock = new FileProcessLock(home, { timeoutMs: 20_000, staleMs: 60_000 });
    expect(await lock.withLock('k', async () => 'mine')).toBe('mine');
  });

  it('abandons an empty or half-written lock file after a short grace, with the default bounds', async () => {
    await mkdir(join(home, 'locks'));
    // What a holder killed between creating the file and finishing its owner leaves behind.
    await writeFile(join(home, 'locks', 'empty.lock'), '');
    await writeFile(join(home, 'locks', 'half.lock'), '{"pid":12');
    const lock = new FileProcessLock(home);
    const started = Date.now();
    expect(await Promise.all([lock.withLock('empty', async () => 'a'), lock.withLock('half', async () => 'b')])).toEqual(['a', 'b']);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 15_000);

  it('with the default bounds, breaks an owner it cannot check (another host) well within one wait', async () => {
    await mkdir(join(home, 'locks'));
    const file = join(home, 'locks', 'k.lock');
    await writeFile(file, JSON.stringify({ pid: process.pid, host: 'elsewhere', startedAt: 0, nonce: 'old' }));
    // Unrefreshed for 11 s: its holder's heartbeat would have touched it every few seconds.
    const past = new Date(Date.now() - 11_000);
    await utimes(file, past, past);
    const lock = new FileProcessLock(home);
    const started = Date.now();
    expect(await lock.withLock('k', async () => 'mine')).toBe('mine');
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 15_000);

  it.skipIf(process.platform === 'win32')('leaves no lock file behind when writing its owner fails (a full disk)', async () => {
    // A file-size limit of 0 makes the owner's write fail (EFBIG) as a full disk would (ENOSPC).
    const failed = child({ LOCK_MODE: 'once', LOCK_KEY: 'k', TSX_DISABLE_CACHE: '1' }, 'ulimit -f 0');
    await expect(exited(failed)).rejects.toThrow(/EFBIG/);
    expect(await readdir(join(home, 'locks'))).toEqual([]);
    const lock = new FileProcessLock(home, { timeoutMs: 1_000 });
    expect(await lock.withLock('k', async () => 'mine')).toBe('mine');
  });

  it('keeps a live holder’s lock fresh: a waiter never breaks it, however long it waits', async () => {
    const holder = child({ LOCK_MODE: 'hold', LOCK_KEY: 'live', LOCK_STALE_MS: '300' });
    await saidHeld(holder);
    const lock = new FileProcessLock(home, { staleMs: 300, timeoutMs: 1_500 });
    await expect(lock.withLock('live', async () => 'stolen')).rejects.toMatchObject({ error: { code: 'storage' } });
  });

  it('gives up with a storage error while a live process holds the lock', async () => {
    const holder = child({ LOCK_MODE: 'hold', LOCK_KEY: 'busy' });
    await saidHeld(holder);
    const lock = new FileProcessLock(home, { timeoutMs: 300 });
    const attempt = lock.withLock('busy', async () => 'never');
    await expect(attempt).rejects.toBeInstanceOf(AppFailure);
    await expect(attempt).rejects.toMatchObject({ error: { code: 'storage' } });
  });

  it('releases the lock when the holder throws', async () => {
    const lock = new FileProcessLock(home, { timeoutMs: 2_000 });
    await expect(lock.withLock('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(join(home, 'locks'))).toEqual([]);
    const other = new FileProcessLock(home, { timeoutMs: 2_000 });
    expect(await other.withLock('k', async () => 'next')).toBe('next');
  });

  it('runs 100 concurrent callers in one process one at a time, in order', async () => {
    const lock = new FileProcessLock(home);
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        lock.withLock('k', async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setImmediate(resolve));
          order.push(i);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
