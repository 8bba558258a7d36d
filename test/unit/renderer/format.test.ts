import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/catalogue/model';
import type { TokenStatus } from '../../../src/shared/models';
import { groupEndpoints } from '../../../src/renderer/console/endpoint-filter';
import { childCount, childEntries, PAGE_SIZE, scalarText } from '../../../src/renderer/console/json-nodes';
import { buildCurl, shellQuote } from '../../../src/renderer/lib/curl';
import { formatBytes, formatCountdown, formatMs } from '../../../src/renderer/lib/format';
import { checkJson, formatJson, lineColumn, looksJson } from '../../../src/renderer/lib/json-text';
import { backoffMs, createSseParser } from '../../../src/renderer/lib/sse';
import { lifeLeft, liveState } from '../../../src/renderer/lib/token-time';
import { filterAccounts } from '../../../src/renderer/store/accounts-slice';

describe('formatters', () => {
  it('shows a countdown as h:mm:ss or m:ss, never negative', () => {
    expect(formatCountdown(7_200_000)).toBe('2:00:00');
    expect(formatCountdown(3_599_000)).toBe('59:59');
    expect(formatCountdown(9_200)).toBe('0:10');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
  it('shows sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatMs(87.4)).toBe('87 ms');
    expect(formatMs(1240)).toBe('1.24 s');
  });
});

describe('JSON body checks', () => {
  it('accepts valid JSON and pretty-prints it', () => {
    expect(checkJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(formatJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(formatJson('{')).toBeUndefined();
  });
  it('says on which line and column a body breaks', () => {
    const text = '{\n  "touser": "x",\n  "msgtype": "text"\n  "text": {}\n}';
    const result = checkJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(4);
    expect(result.column).toBe(3);
  });
  it('points at the end for a body that stops early', () => {
    const result = checkJson('{"a": [1, 2');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.line).toBe(1);
  });
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
  it('recognises JSON sent as text/plain', () => {
    expect(looksJson('text/plain', ' {"errcode":0}')).toBe(true);
    expect(looksJson('image/jpeg', undefined)).toBe(false);
  });
});

describe('copy as cURL', () => {
  const base = { apiBase: 'https://api.weixin.qq.com/', method: 'POST' as const, path: '/cgi-bin/message/custom/send', query: [['lang', 'zh_CN']] as [string, string][] };
  it('masks the token as ACCESS_TOKEN unless given the real one', () => {
    const masked = buildCurl({ ...base, body: '{"touser":"o1"}' });
    expect(masked).toContain("'https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=ACCESS_TOKEN&lang=zh_CN'");
    expect(masked).toContain(`--data-raw '{"touser":"o1"}'`);
    expect(buildCurl({ ...base, token: 'REAL_TOKEN_1' })).toContain('access_token=REAL_TOKEN_1');
  });
  it('never sends a second access_token from the query table', () => {
    const line = buildCurl({ ...base, method: 'GET', query: [['access_token', 'leak']] });
    expect(line).not.toContain('leak');
    expect(line).not.toContain('-X');
  });
  it('quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('event stream parsing', () => {
  it('splits data lines across arbitrary chunks', () => {
    const got: string[] = [];
    const push = createSseParser((d) => got.push(d));
    push('data: {"name":"tok');
    push('enChanged"}\n\n: keep-alive\n\nda');
    push('ta: {"name":"x"}\r\n\r\n');
    expect(got).toEqual(['{"name":"tokenChanged"}', '{"name":"x"}']);
  });
  it('backs off from 1 s to at most 30 s', () => {
    expect(backoffMs(0)).toBe(1000);
    expect(backoffMs(3)).toBe(8000);
    expect(backoffMs(20)).toBe(30_000);
  });
});

describe('token state over time', () => {
  const status: TokenStatus = { account: 'a', state: 'fresh', mode: 'stable', masked: 'x', fetchedAt: 0, expiresAt: 7_200_000, fetchBlocked: false };
  it('turns expiring near the end and expired after it without an event', () => {
    expect(liveState(status, 1_000)).toBe('fresh');
    expect(liveState(status, 7_200_000 - 600_000)).toBe('expiring');
    expect(liveState(status, 7_200_000)).toBe('expired');
    expect(liveState({ ...status, lastError: { code: 'network', message: { zh: '', en: '' } } }, 1_000)).toBe('error');
    expect(liveState(undefined, 0)).toBe('none');
  });
  it('fills the bar with the share of life left', () => {
    expect(lifeLeft(status, 3_600_000)).toBe(0.5);
    expect(lifeLeft(status, 9_000_000)).toBe(0);
  });
});

describe('lists', () => {
  it('filters accounts by name, AppID or note, ignoring case', () => {
    const a = (name: string, appid: string, note?: string) => ({ name, appid, note, kind: 'oa' as const, mode: 'stable' as const, apiBase: '', createdAt: '', hasSecret: true });
    const list = [a('demo', 'wx1111', '测试号'), a('Shop', 'wx2222'), a('prod', 'wx3333', 'live')];
    expect(filterAccounts(list, 'SHO').map((x) => x.name)).toEqual(['Shop']);
    expect(filterAccounts(list, 'wx33').map((x) => x.name)).toEqual(['prod']);
    expect(filterAccounts(list, '测试').map((x) => x.name)).toEqual(['demo']);
    expect(filterAccounts(list, '  ')).toHaveLength(3);
  });

  it('groups the catalogue for the account kind and searches both languages and the path', () => {
    const ep = (id: string, group: Endpoint['group'], kinds: Endpoint['kinds'], zh: string, en: string, path: string): Endpoint => ({ id, group, kinds, method: 'GET', path, name: { zh, en } });
    const list = [
      ep('u', 'users', ['oa'], '获取用户列表', 'List followers', '/cgi-bin/user/get'),
      ep('d', 'diagnostics', ['oa', 'mp'], '获取回调 IP', 'Callback IPs', '/cgi-bin/getcallbackip'),
      ep('m', 'miniprogram', ['mp'], '小程序码', 'Mini Program code', '/wxa/getwxacodeunlimit'),
    ];
    expect(groupEndpoints(list, 'oa', '').map(([g, items]) => [g, items.map((e) => e.id)])).toEqual([
      ['diagnostics', ['d']],
      ['users', ['u']],
    ]);
    expect(groupEndpoints(list, 'mp', '小程序')[0][1][0].id).toBe('m');
    expect(groupEndpoints(list, 'oa', 'followers')[0][1][0].id).toBe('u');
    expect(groupEndpoints(list, 'oa', 'wxa')).toEqual([]);
  });

  it('pages huge arrays in the JSON tree instead of listing every item', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => i);
    expect(childCount(big)).toBe(50_000);
    expect(childEntries(big, PAGE_SIZE)).toHaveLength(PAGE_SIZE);
    expect(childEntries({ a: 1, b: 2, c: 3 }, 2)).toEqual([['a', 1], ['b', 2]]);
    expect(scalarText('x'.repeat(1000)).length).toBeLessThan(310);
  });
});
