/** The window session's defences: no permission is ever granted, and every response carries the CSP. */
import { withCsp } from './csp';

type HeadersCallback = (response: { responseHeaders?: Record<string, string[] | string> }) => void;

/** The part of Electron's Session the guard uses (a fake in unit tests). */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: Record<string, string[] | string> }, callback: HeadersCallback) => void,
    ): void;
  };
}

export function installSessionGuard(session: GuardedSession, csp: string): void {
  // The app needs no camera, notifications, clipboard-read or any other web permission.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
