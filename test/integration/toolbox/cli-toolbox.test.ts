/**
 * The toolbox commands as a user runs them: the built CLI in a child process, a real data folder, the test run's
 * private keyring, the simulator on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsapiSignature } from '../../../src/main/core/jssdk/signature';
import { cliSandbox, type CliSandbox } from '../../support/cli';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

const OTHER = { appid: 'wx0a1b2c3d4e5f6a7b', secret: 'c1a55ic5ecret0000aaaabbbbccccdddd', kind: 'oa' as const };

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken ticket, sign, rid, quota, clear-quota', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  const add = (name: string, account: { appid: string; secret: string; kind: string }) =>
    cli.run(['account', 'add', name, '--appid', account.appid, '--kind', account.kind, '--api-base', sim.url], { input: `${account.secret}\n` });

  beforeAll(async () => {
    sim = await startSimulator();
    for (const a of [DEMO_ACCOUNT, OTHER]) sim.addAccount(a);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    sim.resetCounts();
    expect((await add('oa', DEMO_ACCOUNT)).code).toBe(0);
  });
  afterEach(() => cli.cleanup());

  it('prints the jsapi ticket, fetched once across two runs; --json says where it came from', async () => {
    const first = await cli.run(['ticket', 'oa']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^sim_[\w-]+\n$/);
    const again = JSON.parse((await cli.run(['ticket', 'oa', '--json'])).stdout);
    expect(again).toMatchObject({ account: 'oa', type: 'jsapi', ticket: first.stdout.trim(), source: 'cache' });
    expect(sim.count('/cgi-bin/ticket/getticket')).toBe(1);
    const wrong = await cli.run(['ticket', 'oa', '--type', 'agent_config']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no agent_config ticket');
  });

  it('signs a URL: the wx.config fields, the exact string, a snippet; --check names the wrong part', async () => {
    const signed = await cli.run(['sign', 'oa', '--url', 'https://m.example.cn/a?b=1#/c', '--nonce', 'Wm3WZYTPz0wzccnW', '--timestamp', '1414587457', '--json']);
    expect(signed.code).toBe(0);
    const json = JSON.parse(signed.stdout);
    const ticket = (await cli.run(['ticket', 'oa'])).stdout.trim();
    const expected = jsapiSignature({ ticket, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457, url: 'https://m.example.cn/a?b=1' });
    expect(json).toEqual({
      account: 'oa', type: 'jsapi', app_id: DEMO_ACCOUNT.appid, timestamp: 1414587457, nonce_str: 'Wm3WZYTPz0wzccnW',
      signature: expected.signature, url: 'https://m.example.cn/a?b=1', string_to_sign: expected.stringToSign,
    });
    const text = await cli.run(['sign', 'oa', '--url', 'https://m.example.cn/']);
    expect(text.stdout).toContain('wx.config({');
    expect(text.stdout).toMatch(/signed\s+jsapi_ticket=sim_/);

    const withHash = jsapiSignature({ ticket, nonceStr: 'n', timestamp: 1414587457, url: '' }).stringToSign;
    const badSignature = (await import('node:crypto')).createHash('sha1').update(`${withHash}https://m.example.cn/a#/c`).digest('hex');
    const check = await cli.run(['sign', 'oa', '--url', 'https://m.example.cn/a#/c', '--nonce', 'n', '--timestamp', '1414587457', '--check', badSignature]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('✗ The URL was signed with its # part');
    const good = await cli.run(['sign', 'oa', '--url', 'https://m.example.cn/a?b=1', '--nonce', 'Wm3WZYTPz0wzccnW', '--timestamp', '1414587457', '--check', expected.signature]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('✓ The signature is right');
  });

  it('looks up a rid from a failed call, and explains 76001', async () => {
    const failed = await cli.run(['call', 'oa', 'POST', '/cgi-bin/user/info/batchget', '--data', '{"user_list":1}']);
    const rid = /rid: ([0-9a-f-]+)/.exec(failed.stdout + failed.stderr)?.[1];
    expect(rid).toBeDefined();
    const found = await cli.run(['rid', 'oa', rid!, '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject({ rid, request_url: '/cgi-bin/user/info/batchget', request_body: '{"user_list":1}', client_ip: '127.0.0.1' });
    const text = await cli.run(['rid', 'oa', rid!]);
    expect(text.stdout).toMatch(/request URL\s+\/cgi-bin\/user\/info\/batchget/);
    const missing = await cli.run(['rid', 'oa', 'aaaa0000-bbbb1111-cccc2222']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('WeChat keeps rids for 7 days');
  });

  it("shows an API's quota; clear-quota refuses without a terminal or --yes, and says what it costs", async () => {
    const quota = await cli.run(['quota', 'oa', '/cgi-bin/message/custom/send', '--json']);
    expect(JSON.parse(quota.stdout)).toEqual({ cgi_path: '/cgi-bin/message/custom/send', daily_limit: 500000, used: 0, remain: 500000 });
    const text = await cli.run(['quota', 'oa', '/cgi-bin/message/custom/send']);
    expect(text.stdout).toMatch(/remaining\s+500000/);
    const refused = await cli.run(['clear-quota', 'oa']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('one of the account\'s 10 resets a month');
    expect(sim.count('/cgi-bin/clear_quota')).toBe(0);
    const cleared = await cli.run(['clear-quota', 'oa', '--yes']);
    expect(cleared.code).toBe(0);
    expect(cleared.stderr).toContain('10 resets a month');
    expect(sim.count('/cgi-bin/clear_quota')).toBe(1);
  });

  it('speaks Chinese when asked', async () => {
    const refused = await cli.run(['clear-quota', 'oa'], { env: { WXTOKEN_LANG: 'zh_CN.UTF-8' } });
    expect(refused.stderr).toContain('每月 10 次清零机会');
  });
});
