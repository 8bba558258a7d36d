/**
 * Files written by a newer wxtoken (a higher format version) next to this one: read as far as this build
 * understands them, never set aside as corrupt, never rewritten (downgraded); a write is refused and says why.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsStore } from '../../../src/main/core/storage/accounts-store';
import type { FileProblem } from '../../../src/main/core/storage/atomic-file';
import { HistoryStore } from '../../../src/main/core/storage/history-store';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import { SettingsStore } from '../../../src/main/core/storage/settings-store';
import { EncryptedTokenCache } from '../../../src/main/core/tokens/token-cache';
import type { Result } from '../../../src/shared/result';
import { MemorySecretStore } from '../../support/keychain/memory-secret-store';

let home: string;
let problems: FileProblem[];
let lock: FileProcessLock;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-newer-'));
  problems = [];
  lock = new FileProcessLock(home);
});
afterEach(() => rm(home, { recursive: true, force: true }));
const report = (p: FileProblem) => problems.push(p);

const ACCOUNT = {
  name: 'prod',
  kind: 'oa',
  appid: 'wx5f3c9a1e7b2d4c60',
  mode: 'stable',
  apiBase: 'https://api.weixin.qq.com',
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** Writes `content` as a format-2 file and returns a check that it is still there, byte for byte, alone. */
async function newerFile(file: string, content: object): Promise<() => Promise<void>> {
  const text = `${JSON.stringify({ ...content, version: 2 }, null, 2)}\n`;
  await writeFile(file, text);
  return async () => {
    expect(await readFile(file, 'utf8')).toBe(text);
    const siblings = await readdir(join(file, '..'));
    expect(siblings.filter((n) => n.includes('.corrupt-'))).toEqual([]);
    expect(problems).toEqual([]);
  };
}

function expectRefused(result: Result<unknown>, file: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('storage');
  expect(result.error.message.en).toContain(file);
  expect(result.error.message.en).toContain('written by a newer wxtoken (format 2');
  expect(result.error.message.zh).toContain('更新版本的 wxtoken');
  expect(result.error.next?.en).toMatch(/Update wxtoken/);
}

describe('a file of a newer format', () => {
  it('accounts.json: listed as far as understood, never rewritten; adding to it is refused', async () => {
    const store = new AccountsStore({ home, lock, report });
    const intact = await newerFile(store.file, { accounts: [ACCOUNT], groups: [{ id: 1 }] });
    const list = await store.list();
    expect(list).toMatchObject({ ok: true, value: [{ name: 'prod', appid: ACCOUNT.appid }] });
    expectRefused(await store.add({ name: 'dev', appid: 'wx0a1b2c3d4e5f6a7b' }), store.file);
    expectRefused(await store.edit('prod', { note: 'x' }), store.file);
    await intact();
  });

  it('accounts.json with entries this build does not understand: lists the others, loses none', async () => {
    const store = new AccountsStore({ home, lock, report });
    const intact = await newerFile(store.file, { accounts: [ACCOUNT, { ...ACCOUNT, name: 'shop', kind: 'channels' }] });
    expect(await store.list()).toMatchObject({ ok: true, value: [{ name: 'prod' }] });
    expectRefused(await store.remove('prod'), store.file);
    await intact();
  });

  it('settings.json: read, never rewritten; a change is refused', async () => {
    const store = new SettingsStore({ home, lock, report });
    const intact = await newerFile(store.file, { language: 'en', sidebar: 'left' });
    expect(await store.get()).toMatchObject({ ok: true, value: { language: 'en' } });
    expectRefused(await store.update({ language: 'zh-CN' }), store.file);
    await intact();
  });

  it('history files: listed, never rewritten; a new entry is refused', async () => {
    const store = new HistoryStore({ home, lock, report });
    await mkdir(store.dir);
    const entry = { id: 'a', at: 1, account: 'prod', method: 'GET', path: '/cgi-bin/x', query: [], timeMs: 1, size: 1 };
    const file = join(store.dir, 'prod.json');
    const intact = await newerFile(file, { account: 'prod', entries: [entry] });
    expect(await store.list('prod')).toMatchObject({ ok: true, value: [{ id: 'a' }] });
    expectRefused(await store.add({ ...entry, id: 'b' } as never), file);
    await intact();
  });

  it('tokens.json: cached tokens still read, never rewritten; storing a token is refused', async () => {
    const secrets = new MemorySecretStore();
    const writer = new EncryptedTokenCache({ home, secrets, lock, report });
    const token = { accessToken: 'T'.repeat(40), expiresAt: Date.now() + 3_600_000, fetchedAt: Date.now(), mode: 'stable' as const };
    await writer.write('prod', token as never);
    writer.close();
    const current = JSON.parse(await readFile(join(home, 'tokens.json'), 'utf8')) as object;
    const cache = new EncryptedTokenCache({ home, secrets, lock, report });
    const intact = await newerFile(cache.file, current);
    expect(await cache.read('prod', { fresh: true })).toMatchObject({ accessToken: token.accessToken });
    // Asked before every fetch: refused, so no token is fetched that could not be stored.
    await expect(cache.readState('prod')).rejects.toMatchObject({ error: { code: 'storage' } });
    const refused = await cache.write('dev', token as never).then(
      () => undefined,
      (err: { error: never }) => err.error,
    );
    expect(refused).toBeDefined();
    expectRefused({ ok: false, error: refused! }, cache.file);
    cache.close();
    await intact();
  });
});
