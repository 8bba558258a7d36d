/**
 * A lock shared by every wxtoken process on the machine: one file per key under `<home>/locks/`,
 * created with O_EXCL. Inside one process, callers of a key queue in memory first, so only the head
 * of the queue touches the file system. Not re-entrant: a holder that asks for its own key again waits
 * for itself until the timeout. (Re-entrancy would need AsyncLocalStorage, whose promise hooks slow every
 * promise in the process on Node 22 — a third of the token server's throughput.)
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { appError, withDetail } from '../../../shared/errors/errors';
import { AppFailure } from '../../../shared/result';
import { errnoCode, storageFailure } from './atomic-file';
import { safeFileName } from './paths';
import type { ProcessLock } from '../types';

export interface FileLockOptions {
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /**
   * A lock file not touched for this long is abandoned (the holder refreshes it every third of this while
   * it works). Shorter than the wait, so an owner that cannot be proven dead (another host, a reused
   * PID) is broken within one wait.
   */
  staleMs?: number;
  /** A lock file still empty or unparseable this long after it was last written is abandoned. */
  graceMs?: number;
}

/** A lock file as it was when judged abandoned: an empty file just made by someone else differs from it. */
interface Judged {
  text: string;
  ino: number;
  mtimeMs: number;
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: number;
  nonce: string;
}

export class FileProcessLock implements ProcessLock {
  readonly dir: string;
  private readonly timeoutMs: number;
  private readonly staleMs: number;
  private readonly graceMs: number;
  private readonly queues = new Map<string, Promise<unknown>>();
  private dirReady?: Promise<unknown>;

  constructor(home: string, options: FileLockOptions = {}) {
    this.dir = path.join(home, 'locks');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.staleMs = options.staleMs ?? 10_000;
    this.graceMs = options.graceMs ?? 1_500;
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.holdFile(key, fn));
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    }
  }

  private async holdFile<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const file = path.join(this.dir, `${safeFileName(key)}.lock`);
    const owner = await this.acquire(key, file);
    const heartbeat = setInterval(() => {
      const now = new Date();
      utimes(file, now, now).catch(() => undefined);
    }, Math.max(50, Math.floor(this.staleMs / 3)));
    heartbeat.unref();
    try {
      return await fn();
    } finally {
      clearInterval(heartbeat);
      await release(file, owner);
    }
  }

  private async acquire(key: string, file: string): Promise<LockOwner> {
    this.dirReady ??= mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.dirReady.catch((err) => {
      this.dirReady = undefined;
      throw storageFailure(err, this.dir);
    });
    const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: Date.now(), nonce: randomBytes(8).toString('hex') };
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      if (await create(file, owner)) return owner;
      const abandoned = await this.abandoned(file);
      if (abandoned !== undefined) {
        await breakLock(file, abandoned);
        continue;
      }
      if (Date.now() >= deadline) throw lockTimeout(key, this.timeoutMs);
      // Jittered backoff from ~5 ms up to ~100 ms: waiters neither spin nor move in lockstep.
      const base = Math.min(100, 5 * 2 ** Math.min(attempt, 5));
      await sleep(Math.min(base * (0.5 + Math.random()), Math.max(1, deadline - Date.now())));
    }
  }

  /**
   * What the lock file looked like, if its holder's process is gone (same machine), it has not touched the file for
   * `staleMs`, or the file has held no readable owner for `graceMs` (its creator died, or the disk filled,
   * between creating it and writing to it); otherwise undefined.
   */
  private async abandoned(file: string): Promise<Judged | undefined> {
    let info;
    let text;
    try {
      [info, text] = await Promise.all([stat(file), readFile(file, 'utf8')]);
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return undefined; // released meanwhile: just try again
      throw storageFailure(err, file);
    }
    const judged = { text, ino: info.ino, mtimeMs: info.mtimeMs };
    const age = Date.now() - info.mtimeMs;
    if (age > this.staleMs) return judged;
    const owner = parseOwner(text);
    if (owner === undefined) return age > this.graceMs ? judged : undefined;
    return owner.host === hostname() && !isAlive(owner.pid) ? judged : undefined;
  }
}

/**
 * Creates the lock file with its owner in it; false if it exists already. If the owner cannot be written
 * (a full disk, say), the empty file is removed again so that nobody waits for it.
 */
async function create(file: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw storageFailure(err, file);
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
    await handle.close();
    return true;
  } catch (err) {
    const mine = await handle.stat().catch(() => undefined);
    await handle.close().catch(() => undefined);
    const there = await stat(file).catch(() => undefined);
    // Only if the file there is still the one this process created.
    if (mine && there && mine.ino === there.ino && mine.dev === there.dev) await unlink(file).catch(() => undefined);
    throw storageFailure(err, file);
  }
}

/**
 * Moves the abandoned file away under a unique name, then checks it is the file that was judged
 * abandoned: two waiters may judge the same lock, and the slower one must not take away the fresh
 * lock the faster one has just made — if it did, that lock is put back.
 */
async function breakLock(file: string, judged: Judged): Promise<void> {
  const aside = `${file}.broken-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return;
    throw storageFailure(err, file);
  }
  const [movedInfo, moved] = await Promise.all([stat(aside), readFile(aside, 'utf8')]).catch(() => [undefined, undefined]);
  const same = movedInfo === undefined || (movedInfo.ino === judged.ino && movedInfo.mtimeMs === judged.mtimeMs && moved === judged.text);
  if (!same) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function release(file: string, owner: LockOwner): Promise<void> {
  try {
    const current = parseOwner(await readFile(file, 'utf8'));
    // If this lock was broken as abandoned, the file now belongs to someone else: leave it.
    if (current?.nonce === owner.nonce) await unlink(file);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw storageFailure(err, file);
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as LockOwner;
    return typeof value?.pid === 'number' && typeof value.nonce === 'string' ? value : undefined;
  } catch {
    return undefined; // being written right now (for a moment), or left half-written: the grace bound breaks it
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}

function lockTimeout(key: string, ms: number): AppFailure {
  const base = appError('storage');
  return new AppFailure({
    ...base,
    message: withDetail(
      { zh: '等待另一个 wxtoken 进程释放锁超时', en: 'Timed out waiting for another wxtoken process to release a lock' },
      `${key} (${Math.round(ms / 1000)} s)`,
    ),
    next: {
      zh: '另一个 wxtoken 进程（桌面应用、CLI 或 serve）正在获取 token 或写入数据，稍后重试',
      en: 'Another wxtoken process (the app, the CLI or serve) is fetching a token or writing data: retry in a moment',
    },
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
