/**
 * A notification the user actually sees. An unsigned macOS build (and a Linux session without a
 * notification daemon) gets `failed` or no support instead of a notification; then the message goes into
 * a plain message box, because a copy the user cannot confirm is worse than a dialog.
 */
export interface NotificationLike {
  on(event: 'failed', listener: (...args: unknown[]) => void): unknown;
  show(): void;
}

export interface NotifyDeps {
  supported(): boolean;
  create(body: string): NotificationLike;
  fallback(body: string): void;
}

export function notify(body: string, deps: NotifyDeps): void {
  if (!deps.supported()) {
    deps.fallback(body);
    return;
  }
  const notification = deps.create(body);
  let fellBack = false;
  notification.on('failed', () => {
    if (fellBack) return;
    fellBack = true;
    deps.fallback(body);
  });
  notification.show();
}

/** The id Windows needs for toasts (and the installer's shortcut): the same as electron-builder's appId. */
export const APP_USER_MODEL_ID = 'dev.wxtoken.app';
