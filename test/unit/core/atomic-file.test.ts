import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveAside, readJsonFile, writeFileAtomic, type Validate } from '../../../src/main/core/storage/atomic-file';
import { dataHome, safeFileName } from '../../../src/main/core/storage/paths';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxtoken-atomic-'));
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const numbers: Validate<number[]> = (raw) => {
  if (raw === undefined) return { value: [] };
  if (!Array.isArray(raw)) return { value: [], damage: 'not a list' };
  const kept = raw.filter((n) => typeof n === 'number');
  return { value: kept, damage: kept.length < raw.length ? 'some entries are not numbers' : undefined };
};

describe('writeFileAtomic', () => {
  it('writes the whole content, owner-only, and leaves no temp file behind', async () => {
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('creates a missing folder', async () => {
    const file = join(dir, 'sub', 'b.json');
    await writeFileAtomic(file, '{}');
    expect(await readFile(file, 'utf8')).toBe('{}');
  });

  it('keeps the old content and cleans up its temp file when the write fails', async () => {
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'old');
    // A value the file handle cannot write: fails after the temp file was created.
    await expect(writeFileAtomic(file, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('keeps the old content when the folder is read-only', async () => {
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'old');
    await chmod(dir, 0o500);
    await expect(writeFileAtomic(file, 'new')).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(file, 'utf8')).toBe('old');
  });
});

describe('readJsonFile', () => {
  it('reads a missing file as the empty value, with no problem', async () => {
    expect(await readJsonFile(join(dir, 'none.json'), numbers)).toEqual({ value: [] });
  });

  it('reads a good file as it is and leaves it in place', async () => {
    const file = join(dir, 'n.json');
    await writeFile(file, '[1,2,3]');
    expect(await readJsonFile(file, numbers)).toEqual({ value: [1, 2, 3] });
    expect(await readdir(dir)).toEqual(['n.json']);
  });

  it('moves a file that is not JSON aside, keeps its bytes, and names the moved file', async () => {
    const file = join(dir, 'n.json');
    await writeFile(file, '[1,2,');
    const read = await readJsonFile(file, numbers);
    expect(read.value).toEqual([]);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^n\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(await readFile(join(dir, files[0]), 'utf8')).toBe('[1,2,');
    expect(read.problem?.movedTo).toBe(join(dir, files[0]));
    expect(read.problem?.message.en).toContain(files[0]);
    expect(read.problem?.message.zh).toContain(files[0]);
  });

  it('returns what could be recovered from a file that fails validation', async () => {
    const file = join(dir, 'n.json');
    await writeFile(file, '[1,"x",3]');
    const read = await readJsonFile(file, numbers);
    expect(read.value).toEqual([1, 3]);
    expect(read.problem?.message.en).toContain('some entries are not numbers');
  });

  it('only reports, without moving, when asked not to set the file aside', async () => {
    const file = join(dir, 'n.json');
    await writeFile(file, 'garbage');
    const read = await readJsonFile(file, numbers, false);
    expect(read.problem).toBeDefined();
    expect(await readdir(dir)).toEqual(['n.json']);
  });

  it('never overwrites an earlier corrupt copy', async () => {
    const file = join(dir, 'n.json');
    const moved: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      await writeFile(file, text);
      moved.push(await moveAside(file));
    }
    expect(new Set(moved).size).toBe(3);
    expect(await Promise.all(moved.map((m) => readFile(m, 'utf8')))).toEqual(['one', 'two', 'three']);
  });
});

describe('paths', () => {
  it('uses WXTOKEN_HOME, else the folder the desktop app uses on each platform', () => {
    expect(dataHome({ WXTOKEN_HOME: '/srv/wx' }, 'linux')).toBe('/srv/wx');
    expect(dataHome({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.config/wxtoken');
    expect(dataHome({ HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/wxtoken');
    expect(dataHome({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/wxtoken');
    expect(dataHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Roaming\\wxtoken');
  });

  it('makes file names that are safe everywhere and distinct per name', () => {
    expect(safeFileName('prod-1.a_b')).toBe('prod-1.a_b');
    expect(safeFileName('测试号')).toMatch(/^[A-Za-z0-9_.%-]+$/);
    expect(safeFileName('con')).toBe('_con');
    expect(safeFileName('fetch:wx1/2')).not.toMatch(/[:/]/);
    expect(safeFileName('a b')).not.toBe(safeFileName('a_b'));
  });
});
