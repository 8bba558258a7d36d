import { afterEach, describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/shared/contract';
import { jsapiSignature } from '../../../src/main/core/jssdk/signature';
import { hasTestKeyring } from '../../support/keychain/keychain';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';

describe.skipIf(!hasTestKeyring())('JS-SDK signing, rid and quota look-ups, clear_quota through the core and the simulator', () => {
  let env: CoreEnv;
  afterEach(async () => env?.close());

  it("signs a page URL with the account's ticket: wx.config's fields and the exact string", async () => {
    env = await makeCoreEnv();
    const account = await env.addAccount('oa', {}, 'stable');
    const signed = await env.core.api.signJsapi({ name: 'oa', url: 'https://m.example.cn/p?a=1#/x', nonceStr: 'abc123', timestamp: 1700000000 });
    if (!signed.ok) throw new Error(signed.error.message.en);
    const ticket = await env.core.api.getTicket({ name: 'oa' });
    const expected = jsapiSignature({ ticket: ticket.ok ? ticket.value.ticket : '', nonceStr: 'abc123', timestamp: 1700000000, url: 'https://m.example.cn/p?a=1' });
    expect(signed.value).toMatchObject({ appId: account.appid, nonceStr: 'abc123', timestamp: 1700000000, url: 'https://m.example.cn/p?a=1', ...expected });
    const fresh = await env.core.api.signJsapi({ name: 'oa', url: 'https://m.example.cn/' });
    expect(fresh.ok && fresh.value.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(fresh.ok && Math.abs(fresh.value.timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(env.sim.count('/cgi-bin/ticket/getticket')).toBe(1);
  });

  it("checks a pasted wx.config: right, and signed with another account's ticket", async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    const other = await env.addAccount('shop', {}, 'stable');
    const page = { url: 'https://m.example.cn/p', nonceStr: 'n1', timestamp: 1700000000 };
    const mine = await env.core.api.signJsapi({ name: 'oa', ...page });
    const theirs = await env.core.api.signJsapi({ name: 'shop', ...page });
    const right = await env.core.api.checkJsapi({ name: 'oa', ...page, timestamp: '1700000000', signature: mine.ok ? mine.value.signature : '' });
    expect(right.ok && right.value.valid).toBe(true);
    const wrong = await env.core.api.checkJsapi({ name: 'oa', ...page, timestamp: '1700000000', signature: theirs.ok ? theirs.value.signature : '' });
    expect(wrong.ok && wrong.value.valid).toBe(false);
    expect(wrong.ok && wrong.value.findings[0].code).toBe('other_account');
    expect(wrong.ok && wrong.value.findings[0].message.en).toContain(other.appid);
  });

  it('looks up what WeChat received for a rid, token masked; an unknown rid is 76001, explained', async () => {
    env = await makeCoreEnv({ callerIp: '203.0.113.9' });
    await env.addAccount('oa', {}, 'stable');
    const failed = await env.core.api.sendRequest({ account: 'oa', method: 'POST', path: '/cgi-bin/user/info/batchget', body: '{"user_list":"nope"}' });
    const rid = failed.ok ? failed.value.error?.rid : undefined;
    expect(rid).toMatch(/^[0-9a-f-]+$/);
    const found = await env.core.api.lookUpRid({ name: 'oa', rid: rid! });
    if (!found.ok) throw new Error(found.error.message.en);
    expect(found.value.requestUrl).toBe('/cgi-bin/user/info/batchget');
    expect(found.value.requestBody).toBe('{"user_list":"nope"}');
    expect(found.value.responseBody).toContain(rid);
    expect(found.value.clientIp).toBe('203.0.113.9');
    expect(found.value.invokeTime).toBeGreaterThan(1_700_000_000);
    const missing = await env.core.api.lookUpRid({ name: 'oa', rid: '0000aaaa-1111bbbb-2222cccc' });
    expect(!missing.ok && missing.error.errcode).toBe(76001);
    expect(!missing.ok && missing.error.message.en).toContain('7 days');
    env.sim.setFault('/cgi-bin/openapi/rid/get', { kind: 'echo', errcode: 76022 }, 1);
    const sns = await env.core.api.lookUpRid({ name: 'oa', rid: rid! });
    expect(!sns.ok && sns.error.message.en).toContain('/sns/');
  });

  it('reads a daily quota, counts a call, and explains an unknown path', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    const before = await env.core.api.getQuota({ name: 'oa', cgiPath: '/cgi-bin/message/custom/send' });
    expect(before.ok && before.value).toEqual({ cgiPath: '/cgi-bin/message/custom/send', dailyLimit: 500_000, used: 0, remain: 500_000 });
    await env.core.api.sendRequest({ account: 'oa', method: 'POST', path: '/cgi-bin/message/custom/send', body: '{"touser":"x","msgtype":"text","text":{"content":"hi"}}' });
    const after = await env.core.api.getQuota({ name: 'oa', cgiPath: '/cgi-bin/message/custom/send' });
    expect(after.ok && after.value.used).toBe(1);
    const unknown = await env.core.api.getQuota({ name: 'oa', cgiPath: '/cgi-bin/no/such' });
    expect(!unknown.ok && unknown.error.errcode).toBe(76021);
  });

  it('clear_quota needs the confirmation, resets the counters and lets a paused account fetch again; 48006 after 10', async () => {
    env = await makeCoreEnv();
    await env.addAccount('prod', { dailyQuota: 1 }, 'classic');
    expect((await env.core.api.revealToken({ name: 'prod' })).ok).toBe(true);
    const spent = await env.core.api.refreshToken({ name: 'prod', force: true });
    expect(!spent.ok && spent.error.errcode).toBe(45009);
    // Every host validates inputs against the contract first: without the confirmation nothing is sent.
    const unconfirmed = parseInput('clearQuota', { name: 'prod' });
    expect(!unconfirmed.ok && unconfirmed.error.message.en).toContain('10 resets a month');
    // The token still works, so clear_quota with the token; v2 (with the secret) is for when it does not.
    const cleared = await env.core.api.clearQuota({ name: 'prod', confirm: true });
    expect(cleared.ok).toBe(true);
    const status = await env.core.api.tokenStatus({ name: 'prod' });
    expect(status.ok && status.value.fetchBlocked).toBe(false);
    expect((await env.core.api.refreshToken({ name: 'prod', force: true })).ok).toBe(true);
    for (let i = 2; i <= 9; i++) expect((await env.core.api.clearQuota({ name: 'prod', confirm: true, withSecret: i % 2 === 0 })).ok).toBe(true);
    expect((await env.core.api.clearQuota({ name: 'prod', confirm: true, withSecret: true })).ok).toBe(true);
    const eleventh = await env.core.api.clearQuota({ name: 'prod', confirm: true });
    expect(!eleventh.ok && eleventh.error.errcode).toBe(48006);
    expect(env.sim.count('/cgi-bin/clear_quota/v2')).toBe(5);
  });
});
