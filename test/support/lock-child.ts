/**
 * A second process for the lock tests. LOCK_MODE=count: adds 1 to the number in LOCK_COUNTER,
 * LOCK_TIMES times, each under the lock (read, yield, write: loses updates without the lock).
 * LOCK_MODE=hold: takes the lock, prints "held", and never lets go (the test kills it).
 * LOCK_MODE=once: takes the lock and lets go (exit 1 with the error if it could not).
 * LOCK_STALE_MS: the lock's stale bound (default: the lock's own).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { FileProcessLock } from '../../src/main/core/storage/process-lock';

const staleMs = process.env.LOCK_STALE_MS ? Number(process.env.LOCK_STALE_MS) : undefined;
const lock = new FileProcessLock(process.env.LOCK_HOME!, { staleMs });
const key = process.env.LOCK_KEY ?? 'counter';

async function hold(): Promise<void> {
  await lock.withLock(key, async () => {
    process.stdout.write('held\n');
    await new Promise(() => setInterval(() => undefined, 1000));
  });
}

async function count(): Promise<void> {
  const file = process.env.LOCK_COUNTER!;
  for (let i = 0; i < Number(process.env.LOCK_TIMES); i++) {
    await lock.withLock(key, async () => {
      const value = Number(await readFile(file, 'utf8'));
      await new Promise((resolve) => setImmediate(resolve));
      await writeFile(file, String(value + 1));
    });
  }
}

const modes: Record<string, () => Promise<void>> = { hold, count, once: () => lock.withLock(key, async () => undefined) };
modes[process.env.LOCK_MODE ?? 'count']().catch((err) => {
  console.error(err);
  process.exit(1);
});
