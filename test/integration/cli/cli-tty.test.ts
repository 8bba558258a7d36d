/** The CLI on a real terminal (a pseudo-terminal from util-linux `script`): prompts without echo, confirmations. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, runCliTty, type CliSandbox } from '../../support/cli';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

const CLASSIC = { appid: 'wx2c3d4e5f6a7b8c9d', secret: 'tty5ecretc1a55ic0000aaaabbbbccccdd', kind: 'oa' as const };

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken CLI on a terminal', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  const tty = (args: string[], steps: { waitFor: string | RegExp; send: string }[]) => runCliTty(args, { env: cli.env, steps });

  beforeAll(async () => {
    sim = await startSimulator();
    sim.addAccount(DEMO_ACCOUNT);
    sim.addAccount(CLASSIC);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    sim.resetCounts();
  });
  afterEach(() => cli.cleanup());

  it('asks for the AppSecret without echoing it', async () => {
    const added = await tty(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url], [
      { waitFor: 'AppSecret for prod (not shown as you type)', send: `${DEMO_ACCOUNT.secret}\r` },
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added account prod');
    expect(added.stdout).not.toContain(DEMO_ACCOUNT.secret);
    // The secret typed is the one stored: WeChat accepts it.
    expect((await cli.run(['token', 'prod'])).code).toBe(0);
  });

  it('confirms before removing an account, and keeps it on "no"', async () => {
    await cli.run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url], { input: DEMO_ACCOUNT.secret });
    const kept = await tty(['account', 'remove', 'prod'], [{ waitFor: '[y/N]', send: 'n\r' }]);
    expect(kept.code).toBe(1);
    expect(kept.stdout).toContain('its cached token and its request history go with it');
    expect(kept.stdout).toContain('Not removed');
    expect((await cli.run(['account', 'show', 'prod'])).code).toBe(0);

    const removed = await tty(['account', 'remove', 'prod'], [{ waitFor: '[y/N]', send: 'y\r' }]);
    expect(removed.code).toBe(0);
    expect((await cli.run(['account', 'show', 'prod'])).code).toBe(2);
  });

  it('asks before a classic force refresh and does not fetch on "no"', async () => {
    await cli.run(['account', 'add', 'old', '--appid', CLASSIC.appid, '--mode', 'classic', '--api-base', sim.url], { input: CLASSIC.secret });
    expect((await cli.run(['token', 'old'])).code).toBe(0);
    expect(sim.count('/cgi-bin/token')).toBe(1);
    const declined = await tty(['token', 'old', '--force'], [{ waitFor: '[y/N]', send: 'n\r' }]);
    expect(declined.code).toBe(1);
    expect(declined.stdout).toContain('stops working 5 minutes later');
    expect(sim.count('/cgi-bin/token')).toBe(1);
    const accepted = await tty(['token', 'old', '--force'], [{ waitFor: '[y/N]', send: 'y\r' }]);
    expect(accepted.code).toBe(0);
    expect(sim.count('/cgi-bin/token')).toBe(2);
  });
});
