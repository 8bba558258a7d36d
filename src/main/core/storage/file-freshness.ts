import { statSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { errnoCode, storageFailure } from './atomic-file';

/**
 * Whether an in-memory copy of a file may be used without even a `stat`: a watch on its folder (inotify,
 * FSEvents) marks the copy stale the moment any process replaces the file, and the copy is re-checked at
 * least every `maxAgeMs` anyway. Without a watcher every read checks. Notifications arrive a moment after
 * the write, so code that must see another process's write at once (under a lock) reads fresh.
 */
export class FileFreshness {
  private trustedUntil = 0;
  private watcher?: FSWatcher;

  /** `watch` false: no watcher (a process that reads the file once has no copy worth keeping). */
  constructor(
    private readonly file: string,
    watch = true,
    private readonly maxAgeMs = 1000,
  ) {
    if (watch) this.watch();
  }

  private watch(): void {
    try {
      const name = path.basename(this.file);
      this.watcher = watchFolder(path.dirname(this.file), { persistent: false }, (_event, changed) => {
        if (!changed || changed === name) this.trustedUntil = 0;
      });
      this.watcher.on('error', () => this.close());
    } catch {
      // No watcher on this file system: every read checks the file's signature.
    }
  }

  trusted(): boolean {
    return this.watcher !== undefined && Date.now() < this.trustedUntil;
  }

  /** After the copy was checked against the file (or written to it). */
  checked(): void {
    this.trustedUntil = Date.now() + this.maxAgeMs;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.trustedUntil = 0;
  }
}

/**
 * mtime/size/inode of a file, or null when it does not exist: an in-memory copy stays good while this is
 * unchanged. Synchronous on purpose: it sits on the cache-hit path of every token request, where one stat
 * syscall costs a few microseconds and a trip through libuv's thread pool costs ten times that.
 */
export function fileSignature(file: string): string | null {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.mtimeNs}:${s.size}:${s.ino}`;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw storageFailure(err, file);
  }
}
