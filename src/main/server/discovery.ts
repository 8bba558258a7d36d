/**
 * `<home>/server.json`: how local programs find a running server (its address, port and token key). It
 * holds the token key, which reads tokens and nothing else, so it is owner-only (0600), written
 * atomically, and removed on close if it still describes this server. The UI key is never in it.
 */
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { storageFailure, writeFileAtomic } from '../core/storage/atomic-file';

export const DISCOVERY_FILE = 'server.json';

/** Snake case, like the token route's answer: it is read by scripts (`jq -r .token_key`). */
export interface Discovery {
  /** `http://127.0.0.1:PORT/`, without any key. */
  url: string;
  port: number;
  pid: number;
  /** The bearer key for `GET /v1/token/NAME`; refused (403) everywhere else. */
  token_key: string;
}

export const discoveryPath = (home: string) => path.join(home, DISCOVERY_FILE);

export async function writeDiscovery(home: string, info: Discovery): Promise<void> {
  const file = discoveryPath(home);
  await writeFileAtomic(file, `${JSON.stringify(info, null, 2)}\n`, 0o600).catch((err: unknown) => {
    throw storageFailure(err, file);
  });
}

/** Removes the file unless another server has replaced it since. */
export async function removeDiscovery(home: string, tokenKey: string): Promise<void> {
  const file = discoveryPath(home);
  try {
    const current = JSON.parse(await readFile(file, 'utf8')) as Partial<Discovery>;
    if (current.token_key !== tokenKey) return;
  } catch {
    // Missing or unreadable: there is nothing of ours to remove, or it is junk worth removing.
  }
  await unlink(file).catch(() => undefined);
}
