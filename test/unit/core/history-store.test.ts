import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/main/core/storage/history-store';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import type { HistoryEntry } from '../../../src/shared/models';
import type { FileProblem } from '../../../src/main/core/storage/atomic-file';

let home: string;
let store: HistoryStore;
/** Corrupt files the store reported setting aside. */
let problems: FileProblem[];
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-history-'));
  problems = [];
  store = new HistoryStore({ home, limit: 5, lock: new FileProcessLock(home), report: (p) => problems.push(p) });
});
afterEach(() => rm(home, { recursive: true, force: true }));

let n = 0;
const entry = (account: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `id-${++n}`,
  at: 1_700_000_000_000 + n,
  account,
  method: 'GET',
  path: '/cgi-bin/user/get',
  query: [['next_openid', '']],
  timeMs: 12,
  size: 34,
  ...extra,
});

const ids = async (account: string) => {
  const list = await store.list(account);
  if (!list.ok) throw new Error(list.error.message.en);
  return list.value.map((e) => e.id);
};

describe('HistoryStore', () => {
  it('lists newest first and keeps only the newest `limit` entries', async () => {
    const added = [];
    for (let i = 0; i < 7; i++) {
      const e = entry('prod');
      added.push(e.id);
      expect((await store.add(e)).ok).toBe(true);
    }
    expect(await ids('prod')).toEqual(added.slice(2).reverse());
    expect(await ids('other')).toEqual([]);
  });

  it('loses no entry when many are added at once', async () => {
    const many = Array.from({ length: 5 }, () => entry('busy'));
    await Promise.all(many.map((e) => store.add(e)));
    expect((await ids('busy')).sort()).toEqual(many.map((e) => e.id).sort());
  });

  it('redacts tokens and secrets before they reach the disk', async () => {
    await store.add(
      entry('prod', {
        method: 'POST',
        query: [['access_token', 'TOKEN_VALUE_123'], ['secret', 'SECRET_VALUE_456'], ['openid', 'o1']],
        body: JSON.stringify({ appsecret: 'SECRET_VALUE_789', touser: 'o1' }),
      }),
    );
    const files = await readdir(join(home, 'history'));
    const text = await readFile(join(home, 'history', files[0]), 'utf8');
    for (const value of ['TOKEN_VALUE_123', 'SECRET_VALUE_456', 'SECRET_VALUE_789']) expect(text).not.toContain(value);
    expect(text).toContain('o1');
  });

  it('clears, renames and removes one account without touching the others', async () => {
    const a = entry('a');
    const b = entry('b');
    await store.add(a);
    await store.add(b);
    expect((await store.rename('a', 'a2')).ok).toBe(true);
    expect(await ids('a')).toEqual([]);
    expect(await ids('a2')).toEqual([a.id]);
    const moved = await store.list('a2');
    expect(moved.ok && moved.value[0].account).toBe('a2');
    expect((await store.clear('a2')).ok).toBe(true);
    expect(await ids('a2')).toEqual([]);
    expect((await store.remove('b')).ok).toBe(true);
    expect(await ids('b')).toEqual([]);
    expect((await store.remove('never-there')).ok).toBe(true);
  });

  it('keeps accounts whose names differ only in odd characters apart', async () => {
    await store.add(entry('测试号'));
    await store.add(entry('con'));
    expect(await ids('测试号')).toHaveLength(1);
    expect(await ids('con')).toHaveLength(1);
    expect(await readdir(join(home, 'history'))).toHaveLength(2);
  });

  it('keeps the readable entries of a corrupt file and moves it aside', async () => {
    const good = entry('prod');
    await store.add(good);
    const [file] = await readdir(join(home, 'history'));
    const path = join(home, 'history', file);
    const data = JSON.parse(await readFile(path, 'utf8'));
    data.entries.push({ id: 42 });
    await writeFile(path, JSON.stringify(data));
    expect(await ids('prod')).toEqual([good.id]);
    expect((await readdir(join(home, 'history'))).some((f) => f.includes('.corrupt-'))).toBe(true);
    expect(problems).toHaveLength(1);
  });
});
