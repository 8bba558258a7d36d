/**
 * `wxtoken call NAME METHOD PATH?query`: the path as WeChat's docs print it, the whole URL included
 * (access_token=ACCESS_TOKEN dropped), its query joined with --query; a URL on a host that is not WeChat's is
 * refused (exit 2, nothing sent); a bad path is explained in Chinese throughout under a zh language.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliResult, type CliSandbox } from '../../support/cli';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken call with PATH?query', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  const run = (args: string[], options?: Parameters<CliSandbox['run']>[1]): Promise<CliResult> => cli.run(args, options);

  beforeAll(async () => {
    sim = await startSimulator();
    sim.addAccount(DEMO_ACCOUNT);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    sim.resetCounts();
    const added = await run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--kind', 'oa', '--api-base', sim.url], { input: `${DEMO_ACCOUNT.secret}\n` });
    expect(added.code).toBe(0);
  });
  afterEach(() => cli.cleanup());

  it('sends the query in the path, from a docs URL too, without its ACCESS_TOKEN placeholder', async () => {
    // next_openid that is no follower: the simulator answers 40003, which proves the query arrived.
    const bad = await run(['call', 'prod', 'GET', '/cgi-bin/user/get?next_openid=nobody']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('40003');

    const docs = await run(['call', 'prod', 'GET', 'https://api.weixin.qq.com/cgi-bin/user/get?access_token=ACCESS_TOKEN&next_openid=', '--json']);
    expect(docs.code).toBe(0);
    expect(JSON.parse(docs.stdout).body).toHaveProperty('total');
    expect(sim.count('/cgi-bin/user/get')).toBe(2);

    // The query in the path and --query both go.
    const both = await run(['call', 'prod', 'GET', '/cgi-bin/user/info?openid=nobody', '--query', 'lang=en']);
    expect(both.code).toBe(3);
    expect(both.stderr).toContain('40003');

    const history = JSON.parse((await run(['history', 'prod', '--json'])).stdout) as { path: string; query: [string, string][] }[];
    expect(history.every((h) => !h.path.includes('?'))).toBe(true);
    expect(history[0]!.query).toEqual([['openid', 'nobody'], ['lang', 'en']]);
    expect(JSON.stringify(history)).not.toContain('ACCESS_TOKEN');
  });

  it('refuses a URL on a host that is not WeChat’s, sending nothing', async () => {
    const other = await run(['call', 'prod', 'GET', 'https://example.com/cgi-bin/user/get?next_openid=']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('example.com is not a WeChat API host');
    expect(sim.count('/cgi-bin/user/get')).toBe(0);
  });

  it('explains a bad path in Chinese throughout', async () => {
    const zh = await run(['call', 'prod', 'GET', 'cgi-bin/user get'], { env: { WXTOKEN_LANG: 'zh-CN' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('路径必须以 "/" 开头');
    expect(zh.stderr).not.toMatch(/must|start with/);
  });
});
