/**
 * Copies a token to the clipboard and clears it after a while, but only if the clipboard still holds
 * that token: whatever the user copied since is left alone. Only a hash of the copied text is kept.
 * It never reports a copy that did not happen: where the platform drops the write (Wayland, app not
 * focused) it does not write at all and says so, and elsewhere it reads the clipboard back.
 */
import { createHash } from 'node:crypto';

/** Electron's clipboard (async since Electron 45) or a fake. */
export interface ClipboardLike {
  readText(): Promise<string> | string;
  writeText(text: string): Promise<void> | void;
  /** Writes the text with the markers that keep it out of clipboard history (see concealed.ts); else writeText. */
  writeSecret?(text: string): Promise<void> | void;
}

/** Whether a write (and a read) reaches the real clipboard now: on Wayland only while the app has focus. */
export interface ClipboardAccess {
  /** False when a write would be dropped and a read would answer Chromium's stale copy. */
  canWrite(): boolean;
  /** True when a read-back says nothing (Wayland: readText answers Chromium's own cache). */
  readBackIsBlind(): boolean;
}

const ALWAYS: ClipboardAccess = { canWrite: () => true, readBackIsBlind: () => false };

export type CopyOutcome = 'copied' | 'needs-focus' | 'not-copied';

export interface TimerFns {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: TimerFns = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending clear must not keep a quitting process alive (quitting flushes it instead).
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class ClipboardGuard {
  private pending?: { handle: unknown; hash: string };
  /** A clear that came due while the clipboard could not be reached: done on the next `retry()` (focus). */
  private deferred?: { hash: string; generation: number };
  /** Bumped by every copy, so a clear that started before a newer copy never touches it. */
  private generation = 0;

  constructor(
    private readonly clipboard: ClipboardLike,
    private readonly timers: TimerFns = realTimers,
    private readonly access: ClipboardAccess = ALWAYS,
  ) {}

  /** Writes `text`; clears it after `clearAfterSeconds` (0 = never). A new copy restarts the timer. */
  async copy(text: string, clearAfterSeconds: number): Promise<CopyOutcome> {
    if (!this.access.canWrite()) return 'needs-focus';
    this.cancel();
    this.deferred = undefined;
    const generation = ++this.generation;
    const hash = digest(text);
    if (this.clipboard.writeSecret) await this.clipboard.writeSecret(text);
    else await this.clipboard.writeText(text);
    if (!this.access.readBackIsBlind() && digest(await this.clipboard.readText()) !== hash) return 'not-copied';
    if (!(clearAfterSeconds > 0) || generation !== this.generation) return 'copied';
    const handle = this.timers.setTimeout(() => {
      this.pending = undefined;
      void this.clearIfStill(hash, generation);
    }, clearAfterSeconds * 1000);
    this.pending = { handle, hash };
    return 'copied';
  }

  /** The app got focus back: a clear that could not be done while it was in the background is done now. */
  async retry(): Promise<void> {
    const deferred = this.deferred;
    if (deferred && this.access.canWrite()) await this.clearIfStill(deferred.hash, deferred.generation);
  }

  /** On quit: clear now what would have been cleared later. */
  async flush(): Promise<void> {
    const pending = this.pending;
    this.cancel();
    if (pending) await this.clearIfStill(pending.hash, this.generation);
    else await this.retry();
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = undefined;
  }

  private async clearIfStill(hash: string, generation: number): Promise<void> {
    if (!this.access.canWrite()) {
      // Reading now would compare against a stale copy and writing would be dropped: wait for focus.
      this.deferred = { hash, generation };
      return;
    }
    this.deferred = undefined;
    const current = await this.clipboard.readText();
    if (generation === this.generation && digest(current) === hash) await this.clipboard.writeText('');
  }
}
