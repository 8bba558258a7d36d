import { statSync } from 'node:fs';
import { errnoCode, storageFailure } from './atomic-file';

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
