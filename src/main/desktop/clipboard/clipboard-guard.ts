/**
 * Copies a token to the clipboard and clears it after a while, but only if the clipboard still holds
 * that token: whatever the user copied since is left alone. Only a hash of the copied text is kept.
 */
import { createHash } from 'node:crypto';

/** Electron's clipboard (async since Electron 45) or a fake. */
export interface ClipboardLike {
  readText(): Promise<string> | string;
  writeText(text: string): Promise<void> | void;
}

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
  /** Bumped by every copy, so a clear that started before a newer copy never touches it. */
  private generation = 0;

  constructor(
    private readonly clipboard: ClipboardLike,
    private readonly timers: TimerFns = realTimers,
  ) {}

  /** Writes `text`; clears it after `clearAfterSeconds` (0 = never). A new copy restarts the timer. */
  async copy(text: string, clearAfterSeconds: number): Promise<void> {
    this.cancel();
    const generation = ++this.generation;
    await this.clipboard.writeText(text);
    if (!(clearAfterSeconds > 0) || generation !== this.generation) return;
    const hash = digest(text);
    const handle = this.timers.setTimeout(() => {
      this.pending = undefined;
      void this.clearIfStill(hash, generation);
    }, clearAfterSeconds * 1000);
    this.pending = { handle, hash };
  }

  /** On quit: clear now what would have been cleared later. */
  async flush(): Promise<void> {
    const pending = this.pending;
    this.cancel();
    if (pending) await this.clearIfStill(pending.hash, this.generation);
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = undefined;
  }

  private async clearIfStill(hash: string, generation: number): Promise<void> {
    const current = await this.clipboard.readText();
    if (generation === this.generation && digest(current) === hash) await this.clipboard.writeText('');
  }
}
