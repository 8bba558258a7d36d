import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsStore } from '../../../src/main/core/storage/accounts-store';
import { canonicalAccount } from '../../../src/main/core/storage/canonical-account';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import type { AccountInput } from '../../../src/shared/models';
import { storedAccount } from '../../../src/shared/schemas';

const OA = 'wx0123456789abcdef';
const CORP = 'ww0123456789abcdez';

let home: string;
let store: AccountsStore;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-canonical-'));
  store = new AccountsStore({ home, lock: new FileProcessLock(home) });
});
afterEach(() => rm(home, { recursive: true, force: true }));

const fileEntries = async (): Promise<unknown[]> => JSON.parse(await readFile(join(home, 'accounts.json'), 'utf8')).accounts;

/** One of every shape `add` can write. */
const INPUTS: AccountInput[] = [
  { name: 'plain', appid: OA },
  { name: 'mini.app_1', appid: OA, kind: 'mp', mode: 'classic', apiBase: 'https://api2.weixin.qq.com/', proxy: 'http://127.0.0.1:8080', note: '正式号 note' },
  { name: '企业', appid: CORP, kind: 'wecom' },
  { name: 'shared', appid: OA, source: { type: 'share', redis: 'team-redis' } },
  { name: 'shared-cp', appid: CORP, kind: 'wecom', source: { type: 'share', redis: 'team-redis', agentid: '1000002' } },
  { name: 'observed', appid: OA, source: { type: 'observe', redis: 'prod', format: 'wxjava' } },
  { name: 'observed-plain', appid: OA, source: { type: 'observe', redis: 'prod', format: 'plain', key: 'app:{appid}:token' } },
  { name: 'observed-cp', appid: CORP, kind: 'wecom', source: { type: 'observe', redis: 'prod', format: 'wxjava-cp', agentid: '1000002' } },
  { name: 'observed-open', appid: OA, source: { type: 'observe', redis: 'prod', format: 'wxjava-open', componentAppid: 'wxaaaaaaaaaaaaaaaa' } },
  { name: 'url', appid: OA, source: { type: 'observe-url', url: 'https://central.example/token', header: 'X-Token-Key' } },
  { name: 'pasted', appid: OA, source: { type: 'paste' } },
];

describe('the accounts file check without zod', () => {
  it('passes every account as the store writes it, exactly as the schema reads it', async () => {
    for (const input of INPUTS) expect((await store.add(input)).ok, input.name).toBe(true);
    const entries = await fileEntries();
    expect(entries).toHaveLength(INPUTS.length);
    for (const entry of entries) {
      expect(canonicalAccount(entry), JSON.stringify(entry)).toBe(entry);
      expect(storedAccount.parse(entry)).toEqual(entry);
    }
  });

  it('leaves to the schema every entry it would change or refuse', async () => {
    await store.add({ name: 'base', appid: OA, source: { type: 'observe', redis: 'prod', format: 'plain', key: 'k:{appid}' } });
    const [base] = (await fileEntries()) as Record<string, unknown>[];
    const source = base.source as Record<string, unknown>;
    const variants: unknown[] = [
      { ...base, name: ' base' },
      { ...base, name: '' },
      { ...base, name: '-base' },
      { ...base, name: 'x'.repeat(65) },
      { ...base, kind: 'game' },
      { ...base, appid: 'wx123' },
      { ...base, mode: 'fast' },
      { ...base, apiBase: 'https://api.weixin.qq.com/' },
      { ...base, apiBase: 'https://api.weixin.qq.com?x=1' },
      { ...base, apiBase: 'ftp://api.weixin.qq.com' },
      { ...base, proxy: 'http://user:pw@127.0.0.1:8080' },
      { ...base, proxy: ' http://127.0.0.1:8080' },
      { ...base, note: 'n'.repeat(501) },
      { ...base, createdAt: 1 },
      { ...base, extra: true },
      { ...base, source: { ...source, key: undefined } },
      { ...base, source: { ...source, key: 'has space' } },
      { ...base, source: { ...source, format: 'laravel' } },
      { ...base, source: { ...source, redis: 'bad name' } },
      { ...base, source: { ...source, extra: 1 } },
      { ...base, source: { ...source, agentid: 'abc' } },
      { ...base, source: { type: 'observe-url', url: 'https://u:p@central.example/' } },
      { ...base, source: { type: 'observe-url', url: 'https://central.example/', header: 'Bad Header' } },
      { ...base, source: { type: 'share' } },
      { ...base, source: { type: 'paste', redis: 'x' } },
      { ...base, source: { type: 'fetch' } },
      [],
      null,
    ];
    for (const variant of variants) {
      const json = JSON.parse(JSON.stringify(variant)) as unknown;
      expect(canonicalAccount(json), JSON.stringify(variant)).toBeUndefined();
    }
  });

  it('still reads a hand-edited file the schema accepts, tidied, and reports what it does not', async () => {
    const accounts = [
      { name: ' padded ', kind: 'oa', appid: OA, mode: 'stable', apiBase: 'https://api.weixin.qq.com///', createdAt: '2026-01-01T00:00:00.000Z' },
      { name: 'broken', kind: 'oa', appid: OA, mode: 'fast', apiBase: 'https://api.weixin.qq.com', createdAt: '2026-01-01T00:00:00.000Z' },
    ];
    await writeFile(join(home, 'accounts.json'), JSON.stringify({ version: 1, accounts }));
    const problems: string[] = [];
    const reading = new AccountsStore({ home, lock: new FileProcessLock(home), report: (p) => problems.push(p.message.en) });
    const list = await reading.list();
    expect(list.ok && list.value.map((a) => [a.name, a.apiBase])).toEqual([['padded', 'https://api.weixin.qq.com']]);
    await reading.add({ name: 'other', appid: OA });
    expect(problems.join()).toMatch(/#2 "broken": mode invalid/);
  });
});
