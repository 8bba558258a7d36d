import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import { KeytarSecretStore } from '../../../src/main/core/keychain/secret-store';
import { CACHE_KEY_ITEM, EncryptedTokenCache } from '../../../src/main/core/tokens/token-cache';
import type { SecretStore, StoredToken } from '../../../src/main/core/types';
import { deleteService, hasTestKeyring, uniqueService } from '../../support/keychain/keychain';
import { MemorySecretStore } from '../../support/keychain/memory-secret-store';
import type { FileProblem } from '../../../src/main/core/storage/atomic-file';

let home: string;
let service: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-cache-'));
  service = uniqueService('cache');
});
afterEach(async () => {
  if (hasTestKeyring()) await deleteService(service);
  await rm(home, { recursive: true, force: true });
});

const TOKEN = '93_Qm9ndXNUb2tlblZhbHVlRm9yVGVzdHNPbmx5X2RvX25vdF91c2U';
const token = (accessToken = TOKEN): StoredToken => ({
  accessToken,
  expiresAt: Date.now() + 7_200_000,
  fetchedAt: Date.now(),
  mode: 'stable',
  appid: 'wx0123456789abcdef',
  apiBase: 'https://api.weixin.qq.com',
});

/** Counts keychain calls, to show that a cache hit needs none. */
class CountingStore implements SecretStore {
  calls = 0;
  constructor(private readonly inner: SecretStore) {}
  get(a: string) {
    this.calls++;
    return this.inner.get(a);
  }
  set(a: string, v: string) {
    this.calls++;
    return this.inner.set(a, v);
  }
  delete(a: string) {
    this.calls++;
    return this.inner.delete(a);
  }
  list() {
    this.calls++;
    return this.inner.list();
  }
}

const keychain = () => new KeytarSecretStore({ service });
const cacheOn = (secrets: SecretStore, report?: (p: FileProblem) => void) =>
  new EncryptedTokenCache({ home, secrets, lock: new FileProcessLock(home), report });
const tokensFile = () => join(home, 'tokens.json');

describe.skipIf(!hasTestKeyring())('EncryptedTokenCache with the real keychain', () => {
  it('round-trips a token and keeps no token text in tokens.json', async () => {
    const cache = cacheOn(keychain());
    const stored = token();
    await cache.write('prod', stored);
    expect(await cache.read('prod')).toEqual(stored);
    const text = await readFile(tokensFile(), 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(10, 30));
    expect(Object.keys(JSON.parse(text).tokens.prod).sort()).toEqual(['data', 'iv', 'tag']);
    if (process.platform !== 'win32') expect((await stat(tokensFile())).mode & 0o777).toBe(0o600);
    // The key is in the keychain, not next to the file.
    const key = await keychain().get(CACHE_KEY_ITEM);
    expect(key).toBeDefined();
    for (const f of await readdir(home)) if (f !== 'locks') expect(await readFile(join(home, f), 'utf8')).not.toContain(key);
  });

  it('lets another process see a write and a delete', async () => {
    const one = cacheOn(keychain());
    const two = cacheOn(keychain());
    expect(await two.read('prod')).toBeUndefined();
    await one.write('prod', token());
    expect((await two.read('prod'))?.accessToken).toBe(TOKEN);
    await one.write('prod', token('second-token'));
    expect((await two.read('prod'))?.accessToken).toBe('second-token');
    await one.delete('prod');
    expect(await two.read('prod')).toBeUndefined();
  });

  it('serves repeated hits without asking the keychain again', async () => {
    const counting = new CountingStore(keychain());
    const cache = cacheOn(counting);
    await cache.write('prod', token());
    await cache.read('prod');
    const before = counting.calls;
    for (let i = 0; i < 100; i++) expect((await cache.read('prod'))?.accessToken).toBe(TOKEN);
    expect(counting.calls).toBe(before);
  });

  it('treats a lost key as a miss, then starts again with a new one', async () => {
    await cacheOn(keychain()).write('prod', token());
    await keychain().delete(CACHE_KEY_ITEM);
    const later = cacheOn(keychain());
    expect(await later.read('prod')).toBeUndefined();
    await later.write('prod', token('after-loss'));
    expect((await cacheOn(keychain()).read('prod'))?.accessToken).toBe('after-loss');
  });

  it('treats a changed key as a miss', async () => {
    await cacheOn(keychain()).write('prod', token());
    await keychain().set(CACHE_KEY_ITEM, Buffer.alloc(32, 7).toString('base64'));
    expect(await cacheOn(keychain()).read('prod')).toBeUndefined();
  });
});

describe('EncryptedTokenCache file handling', () => {
  it('keeps fetch state in the clear and per account', async () => {
    const cache = cacheOn(new MemorySecretStore());
    expect(await cache.readState('prod')).toEqual({});
    await cache.writeState('prod', { blockedAt: 123, forceTimes: [1, 2] });
    expect(await cacheOn(new MemorySecretStore()).readState('prod')).toEqual({ blockedAt: 123, forceTimes: [1, 2] });
    expect(await cache.readState('other')).toEqual({});
    await cache.writeState('prod', { blockedAt: undefined });
    expect(await cache.readState('prod')).toEqual({});
  });

  it('does not let an entry be moved to another account', async () => {
    const secrets = new MemorySecretStore();
    const cache = cacheOn(secrets);
    await cache.write('a', token());
    const file = JSON.parse(await readFile(tokensFile(), 'utf8'));
    file.tokens.b = file.tokens.a;
    await writeFile(tokensFile(), JSON.stringify(file));
    expect(await cacheOn(secrets).read('b')).toBeUndefined();
    expect((await cacheOn(secrets).read('a'))?.accessToken).toBe(TOKEN);
  });

  it('reads a corrupt file as empty and sets it aside on the next write', async () => {
    const secrets = new MemorySecretStore();
    await writeFile(tokensFile(), '{"version":1,"tokens":');
    const problems: FileProblem[] = [];
    const cache = cacheOn(secrets, (p) => problems.push(p));
    expect(await cache.read('prod')).toBeUndefined();
    expect(await cache.readState('prod')).toEqual({});
    await cache.write('prod', token());
    expect((await cache.read('prod'))?.accessToken).toBe(TOKEN);
    expect((await readdir(home)).some((f) => f.startsWith('tokens.json.corrupt-'))).toBe(true);
    expect(problems).toHaveLength(1);
  });
});
