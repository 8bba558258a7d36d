/**
 * Where the clipboard can be trusted. On a Wayland session (Electron's native backend since Electron 38)
 * the compositor drops a clipboard write from an app without keyboard focus, and `readText()` then answers
 * Chromium's own cached copy; the tray's menu does not give the app focus. So there a copy or a clear is
 * done only while one of the app's windows is focused, and a read-back proves nothing.
 */
import type { ClipboardAccess } from './clipboard-guard';

export interface DisplayEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The value of Electron's `--ozone-platform` switch ('' when not given). */
  ozonePlatform: string;
}

/** True when Electron talks to a Wayland compositor (and not to X11, natively or through XWayland). */
export function isWaylandSession({ platform, env, ozonePlatform }: DisplayEnvironment): boolean {
  if (platform !== 'linux') return false;
  if (ozonePlatform === 'x11') return false;
  if (ozonePlatform === 'wayland') return true;
  // 'auto' or unset: Electron ≥ 38 picks Wayland when a compositor is there.
  return Boolean(env.WAYLAND_DISPLAY) || env.XDG_SESSION_TYPE === 'wayland';
}

export function clipboardAccess(wayland: boolean, appFocused: () => boolean): ClipboardAccess {
  if (!wayland) return { canWrite: () => true, readBackIsBlind: () => false };
  return { canWrite: appFocused, readBackIsBlind: () => true };
}
