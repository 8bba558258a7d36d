/** Saved connections without a server: the file, the keychain item, and failures that change nothing. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileProblem } from '../../../src/main/core/storage/atomic-file';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import { createRedisApi } from '../../../src/main/core/redis/redis-api';
import { RedisStore } from '../../../src/main/core/redis/redis-store';
import { keychainUnavailable } from '../../../src/main/core/keychain/secret-store';
import { parseInput } from '../../../src/shared/contract';
import { MemorySecretStore } from '../../support/keychain/memory-secret-store';

const PASSWORD = 'pw-7c1e0a9d55';
let home: string;
let secrets: MemorySecretStore;
let problems: FileProblem[];
const api = () => createRedisApi({ store: new RedisStore({ home, lock: new FileProcessLock(home), report: (p) => problems.push(p) }), secrets });
const add = (name: string, url: string, password?: string) => {
  const input = parseInput('addRedis', { connection: { name, url }, ...(password !== undefined ? { password } : {}) });
  if (!input.ok) throw new Error(input.error.message.en);
  return api().addRedis(input.value);
};

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-redis-unit-'));
  secrets = new MemorySecretStore();
  problems = [];
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('Redis connections', () => {
  it('saves the connection in redis.json and the password in the keychain, under its own item', async () => {
    const added = await add('team', 'redis://team@127.0.0.1:6390/1', PASSWORD);
    expect(added).toMatchObject({ ok: true, value: { name: 'team', url: 'redis://team@127.0.0.1:6390/1', hasPassword: true, tls: false } });
    expect(secrets.items.get('redis-password:team')).toBe(PASSWORD);
    const file = JSON.parse(await readFile(join(home, 'redis.json'), 'utf8'));
    expect(file).toEqual({ version: 1, connections: [{ name: 'team', url: 'redis://team@127.0.0.1:6390/1', createdAt: expect.any(String) }] });
    for (const name of await readdir(home, { recursive: true })) {
      const path = join(home, String(name));
      const text = await readFile(path, 'utf8').catch(() => '');
      expect(text, path).not.toContain(PASSWORD);
    }
  });

  it('refuses a duplicate name (any case) and a bad URL, changing nothing', async () => {
    await add('team', 'redis://127.0.0.1:6390', PASSWORD);
    const dup = await add('TEAM', 'redis://127.0.0.1:6391', 'other');
    expect(dup.ok || dup.error.code).toBe('conflict');
    const bad = await add('other', 'redis://:secret@127.0.0.1');
    expect(bad.ok || bad.error).toMatchObject({ code: 'validation', field: 'url' });
    const list = await api().listRedis({});
    expect(list.ok && list.value.map((c) => c.name)).toEqual(['team']);
    expect(secrets.items.get('redis-password:team')).toBe(PASSWORD);
  });

  it('a locked keychain: add and remove fail whole', async () => {
    const set = secrets.set.bind(secrets);
    secrets.set = async () => {
      throw keychainUnavailable('locked');
    };
    const added = await add('team', 'redis://127.0.0.1:6390', PASSWORD);
    expect(added.ok || added.error.code).toBe('keychain_unavailable');
    expect((await api().listRedis({})).ok && (await api().listRedis({}))).toMatchObject({ value: [] });

    secrets.set = set;
    await add('team', 'redis://127.0.0.1:6390', PASSWORD);
    secrets.delete = async () => {
      throw keychainUnavailable('locked');
    };
    const removed = await api().removeRedis({ name: 'team' });
    expect(removed.ok || removed.error.code).toBe('keychain_unavailable');
    const list = await api().listRedis({});
    expect(list.ok && list.value.map((c) => c.name)).toEqual(['team']);
  });

  it('an unknown name is not_found for test, find and remove', async () => {
    for (const result of [await api().testRedis({ name: 'nope' }), await api().findRedisKeys({ name: 'nope', appid: 'wx0123456789abcdef' }), await api().removeRedis({ name: 'nope' })]) {
      expect(result.ok || result.error.message.en).toMatch(/No such Redis connection: nope/);
    }
  });

  it('a corrupt redis.json is set aside and reported; the valid entries are kept', async () => {
    await writeFile(
      join(home, 'redis.json'),
      JSON.stringify({ version: 1, connections: [{ name: 'ok', url: 'redis://127.0.0.1:1', createdAt: 'x' }, { name: 'bad', url: 'http://x', createdAt: 'x' }] }),
    );
    const list = await api().listRedis({});
    expect(list.ok && list.value.map((c) => c.name)).toEqual(['ok']);
    expect(problems).toHaveLength(1);
    expect(problems[0].message.en).toMatch(/redis\.json was corrupt/);
    expect((await readdir(home)).some((f) => f.startsWith('redis.json.corrupt-'))).toBe(true);
  });
});
