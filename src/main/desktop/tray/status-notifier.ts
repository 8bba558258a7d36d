/**
 * Whether a Linux desktop will show a tray icon. Electron's Linux tray is a StatusNotifierItem; where no
 * StatusNotifierHost is registered (plain GNOME without the AppIndicator extension) `new Tray()` succeeds
 * but nothing is shown, so "keep running in the tray" would leave an invisible app. Asked over the session
 * D-Bus with the stock `gdbus` or `dbus-send`; if neither can tell, the answer is no (quitting when the
 * window closes is the safe side).
 */
import { execFile } from 'node:child_process';

const WATCHER = 'org.kde.StatusNotifierWatcher';
const PROPERTY = 'IsStatusNotifierHostRegistered';

/** Commands that read the watcher's IsStatusNotifierHostRegistered property, each with its output parser. */
export const HOST_QUERIES: readonly { file: string; args: string[]; parse(stdout: string): boolean | undefined }[] = [
  {
    file: 'gdbus',
    args: ['call', '--session', '--dest', WATCHER, '--object-path', '/StatusNotifierWatcher', '--method', 'org.freedesktop.DBus.Properties.Get', WATCHER, PROPERTY],
    // "(<true>,)"
    parse: (out) => (/\(<\s*true\s*>,?\)/.test(out) ? true : /\(<\s*false\s*>,?\)/.test(out) ? false : undefined),
  },
  {
    file: 'dbus-send',
    args: ['--session', '--print-reply', `--dest=${WATCHER}`, '/StatusNotifierWatcher', 'org.freedesktop.DBus.Properties.Get', `string:${WATCHER}`, `string:${PROPERTY}`],
    // "method return …\n   variant       boolean true"
    parse: (out) => (/variant\s+boolean\s+true/.test(out) ? true : /variant\s+boolean\s+false/.test(out) ? false : undefined),
  },
];

export type RunCommand = (file: string, args: string[]) => Promise<{ ok: boolean; stdout: string }>;

const run: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 2_000, encoding: 'utf8' }, (err, stdout) => resolve({ ok: !err, stdout: stdout ?? '' }));
  });

/** True only when a host is registered; no watcher, no tool or no answer in 2 s is false. */
export async function hasStatusNotifierHost(exec: RunCommand = run): Promise<boolean> {
  for (const query of HOST_QUERIES) {
    const { ok, stdout } = await exec(query.file, query.args);
    const answer = ok ? query.parse(stdout) : undefined;
    if (answer !== undefined) return answer;
  }
  return false;
}

/** Whether the tray icon the app creates is one the user can see and click. */
export async function trayIsShown(platform: NodeJS.Platform, exec?: RunCommand): Promise<boolean> {
  if (platform !== 'linux') return true;
  return hasStatusNotifierHost(exec);
}
