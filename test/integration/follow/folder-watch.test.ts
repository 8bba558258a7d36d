/** The data-folder watcher, on the real file system: what other processes write is reported, even in a folder just made. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderWatch, type FolderChanges } from '../../../src/main/core/follow/folder-watch';

let home: string;
let watch: FolderWatch | undefined;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-watch-'));
});
afterEach(async () => {
  watch?.close();
  await rm(home, { recursive: true, force: true });
});

/** Starts watching; resolves once the reports so far name every file in `wanted`. */
function watchUntil(wanted: Partial<Record<keyof FolderChanges, string[]>>): Promise<FolderChanges> {
  const seen: FolderChanges = { files: new Set(), history: new Set() };
  return new Promise((resolve) => {
    watch = new FolderWatch(
      home,
      (changes) => {
        for (const kind of ['files', 'history'] as const) changes[kind].forEach((n) => seen[kind].add(n));
        const all = (['files', 'history'] as const).every((kind) => (wanted[kind] ?? []).every((n) => seen[kind].has(n)));
        if (all) resolve(seen);
      },
      10,
    );
  });
}

describe('FolderWatch', () => {
  it('reports a file written in the data folder and one in an existing history folder', async () => {
    mkdirSync(join(home, 'history'));
    const reported = watchUntil({ files: ['settings.json'], history: ['a.json'] });
    await writeFile(join(home, 'settings.json'), '{}');
    await writeFile(join(home, 'history', 'a.json'), '[]');
    const seen = await reported;
    expect([...seen.history]).toEqual(['a.json']);
  });

  it('reports a history file written the moment its folder was made, before the watcher could look in it', async () => {
    const reported = watchUntil({ files: ['history'], history: ['first.json'] });
    // Synchronous, so both land before the watcher hears of the folder (another process does the same, only faster).
    mkdirSync(join(home, 'history'));
    writeFileSync(join(home, 'history', 'first.json'), '[]');
    const seen = await reported;
    expect(seen.history.has('first.json')).toBe(true);
  }, 10_000);
});
