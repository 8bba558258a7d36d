/**
 * The one main window. `show()` from the dock, a second launch or the tray while the window is still being
 * created (its saved state is read first) waits for that creation instead of starting a second window;
 * a window that has not reached `ready-to-show` is left to show itself then (showing it earlier flashes an
 * empty white frame and skips the saved maximised state).
 */
export interface SlotWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/** What a second launch, the tray or the dock does to an existing window. */
export function revealWindow(win: Omit<SlotWindow, 'isDestroyed'>, readyToShow = true): void {
  // Not painted yet: its ready-to-show handler shows (and maximises) it; a show() now would flash.
  if (!readyToShow) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

export class WindowSlot<W extends SlotWindow> {
  private current?: W;
  private creating?: Promise<W>;
  private readonly ready = new WeakSet<W>();

  constructor(private readonly create: () => Promise<W>) {}

  /** The live window, if there is one. */
  get window(): W | undefined {
    return this.current && !this.current.isDestroyed() ? this.current : undefined;
  }

  /** The window's ready-to-show handler calls this (after showing it). */
  markReady(win: W): void {
    this.ready.add(win);
  }

  /** Brings the window to the front, creating it once if there is none (concurrent calls share one creation). */
  async show(): Promise<W> {
    const existing = this.window;
    if (existing) {
      revealWindow(existing, this.ready.has(existing));
      return existing;
    }
    if (!this.creating) {
      this.creating = this.create().then(
        (win) => {
          this.current = win;
          this.creating = undefined;
          return win;
        },
        (err: unknown) => {
          this.creating = undefined;
          throw err;
        },
      );
    }
    return this.creating;
  }
}
