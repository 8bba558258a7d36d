/**
 * Issue 10: saved requests (and the history, and when it was last used) belong to an account: they follow its rename, and go with it, so an
 * account added again under a removed or renamed name starts with none of the old ones. Through the core's API,
 * on a real data folder and the test keychain.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core';
import { safeFileName } from '../../../src/main/core/storage/paths';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';

const request = (name: string) => ({ name, method: 'GET' as const, path: '/cgi-bin/getcallbackip', query: [] });

async function savedNames(core: Core, account: string): Promise<string[]> {
  const list = await core.api.listSaved({ name: account });
  if (!list.ok) throw new Error(list.error.message.en);
  return list.value.map((s) => s.name);
}

async function historyPaths(core: Core, account: string): Promise<string[]> {
  const list = await core.api.listHistory({ name: account });
  if (!list.ok) throw new Error(list.error.message.en);
  return list.value.map((e) => e.path);
}

describe('saved requests and history follow their account', () => {
  let env: CoreEnv;
  beforeEach(async () => {
    env = await makeCoreEnv();
  });
  afterEach(() => env.close());

  it('move with a rename; the old name, added again, starts empty', async () => {
    const { core } = env;
    await env.addAccount('team-a', {});
    expect((await core.api.saveRequest({ name: 'team-a', request: request('callback ips') })).ok).toBe(true);
    expect((await core.api.sendRequest({ account: 'team-a', method: 'GET', path: '/cgi-bin/getcallbackip' })).ok).toBe(true);

    expect((await core.api.editAccount({ name: 'team-a', patch: { name: 'team-b' } })).ok).toBe(true);
    expect(await savedNames(core, 'team-b')).toEqual(['callback ips']);
    expect(await historyPaths(core, 'team-b')).toEqual(['/cgi-bin/getcallbackip']);
    // The call counted as a use ("recently used"), and the use moved with the name.
    const use = await core.api.listAccountUse({});
    expect(use.ok && Object.keys(use.value)).toEqual(['team-b']);

    await env.addAccount('team-a', {});
    expect(await savedNames(core, 'team-a')).toEqual([]);
    expect(await historyPaths(core, 'team-a')).toEqual([]);
    // And a restarted core reads the same.
    const again = await env.reopen();
    expect(await savedNames(again, 'team-b')).toEqual(['callback ips']);
    expect(await savedNames(again, 'team-a')).toEqual([]);
  });

  it('go with a removed account; one added again under its name starts empty', async () => {
    const { core } = env;
    await env.addAccount('gone', {});
    await core.api.saveRequest({ name: 'gone', request: request('menu') });
    await core.api.sendRequest({ account: 'gone', method: 'GET', path: '/cgi-bin/getcallbackip' });
    expect(await savedNames(core, 'gone')).toEqual(['menu']);

    expect((await core.api.noteAccountUse({ name: 'gone' })).ok).toBe(true);
    expect((await core.api.removeAccount({ name: 'gone' })).ok).toBe(true);
    await env.addAccount('gone', {});
    expect(await core.api.listAccountUse({})).toEqual({ ok: true, value: {} });
    expect(await savedNames(core, 'gone')).toEqual([]);
    expect(await historyPaths(core, 'gone')).toEqual([]);
  });

  it('a rename onto a name whose saved and history files outlived their account (an interrupted remove) inherits neither', async () => {
    const { core, home } = env;
    await mkdir(join(home, 'saved'), { recursive: true });
    const stale = { id: 'old', name: 'stale', method: 'GET', path: '/cgi-bin/menu/get', query: [], savedAt: new Date(0).toISOString() };
    await writeFile(join(home, 'saved', `${safeFileName('x')}.json`), JSON.stringify({ version: 1, account: 'x', entries: [stale] }));
    await mkdir(join(home, 'history'), { recursive: true });
    const old = { id: 'old', at: 0, account: 'x', method: 'GET', path: '/cgi-bin/menu/get', query: [], timeMs: 1, size: 1 };
    await writeFile(join(home, 'history', `${safeFileName('x')}.json`), JSON.stringify({ version: 1, account: 'x', entries: [old] }));
    await env.addAccount('empty', {});
    expect((await core.api.editAccount({ name: 'empty', patch: { name: 'x' } })).ok).toBe(true);
    expect(await savedNames(core, 'x')).toEqual([]);
    expect(await historyPaths(core, 'x')).toEqual([]);
  });
});
