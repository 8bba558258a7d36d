import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsStore } from '../../../src/main/core/storage/accounts-store';
import { FileProcessLock } from '../../../src/main/core/storage/process-lock';
import type { AccountInput, AccountPatch } from '../../../src/shared/models';
import type { FileProblem } from '../../../src/main/core/storage/atomic-file';

const OA = 'wx0123456789abcdef';
const OTHER = 'wxfedcba9876543210';
const CORP = 'ww0123456789abcdez';

let home: string;
let store: AccountsStore;
/** Corrupt files the store reported setting aside. */
let problems: FileProblem[];
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'wxtoken-accounts-'));
  problems = [];
  store = new AccountsStore({ home, lock: new FileProcessLock(home), report: (p) => problems.push(p) });
});
afterEach(() => rm(home, { recursive: true, force: true }));

const fileText = () => readFile(join(home, 'accounts.json'), 'utf8').catch(() => '');

async function expectInvalid(input: unknown, field: string, text?: RegExp) {
  const before = await fileText();
  const result = await store.add(input as AccountInput);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('validation');
  expect(result.error.field).toBe(field);
  if (text) expect(result.error.message.en).toMatch(text);
  expect(await fileText()).toBe(before);
}

describe('AccountsStore', () => {
  it('says what is wrong with an input in Chinese too, not in English inside the Chinese', async () => {
    const zhOf = async (input: unknown) => {
      const result = await store.add(input as AccountInput);
      return result.ok ? '' : result.error.message.zh;
    };
    expect(await zhOf({ name: '', appid: OA })).toBe('输入无效：name：名称为空');
    expect(await zhOf({ name: 'prod', appid: 'wx123' })).toBe('输入无效：AppID 必须是 "wx" 加 16 位十六进制数字');
    expect(await zhOf({ name: 'prod', appid: OA, kind: 'game' })).toBe('输入无效：kind 只能是 oa、mp、wecom');
    expect(await zhOf({ name: 'prod', appid: OA, color: 'red' })).toBe('输入无效：不认识的字段 "color"');
    expect(await zhOf({ name: 'prod', appid: OA, note: 'n'.repeat(501) })).toBe('输入无效：note：备注超过 500 个字符');
  });

  it('adds an account with the defaults and lists it', async () => {
    const added = await store.add({ name: 'prod', appid: OA });
    expect(added.ok && added.value).toMatchObject({ name: 'prod', kind: 'oa', mode: 'stable', apiBase: 'https://api.weixin.qq.com', appid: OA });
    const wecom = await store.add({ name: 'corp', appid: CORP, kind: 'wecom' });
    expect(wecom.ok && wecom.value.apiBase).toBe('https://qyapi.weixin.qq.com');
    const list = await store.list();
    expect(list.ok && list.value.map((a) => a.name)).toEqual(['prod', 'corp']);
    const got = await store.get('prod');
    expect(got.ok && got.value.appid).toBe(OA);
  });

  it('writes pretty JSON with a version and nothing secret', async () => {
    await store.add({ name: 'prod', appid: OA, proxy: 'http://127.0.0.1:8080', note: '正式号' });
    const text = await fileText();
    expect(text).toContain('\n  "version": 1');
    const parsed = JSON.parse(text);
    expect(parsed.accounts[0].note).toBe('正式号');
    expect(Object.keys(parsed.accounts[0]).sort()).toEqual(['apiBase', 'appid', 'createdAt', 'kind', 'mode', 'name', 'note', 'proxy']);
  });

  it('rejects every bad input with the field named, and changes nothing', async () => {
    await store.add({ name: 'prod', appid: OA });
    await expectInvalid({ name: 'x', appid: 'wx123' }, 'appid', /AppID must be "wx"/);
    await expectInvalid({ name: 'x', appid: CORP }, 'appid', /AppID/);
    await expectInvalid({ name: 'x', appid: 'ww0123', kind: 'wecom' }, 'appid', /corpid/);
    await expectInvalid({ name: 'x', appid: OA, kind: 'game' }, 'kind', /kind must be one of oa, mp, wecom/);
    await expectInvalid({ name: 'x', appid: OA, mode: 'fast' }, 'mode', /stable or classic/);
    await expectInvalid({ name: 'x', appid: OA, apiBase: 'ftp://api.weixin.qq.com' }, 'apiBase', /http\(s\) URL/);
    await expectInvalid({ name: 'x', appid: OA, apiBase: 'not a url' }, 'apiBase');
    await expectInvalid({ name: 'x', appid: OA, proxy: 'socks5://127.0.0.1:1080' }, 'proxy', /proxy/);
    await expectInvalid({ name: '', appid: OA }, 'name', /empty/);
    await expectInvalid({ name: '-x', appid: OA }, 'name', /starts with a letter or digit/);
    await expectInvalid({ name: 'x', appid: OA, note: 'n'.repeat(501) }, 'note', /500/);
    await expectInvalid({ name: 'x', appid: OA, secret: 'abc' }, 'secret', /unknown field/);
    expect((await store.list()).ok && (await store.list())).toMatchObject({ value: [{ name: 'prod' }] });
  });

  it('refuses a duplicate name, whatever its case', async () => {
    await store.add({ name: 'prod', appid: OA });
    const before = await fileText();
    for (const name of ['prod', 'PROD']) {
      const again = await store.add({ name, appid: OTHER });
      expect(!again.ok && again.error).toMatchObject({ code: 'conflict', field: 'name' });
    }
    expect(await fileText()).toBe(before);
  });

  it('edits, renames, clears optional fields, and re-checks the AppID against a new kind', async () => {
    await store.add({ name: 'prod', appid: OA, proxy: 'http://127.0.0.1:8080', note: 'n' });
    await store.add({ name: 'test', appid: OTHER });
    const renamed = await store.edit('prod', { name: 'live', mode: 'classic', proxy: null, note: null });
    expect(renamed.ok && renamed.value).toMatchObject({ name: 'live', mode: 'classic', appid: OA });
    expect(renamed.ok && 'proxy' in renamed.value).toBe(false);
    expect(renamed.ok && 'note' in renamed.value).toBe(false);
    expect((await store.get('prod')).ok).toBe(false);

    const clash = await store.edit('live', { name: 'Test' });
    expect(!clash.ok && clash.error.code).toBe('conflict');
    const toWecom = await store.edit('live', { kind: 'wecom', appid: CORP });
    expect(toWecom.ok && toWecom.value).toMatchObject({ kind: 'wecom', appid: CORP, apiBase: 'https://qyapi.weixin.qq.com' });
    // A corpid with letters past "f" is no AppID: going back to an Official Account needs a new one.
    const badKind = await store.edit('live', { kind: 'oa' });
    expect(!badKind.ok && badKind.error).toMatchObject({ code: 'validation', field: 'appid' });
    const stored = await store.get('live');
    expect(stored.ok && stored.value.kind).toBe('wecom');
    const badUrl = await store.edit('live', { apiBase: 'nope' } as AccountPatch);
    expect(!badUrl.ok && badUrl.error.field).toBe('apiBase');
    const missing = await store.edit('ghost', { note: 'x' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('keeps a custom API base when the kind changes', async () => {
    await store.add({ name: 'p', appid: OA, apiBase: 'http://127.0.0.1:9000/' });
    const edited = await store.edit('p', { kind: 'mp' });
    expect(edited.ok && edited.value.apiBase).toBe('http://127.0.0.1:9000');
  });

  it('removes an account and says when there is none', async () => {
    await store.add({ name: 'prod', appid: OA });
    const removed = await store.remove('prod');
    expect(removed.ok && removed.value.name).toBe('prod');
    const list = await store.list();
    expect(list.ok && list.value).toEqual([]);
    const again = await store.remove('prod');
    expect(!again.ok && again.error.code).toBe('not_found');
  });

  it('loses no account when many are added at once, and another instance sees them', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `a${i}`);
    const results = await Promise.all(names.map((name) => store.add({ name, appid: OA })));
    expect(results.every((r) => r.ok)).toBe(true);
    const other = new AccountsStore({ home, lock: new FileProcessLock(home) });
    const list = await other.list();
    expect(list.ok && list.value.map((a) => a.name).sort()).toEqual([...names].sort());
  });

  it('moves a corrupt file aside, keeps the valid accounts, and reports it', async () => {
    const good = { name: 'good', kind: 'oa', appid: OA, mode: 'stable', apiBase: 'https://api.weixin.qq.com', createdAt: '2024-01-01T00:00:00.000Z' };
    const corrupt = JSON.stringify({
      version: 1,
      accounts: [good, { name: 'bad', kind: 'oa', appid: 'wx1', mode: 'stable', apiBase: 'x', createdAt: '' }, { nonsense: true }, { ...good }],
    });
    await writeFile(join(home, 'accounts.json'), corrupt);
    const list = await store.list();
    expect(list.ok && list.value.map((a) => a.name)).toEqual(['good']);

    const files = await readdir(home);
    const aside = files.find((f) => f.startsWith('accounts.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(home, aside!), 'utf8')).toBe(corrupt);
    expect(JSON.parse(await fileText()).accounts.map((a: { name: string }) => a.name)).toEqual(['good']);

    expect(problems).toHaveLength(1);
    expect(problems[0].message.en).toContain(aside);
    expect(problems[0].message.en).toMatch(/"bad"/);
    // Repaired once: reading again finds a good file.
    await store.list();
    expect(problems).toHaveLength(1);
    expect((await readdir(home)).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('starts over from a file that is not JSON at all, keeping the old one', async () => {
    await writeFile(join(home, 'accounts.json'), '{"version":1,"accounts":[');
    const added = await store.add({ name: 'fresh', appid: OA });
    expect(added.ok).toBe(true);
    expect((await readdir(home)).some((f) => f.startsWith('accounts.json.corrupt-'))).toBe(true);
    expect(problems[0].message.en).toMatch(/not valid JSON/);
  });
});
