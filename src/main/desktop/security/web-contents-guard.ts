/**
 * Applied from `app.on('web-contents-created')`, so every webContents the app ever has (the window, a
 * DevTools front end, anything a future feature opens) gets the navigation, window-open and webview
 * guards, and its session the permission and CSP guards, before it loads anything.
 */
import { installNavigationGuard, type GuardedContents, type OpenExternal } from './navigation-guard';
import { installSessionGuard, type GuardedSession } from './session-guard';
import type { AppOrigin } from './app-origin';

export interface GuardableContents extends GuardedContents {
  readonly session: GuardedSession;
}

export interface ContentsGuardOptions {
  origin: AppOrigin;
  csp: string;
  openExternal: OpenExternal;
}

/** Returns the `web-contents-created` listener; each session is guarded once, however many contents share it. */
export function guardEveryWebContents(o: ContentsGuardOptions): (event: unknown, contents: GuardableContents) => void {
  const guardedSessions = new WeakSet<object>();
  return (_event, contents) => {
    installNavigationGuard(contents, o.origin, o.openExternal);
    if (!guardedSessions.has(contents.session)) {
      guardedSessions.add(contents.session);
      installSessionGuard(contents.session, o.csp);
    }
  };
}
