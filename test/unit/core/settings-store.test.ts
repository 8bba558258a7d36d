import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import { SettingsStore } from '../../../src/main/core/storage/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/models';
import type { FileProblem } from '../../../src/main/core/storage/atomic-file';

let home: string;
let store: SettingsStore;
/** Corrupt files the store reported setting aside. */
let problems: FileProblem[];
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-settings-'));
  problems = [];
  store = new SettingsStore({ home, lock: new FileProcessLock(home), report: (p) => problems.push(p) });
});
afterEach(() => rm(home, { recursive: true, force: true }));

describe('SettingsStore', () => {
  it('gives the defaults before anything is saved', async () => {
    expect(await store.get()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('saves a change, keeps the rest, and another instance reads it', async () => {
    const updated = await store.update({ language: 'zh-CN' });
    expect(updated.ok && updated.value).toEqual({ ...DEFAULT_SETTINGS, language: 'zh-CN' });
    await store.update({ serverPort: 8123 });
    const other = new SettingsStore({ home, lock: new FileProcessLock(home) });
    expect(await other.get()).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, language: 'zh-CN', serverPort: 8123 } });
  });

  it.each([
    [{ language: 'fr' }, 'language'],
    [{ clipboardClearSeconds: -1 }, 'clipboardClearSeconds'],
    [{ clipboardClearSeconds: 1.5 }, 'clipboardClearSeconds'],
    [{ serverPort: 70000 }, 'serverPort'],
    [{ serverEnabled: 'yes' }, 'serverEnabled'],
    [{ theme: 'purple' }, 'theme'],
  ])('rejects %j and changes nothing', async (patch, field) => {
    await store.update({ language: 'en' });
    const before = await readFile(join(home, 'settings.json'), 'utf8');
    const result = await store.update(patch as unknown as Partial<Settings>);
    expect(!result.ok && result.error).toMatchObject({ code: 'validation', field });
    expect(await readFile(join(home, 'settings.json'), 'utf8')).toBe(before);
  });

  it('keeps the valid settings of a corrupt file, moves it aside and reports it', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, language: 'en', serverPort: 'eighty' }));
    const got = await store.get();
    expect(got.ok && got.value).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    const aside = (await readdir(home)).find((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(problems[0].message.en).toContain(aside);
    expect(problems[0].message.en).toContain('serverPort');
  });
});
