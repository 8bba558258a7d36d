import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWindowState, MIN_SIZE, sanitizeWindowState, saveWindowState, stateFromBounds, WINDOW_STATE_FILE } from '../../../../src/main/desktop/window/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('sanitizing a remembered window state', () => {
  it('keeps a state that fits the screen', () => {
    const state = stateFromBounds({ x: 100, y: 80, width: 1200, height: 800 }, true);
    expect(sanitizeWindowState(state, screen)).toEqual(state);
  });

  it('drops a position on a monitor that is gone, keeping the size', () => {
    const state = stateFromBounds({ x: 2500, y: 100, width: 1000, height: 700 }, false);
    expect(sanitizeWindowState(state, screen)).toEqual({ size: { width: 1000, height: 700 }, maximized: false });
  });

  it('clamps sizes between the minimum and the largest screen', () => {
    expect(sanitizeWindowState({ size: { width: 10, height: 10 }, maximized: false }, screen).size).toEqual(MIN_SIZE);
    expect(sanitizeWindowState({ size: { width: 9000, height: 9000 }, maximized: false }, screen).size).toEqual({ width: 1920, height: 1080 });
  });

  it('gives the defaults for garbage', () => {
    for (const raw of [null, 'x', 42, { size: { width: 'big' } }, { size: { width: 1.5, height: 2 } }, []]) {
      expect(sanitizeWindowState(raw, screen)).toEqual({ maximized: false });
    }
  });
});

describe('the window-state file', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'wxtoken-window-'));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('round-trips the window state through <home>/window-state.json, owner-only, no temp file left', async () => {
    const state = stateFromBounds({ x: 10, y: 20, width: 1000, height: 700 }, false);
    await saveWindowState(home, state);
    expect(JSON.parse(await readFile(path.join(home, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
    if (process.platform !== 'win32') expect((await stat(path.join(home, WINDOW_STATE_FILE))).mode & 0o777).toBe(0o600);
    expect(await readdir(home)).toEqual([WINDOW_STATE_FILE]);
    expect(await loadWindowState(home, screen)).toEqual(state);
  });

  it('starts with the defaults when the file is missing or corrupt', async () => {
    expect(await loadWindowState(home, screen)).toEqual({ maximized: false });
    await writeFile(path.join(home, WINDOW_STATE_FILE), '{"size": {"wid');
    expect(await loadWindowState(home, screen)).toEqual({ maximized: false });
  });
});
