/**
 * The window session's defences: no permission is granted but writing plain text to the clipboard (the
 * page's "copy IP", "copy response" and "copy as cURL" buttons), and every response carries the CSP.
 */
import { withCsp } from '../../csp';

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

/** Write-only, sanitised clipboard access; reading the clipboard stays denied. */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

export function installSessionGuard(session: GuardedSession, csp: string): void {
  // The app needs no camera, notifications, clipboard-read or any other web permission. (Only the app's own
  // page ever loads in this session: the navigation guard refuses everything else.)
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === CLIPBOARD_WRITE));
  session.setPermissionCheckHandler((_contents, permission) => permission === CLIPBOARD_WRITE);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
