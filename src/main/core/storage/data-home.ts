/** Where the data folder is: its own module, so the CLI's launcher can find it without loading the core. */
import { lstatSync } from 'node:fs';
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

/**
 * The data folder, only if it exists, is this user's and no one else can write to it: the only kind of folder a
 * socket that is sent secrets, or code this process will run, may be put in.
 */
export function privateDataHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const home = dataHome(env, platform);
  try {
    const folder = lstatSync(home);
    return folder.isDirectory() && folder.uid === process.getuid?.() && (folder.mode & 0o022) === 0 ? home : undefined;
  } catch {
    return undefined;
  }
}
