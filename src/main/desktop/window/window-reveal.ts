/** What a second launch, the tray or the dock does to an existing window. */
export interface RevealableWindow {
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/** A second launch, the tray or the dock: bring the window back, whatever state it is in. */
export function revealWindow(win: RevealableWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
