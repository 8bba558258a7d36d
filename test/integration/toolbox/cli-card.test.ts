/**
 * `wxtoken sign NAME --card`: the card extension's signature for wx.addCard, with the account's wx_card api_ticket,
 * checked against sha1sum over the values sorted by `sort` in the C locale (an implementation that is not ours).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../../support/cli';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

const WECOM = { appid: 'wwcafe0000beef0001', secret: 'wecom5ecret0000aaaabbbbccccddddeeeeffff0', kind: 'wecom' as const };

/** sha1(sort(values).join('')) by coreutils: one value a line, sorted bytewise, newlines dropped, hashed. */
function sha1sumOfSorted(values: string[]): { joined: string; signature: string } {
  const shell = (cmd: string, input: string) => execFileSync('sh', ['-c', cmd], { input, env: { ...process.env, LC_ALL: 'C' } }).toString();
  const joined = shell("sort | tr -d '\\n'", `${values.join('\n')}\n`);
  return { joined, signature: shell('sha1sum', joined).split(' ')[0]! };
}

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken sign --card', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  const add = (name: string, account: { appid: string; secret: string; kind: string }) =>
    cli.run(['account', 'add', name, '--appid', account.appid, '--kind', account.kind, '--api-base', sim.url], { input: `${account.secret}\n` });

  beforeAll(async () => {
    sim = await startSimulator();
    for (const a of [DEMO_ACCOUNT, WECOM]) sim.addAccount(a);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    sim.resetCounts();
    expect((await add('oa', DEMO_ACCOUNT)).code).toBe(0);
  });
  afterEach(() => cli.cleanup());

  it('signs the card extension with the wx_card api_ticket: the sorted values, sha1, and the cardExt to paste', async () => {
    const args = ['sign', 'oa', '--card', '--card-id', 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', '--code', '110201201245', '--openid', 'oFS7Fjl0WsZ9AMZqrI80nbIq8xrA', '--nonce', 'Wm3WZYTPz0wzccnW', '--timestamp', '1414587457'];
    const signed = await cli.run([...args, '--json']);
    expect(signed.code).toBe(0);
    const json = JSON.parse(signed.stdout);
    const ticket = (await cli.run(['ticket', 'oa', '--type', 'wx_card'])).stdout.trim();
    expect(ticket).toMatch(/^sim_/);
    const expected = sha1sumOfSorted([ticket, '1414587457', 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', '110201201245', 'oFS7Fjl0WsZ9AMZqrI80nbIq8xrA', 'Wm3WZYTPz0wzccnW']);
    expect(json).toEqual({
      account: 'oa',
      card_id: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc',
      code: '110201201245',
      openid: 'oFS7Fjl0WsZ9AMZqrI80nbIq8xrA',
      timestamp: 1414587457,
      nonce_str: 'Wm3WZYTPz0wzccnW',
      signature: expected.signature,
      string_to_sign: expected.joined,
      card_ext: JSON.stringify({ code: '110201201245', openid: 'oFS7Fjl0WsZ9AMZqrI80nbIq8xrA', timestamp: '1414587457', nonce_str: 'Wm3WZYTPz0wzccnW', signature: expected.signature }),
    });
    // The jsapi ticket is another ticket: only the wx_card one was fetched, once.
    expect(sim.count('/cgi-bin/ticket/getticket')).toBe(1);

    // Without code and openid: they are left out of the string and of cardExt; the text form gives wx.addCard.
    const bare = await cli.run(['sign', 'oa', '--card', '--card-id', 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', '--nonce', 'n0', '--timestamp', '1700000000']);
    expect(bare.code).toBe(0);
    const plain = sha1sumOfSorted([ticket, '1700000000', 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', 'n0']);
    expect(bare.stdout).toContain('wx.addCard({');
    expect(bare.stdout).toContain(`cardExt: '{"timestamp":"1700000000","nonce_str":"n0","signature":"${plain.signature}"}'`);
  });

  it('refuses a card signature without a card id, with a page URL, or for a WeCom app, and says why', async () => {
    const noId = await cli.run(['sign', 'oa', '--card']);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('--card needs --card-id');
    const both = await cli.run(['sign', 'oa', '--card', '--card-id', 'p1', '--url', 'https://m.example.cn/']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--card signs a card, not a page: leave out --url');
    const badId = await cli.run(['sign', 'oa', '--card', '--card-id', 'p 1']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('cardId');
    expect((await add('wecom', WECOM)).code).toBe(0);
    const wecom = await cli.run(['sign', 'wecom', '--card', '--card-id', 'p1']);
    expect(wecom.code).not.toBe(0);
    expect(wecom.stderr).toContain('wx_card');
    expect(sim.count('/cgi-bin/ticket/getticket')).toBe(0);
  });
});
