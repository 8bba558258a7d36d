/**
 * What killed processes leave in the data folder: the temp files of atomic writes
 * (`.<name>.<pid>.<random>.tmp`) and lock files moved aside to be broken (`<key>.lock.broken-<pid>-<random>`).
 * Removed once they are a minute old and their process is gone (or a day old: a PID can be reused).
 * A live writer's temp file exists for milliseconds, so it is never touched.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './process-lock';

const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
const BROKEN_LOCK = /\.lock\.broken-(\d+)-[0-9a-f]{8}$/;
const MIN_AGE_MS = 60_000;
const MAX_AGE_MS = 24 * 60 * 60_000;

/** Sweeps the folders wxtoken writes into; returns the paths removed. Never fails. */
export async function sweepLeftovers(home: string): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of [home, path.join(home, 'history'), path.join(home, 'locks')]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number((TEMP_FILE.exec(name) ?? BROKEN_LOCK.exec(name))?.[1]);
      if (!pid) continue;
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => undefined);
      const age = info ? Date.now() - info.mtimeMs : 0;
      if (!info?.isFile() || age < MIN_AGE_MS || (age < MAX_AGE_MS && isAlive(pid))) continue;
      if (await unlink(file).then(() => true, () => false)) removed.push(file);
    }
  }
  return removed;
}
