import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** What changed in the data folder since the last report: top-level file names, and history file names. */
export interface FolderChanges {
  files: Set<string>;
  history: Set<string>;
}

/**
 * Watches the data folder and its `history/` folder (not recursively: the data folder may be the home
 * folder) and reports the changed file names `settleMs` after the first change. Files are replaced by rename,
 * so one write is one or two notifications for its own name; temp files are ignored by the caller.
 */
export class FolderWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private pending: FolderChanges = { files: new Set(), history: new Set() };
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly home: string,
    private readonly report: (changes: FolderChanges) => void,
    private readonly settleMs = 100,
  ) {
    this.watchDir(home, (name) => {
      if (name === 'history') this.watchHistory(true);
      this.note('files', name);
    });
    this.watchHistory();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private watchHistory(justMade = false): void {
    const dir = path.join(this.home, 'history');
    if (this.watchers.has(dir)) return;
    this.watchDir(dir, (name) => this.note('history', name));
    // Another process makes the folder and writes its first file at once, before this watch began: report what is there.
    if (justMade && this.watchers.has(dir)) {
      readdir(dir).then(
        (names) => names.forEach((name) => this.note('history', name)),
        () => undefined,
      );
    }
  }

  private watchDir(dir: string, onName: (name: string) => void): void {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name) onName(name.toString());
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(dir);
      });
      this.watchers.set(dir, watcher);
    } catch {
      // Not there yet (history/) or no watcher on this file system: nothing to follow.
    }
  }

  private note(kind: keyof FolderChanges, name: string): void {
    if (this.closed) return;
    this.pending[kind].add(name);
    // Not pushed back by every new write: a busy folder is still reported every `settleMs`.
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const changes = this.pending;
      this.pending = { files: new Set(), history: new Set() };
      this.report(changes);
    }, this.settleMs);
    this.timer.unref();
  }
}
