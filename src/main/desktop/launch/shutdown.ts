/**
 * Quitting cleanly from the first moment: `will-quit` is held until every resource opened so far is closed
 * (the clipboard cleared, the server stopped, the core's files flushed, the window state written), even
 * when the user closes the window during start-up, while the keychain is still answering. A resource
 * opened after quitting began is closed as soon as it is registered. Quitting never waits longer than
 * `deadlineMs` for a resource that hangs.
 */
export type Closer = () => unknown;

export interface Preventable {
  preventDefault(): void;
}

export class Shutdown {
  private readonly closers: Closer[] = [];
  private readonly late: Promise<unknown>[] = [];
  private closing?: Promise<void>;
  private done = false;

  constructor(
    private readonly deadlineMs = 5_000,
    private readonly timers: { setTimeout(fn: () => void, ms: number): unknown } = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref() },
  ) {}

  /** True once quitting has begun: start-up stops opening things. */
  get started(): boolean {
    return this.closing !== undefined;
  }

  add(closer: Closer): void {
    if (this.closing) this.late.push(settle(closer));
    else this.closers.push(closer);
  }

  /** The `will-quit` listener; `quit` is `app.quit`, called again once everything is closed. */
  onWillQuit(event: Preventable, quit: () => void): void {
    if (this.done) return;
    event.preventDefault();
    if (this.closing) return;
    const all = (async () => {
      await Promise.all(this.closers.map(settle));
      while (this.late.length > 0) await Promise.all(this.late.splice(0));
    })();
    const deadline = new Promise<void>((resolve) => this.timers.setTimeout(resolve, this.deadlineMs));
    this.closing = Promise.race([all, deadline]).then(() => {
      this.done = true;
      quit();
    });
  }
}

async function settle(closer: Closer): Promise<void> {
  try {
    await closer();
  } catch {
    // A resource that fails to close must not keep the app from quitting.
  }
}

/**
 * `window-all-closed`: keep running (tokens refreshed, server up) only where the user can get back in —
 * a tray icon the desktop really shows, or the macOS dock.
 */
export function quitWhenAllWindowsClosed(platform: NodeJS.Platform, trayShown: boolean): boolean {
  if (platform === 'darwin') return false;
  return !trayShown;
}
