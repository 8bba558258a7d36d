/** Files written whole or not at all, and JSON files that survive being corrupted. */
import { randomBytes } from 'node:crypto';
import { copyFile, constants, link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { appError, withDetail } from '../../../shared/errors/errors';
import { AppFailure, type Localized } from '../../../shared/result';

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
 * value). `damage` says what could not be kept: when set, the file counts as corrupt. Asynchronous where
 * the check loads what it needs (zod) only when the file needs it.
 */
export type Validate<T> = (raw: unknown) => Validated<T> | Promise<Validated<T>>;
type Validated<T> = { value: T; damage?: string };

export interface JsonRead<T> {
  value: T;
  problem?: FileProblem;
  /** The file's format version, when a newer wxtoken wrote it (see `newerFormatFailure`). */
  newer?: number;
}

/** The format version every JSON file of this build writes (`"version": 1`). */
export const FORMAT_VERSION = 1;

/**
 * Reads a JSON file. Missing: the empty value. Corrupt (bad JSON, or `validate` reports damage): the
 * file is moved aside to `<name>.corrupt-<timestamp>` (never overwriting or deleting anything) unless
 * `setAside` is false, and whatever `validate` recovered comes back with the problem. Callers that
 * move files aside should hold the file's ProcessLock, and write the recovered value back.
 *
 * A file a newer wxtoken wrote (a higher `version`) is never set aside nor rewritten: it is read as far
 * as this build understands it, and a read for writing (`setAside`: under the lock, about to write the
 * file back) is refused with a `storage` failure, so it is never downgraded.
 */
export async function readJsonFile<T>(file: string, validate: Validate<T>, setAside = true): Promise<JsonRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { value: (await validate(undefined)).value };
    throw storageFailure(err, file);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    return asRead(file, { value: (await validate(undefined)).value, damage: 'not valid JSON' }, setAside);
  }
  const newer = newerVersion(raw);
  if (newer !== undefined) {
    if (setAside) throw newerFormatFailure(file, newer);
    // Read as this build's format: what it does not understand is left out here, and stays in the file.
    return { value: (await validate({ ...(raw as object), version: FORMAT_VERSION })).value, newer };
  }
  return asRead(file, await validate(raw), setAside);
}

/** The read value as it is, or with the problem when `validate` found damage (the file set aside if asked). */
async function asRead<T>(file: string, parsed: Validated<T>, setAside: boolean): Promise<JsonRead<T>> {
  if (parsed.damage === undefined) return { value: parsed.value };
  const base = path.basename(file);
  if (!setAside) return { value: parsed.value, problem: { file, movedTo: '', message: corruptMessage(base, '', parsed.damage) } };
  const movedTo = await moveAside(file);
  return { value: parsed.value, problem: { file, movedTo, message: corruptMessage(base, path.basename(movedTo), parsed.damage) } };
}

function newerVersion(raw: unknown): number | undefined {
  const version = (raw as { version?: unknown } | null)?.version;
  return typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION ? version : undefined;
}

/** Refuses to write a file a newer wxtoken wrote: rewriting it in this build's format would lose data. */
export function newerFormatFailure(file: string, version: number): AppFailure {
  const what = { zh: '为免降级，此版本不会改写它', en: 'this build does not change it, so that nothing of it is lost' };
  return new AppFailure(
    appError('storage', {
      message: {
        zh: `${file} 是更新版本的 wxtoken 写入的（格式 ${version}，此版本只认识格式 ${FORMAT_VERSION}）：${what.zh}`,
        en: `${file} was written by a newer wxtoken (format ${version}; this build knows format ${FORMAT_VERSION}): ${what.en}`,
      },
      next: { zh: '升级 wxtoken 到写入它的版本或更新的版本', en: 'Update wxtoken to the version that wrote it, or a later one' },
    }),
  );
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

/** What the user can do about the common file-system errors. */
const ADVICE: Record<string, Localized> = {
  EACCES: { zh: '你没有权限写入这里：检查该路径及其上级文件夹的所有者和权限，或用 WXTOKEN_HOME 换一个自己的文件夹', en: 'You may not write there: check the owner and permissions of that path and its folders, or set WXTOKEN_HOME to a folder of your own' },
  EROFS: { zh: '该文件系统是只读的：用 WXTOKEN_HOME 换一个可写的文件夹', en: 'That file system is read-only: set WXTOKEN_HOME to a writable folder' },
  ENOSPC: { zh: '磁盘已满：腾出空间后重试', en: 'The disk is full: free some space and retry' },
  EDQUOT: { zh: '磁盘配额已用完：腾出空间后重试', en: 'The disk quota is used up: free some space and retry' },
  EISDIR: { zh: '该位置是一个文件夹而不是文件：把它移走后重试', en: 'A folder stands where that file should be: move it away and retry' },
  ENOTDIR: { zh: '路径中有一部分是文件而不是文件夹：把它移走，或用 WXTOKEN_HOME 换一个文件夹', en: 'Part of that path is a file, not a folder: move it away, or set WXTOKEN_HOME to another folder' },
  EEXIST: { zh: '路径中有一部分是文件而不是文件夹：把它移走，或用 WXTOKEN_HOME 换一个文件夹', en: 'Part of that path is a file, not a folder: move it away, or set WXTOKEN_HOME to another folder' },
};
ADVICE.EPERM = ADVICE.EACCES;

/** What to do about a file-system error, when there is more to say than the catalogue's generic advice. */
export const storageAdvice = (err: unknown): Localized | undefined => {
  const code = errnoCode(err);
  return code !== undefined ? ADVICE[code] : undefined;
};

/** A file-system error as the `storage` AppFailure, naming the file (paths hold no secrets). */
export function storageFailure(err: unknown, file: string): AppFailure {
  if (err instanceof AppFailure) return err;
  const code = errnoCode(err);
  const reason = code ?? (err instanceof Error ? err.message : String(err));
  const base = appError('storage');
  const next = storageAdvice(err);
  return new AppFailure({ ...base, message: withDetail(base.message, `${file} (${reason})`), ...(next ? { next } : {}) });
}
