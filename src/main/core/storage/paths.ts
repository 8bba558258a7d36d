/** Where wxtoken keeps its files: the same folder for the desktop app, the CLI and the server. */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { appError } from '../../../shared/errors/errors';
import { AppFailure, type Localized } from '../../../shared/result';
import { errnoCode, storageAdvice } from './atomic-file';

export { APP_DIR_NAME, dataHome } from './data-home';

/**
 * Creates the data folder (owner-only) if it is missing, and returns it. A folder that exists is used as
 * it is — never chmodded (WXTOKEN_HOME may be the home folder) — but must be a folder, the user's own and
 * writable; if not, a `storage` failure says which path and what to do.
 */
export async function ensureHome(dir: string): Promise<string> {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw unusableHome(dir, failed('无法访问', 'it cannot be reached', err), storageAdvice(err));
  }
  if (!info) {
    // The mode applies only to the folders mkdir creates (the umask can only take bits away).
    await mkdir(dir, { recursive: true, mode: 0o700 }).catch((err: unknown) => {
      throw unusableHome(dir, failed('无法创建', 'it cannot be created', err), storageAdvice(err));
    });
    return dir;
  }
  if (!info.isDirectory()) throw unusableHome(dir, { zh: '它不是文件夹', en: 'it is not a folder' }, { zh: '把这个文件移走，或用 WXTOKEN_HOME 指定一个文件夹', en: 'Move that file away, or set WXTOKEN_HOME to a folder' });
  const uid = process.getuid?.();
  // Whoever owns the folder can swap the files in it (and point an account at their own server).
  if (uid !== undefined && info.uid !== uid) {
    throw unusableHome(
      dir,
      { zh: `它属于另一个用户（uid ${info.uid}）`, en: `it belongs to another user (uid ${info.uid})` },
      { zh: '用 WXTOKEN_HOME 指定一个属于你自己的文件夹', en: 'Set WXTOKEN_HOME to a folder you own' },
    );
  }
  try {
    await access(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw unusableHome(dir, failed('不可写', 'it is not writable', err), storageAdvice(err));
  }
  return dir;
}

function failed(zh: string, en: string, err: unknown): Localized {
  const code = errnoCode(err) ?? 'error';
  return { zh: `${zh}（${code}）`, en: `${en} (${code})` };
}

function unusableHome(dir: string, why: Localized, next?: Localized): AppFailure {
  return new AppFailure(
    appError('storage', {
      message: { zh: `无法使用数据目录 ${dir}：${why.zh}`, en: `The data folder ${dir} cannot be used: ${why.en}` },
      ...(next ? { next } : {}),
    }),
  );
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * A file name for an account name or lock key on every OS: ASCII letters, digits, `_`, `.` and `-`
 * stay; anything else becomes `%XX` (UTF-8). Account names start with a letter or digit, so the `_`
 * put before Windows' reserved names cannot collide with another account.
 */
export function safeFileName(name: string): string {
  if (!name) throw new Error('safeFileName: empty name');
  const encoded = Array.from(Buffer.from(name, 'utf8'))
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9_.-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return WINDOWS_RESERVED.test(encoded) || encoded.startsWith('.') ? `_${encoded}` : encoded;
}
