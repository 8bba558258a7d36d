/** Files written whole or not at all, and JSON files that survive being corrupted. */
import { randomBytes } from 'node:crypto';
import { copyFile, constants, link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { appError, withDetail } from '../../shared/errors';
import { AppFailure, type Localized } from '../../shared/result';

/** Writes to a temp file in the same folder (created if missing), syncs it, then renames it over `file`. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx', mode).catch(async (err) => {
      if (errnoCode(err) !== 'ENOENT') throw err;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      return open(temp, 'wx', mode);
    });
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
}

/** Makes the rename itself durable; Windows cannot open a folder for syncing, so it is skipped there. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse to sync a folder (EINVAL/EISDIR); the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/** A file that was found corrupt and moved aside; `message` is for the user. */
export interface FileProblem {
  file: string;
  movedTo: string;
  message: Localized;
}

/** How a store tells its owner (the core, which tells every host) about a corrupt file it set aside. */
export type ReportProblem = (problem: FileProblem) => void;

/**
 * Turns parsed JSON into a value. `raw` is `undefined` when there is nothing to read (give the empty
 * value). `damage` says what could not be kept: when set, the file counts as corrupt.
 */
export type Validate<T> = (raw: unknown) => { value: T; damage?: string };

export interface JsonRead<T> {
  value: T;
  problem?: FileProblem;
}

/**
 * Reads a JSON file. Missing: the empty value. Corrupt (bad JSON, or `validate` reports damage): the
 * file is moved aside to `<name>.corrupt-<timestamp>` (never overwriting or deleting anything) unless
 * `setAside` is false, and whatever `validate` recovered comes back with the problem. Callers that
 * move files aside should hold the file's ProcessLock, and write the recovered value back.
 */
export async function readJsonFile<T>(file: string, validate: Validate<T>, setAside = true): Promise<JsonRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { value: validate(undefined).value };
    throw storageFailure(err, file);
  }
  let parsed: { value: T; damage?: string };
  try {
    parsed = validate(JSON.parse(text));
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    parsed = { value: validate(undefined).value, damage: 'not valid JSON' };
  }
  if (parsed.damage === undefined) return { value: parsed.value };
  const base = path.basename(file);
  if (!setAside) return { value: parsed.value, problem: { file, movedTo: '', message: corruptMessage(base, '', parsed.damage) } };
  const movedTo = await moveAside(file);
  return { value: parsed.value, problem: { file, movedTo, message: corruptMessage(base, path.basename(movedTo), parsed.damage) } };
}

function corruptMessage(name: string, moved: string, damage: string): Localized {
  const where = moved ? { zh: `，原文件已移到 ${moved}`, en: `; the file was moved to ${moved}` } : { zh: '', en: '' };
  return {
    zh: `${name} 已损坏（${damage}）${where.zh}，已保留能读出的内容`,
    en: `${name} was corrupt (${damage})${where.en}; what could be read was kept`,
  };
}

/** Renames `file` to a `.corrupt-<timestamp>` name that does not exist yet; returns the new path. */
export async function moveAside(file: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 0; n < 100; n++) {
    const target = `${file}.corrupt-${stamp}${n ? `-${n}` : ''}`;
    try {
      // link() fails on an existing target where rename() would silently replace it.
      await link(file, target);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') throw storageFailure(err, file);
      try {
        await copyFile(file, target, constants.COPYFILE_EXCL);
      } catch (copyErr) {
        if (errnoCode(copyErr) === 'EEXIST') continue;
        throw storageFailure(copyErr, file);
      }
    }
    await unlink(file).catch((err) => {
      if (errnoCode(err) !== 'ENOENT') throw storageFailure(err, file);
    });
    return target;
  }
  throw storageFailure(new Error('too many corrupt copies'), file);
}

export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as NodeJS.ErrnoException).code === 'string'
    ? (err as NodeJS.ErrnoException).code
    : undefined;
}

/** A file-system error as the `storage` AppFailure, naming the file (paths hold no secrets). */
export function storageFailure(err: unknown, file: string): AppFailure {
  if (err instanceof AppFailure) return err;
  const reason = errnoCode(err) ?? (err instanceof Error ? err.message : String(err));
  const base = appError('storage');
  return new AppFailure({ ...base, message: withDetail(base.message, `${file} (${reason})`) });
}
