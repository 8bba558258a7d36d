/** Where wxtoken keeps its files: the same folder for the desktop app, the CLI and the server. */
import { mkdir, chmod } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'wxtoken';

/**
 * `WXTOKEN_HOME` if set, else the platform's config folder + `/wxtoken` — what Electron's
 * `app.getPath('userData')` gives for an app named wxtoken, so every host shares one folder.
 */
export function dataHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WXTOKEN_HOME) return path.resolve(env.WXTOKEN_HOME);
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_DIR_NAME);
}

/** Creates the data folder (owner-only) if needed and returns it. */
export async function ensureHome(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode only applies to folders it creates; an existing one is tightened too.
  if (process.platform !== 'win32') await chmod(dir, 0o700);
  return dir;
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
