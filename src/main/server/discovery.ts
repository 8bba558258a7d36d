/**
 * `<home>/server.json`: how local programs find a running server (its URL, port and key). It holds the key,
 * so it is owner-only (0600), written atomically, and removed on close if it still describes this server.
 */
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { storageFailure, writeFileAtomic } from '../core/atomic-file';

export const DISCOVERY_FILE = 'server.json';

export interface Discovery {
  url: string;
  port: number;
  pid: number;
  key: string;
}

export const discoveryPath = (home: string) => path.join(home, DISCOVERY_FILE);

export async function writeDiscovery(home: string, info: Discovery): Promise<void> {
  const file = discoveryPath(home);
  await writeFileAtomic(file, `${JSON.stringify(info, null, 2)}\n`, 0o600).catch((err: unknown) => {
    throw storageFailure(err, file);
  });
}

/** Removes the file unless another server has replaced it since. */
export async function removeDiscovery(home: string, key: string): Promise<void> {
  const file = discoveryPath(home);
  try {
    const current = JSON.parse(await readFile(file, 'utf8')) as Partial<Discovery>;
    if (current.key !== key) return;
  } catch {
    // Missing or unreadable: there is nothing of ours to remove, or it is junk worth removing.
  }
  await unlink(file).catch(() => undefined);
}
