/**
 * The keychain agent (keychain-worker.ts as an agent, keychain-link.ts in the CLI): the real CLI as child
 * processes, the real keychain (the test run's private keyring), the simulator on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliCommand, cliSandbox, type CliSandbox } from '../../support/cli';
import { hasEnded, hello, startDbusProxy, waitFor, waitForAgent, workersFor, type DbusProxy } from '../../support/keychain/keychain-agent';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('keychain agent', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  let proxy: DbusProxy | undefined;

  const add = (env?: Record<string, string>) =>
    cli.run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--kind', DEMO_ACCOUNT.kind, '--api-base', sim.url], { input: `${DEMO_ACCOUNT.secret}\n`, env });
  /** A run that must succeed (its stderr shows in the failure). */
  const ok = (run: { code: number | null; stderr: string }) => expect(`${run.code} ${run.stderr}`).toBe("0 ");

  beforeAll(async () => {
    sim = await startSimulator();
    sim.addAccount(DEMO_ACCOUNT);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
  });
  afterEach(async () => {
    await cli.cleanup();
    await proxy?.close();
    proxy = undefined;
  });

  it('answers the next runs: the same agent, over a 0600 socket, with nothing secret on disk', async () => {
    ok(await add());
    const first = await waitForAgent(cli.home);
    const token = await cli.run(['token', 'prod']);
    ok(token);
    const again = await cli.run(['token', 'prod']);
    expect(again.stdout).toBe(token.stdout);

    const after = await hello(first.path);
    expect(after?.pid).toBe(first.pid);
    // The token runs' keychain calls (the cache key, the secret for the fetch) were answered by it.
    expect(after!.served).toBeGreaterThanOrEqual(first.served + 2);
    expect((await lstat(first.path)).mode & 0o777).toBe(0o600);
    for (const file of await cli.files()) {
      expect(file.data.includes(DEMO_ACCOUNT.secret)).toBe(false);
      expect(file.data.includes(token.stdout.trim())).toBe(false);
    }
  });

  it('lets `$(wxtoken token prod)` return while the agent it started lives on', async () => {
    ok(await add({ WXTOKEN_KEYCHAIN_AGENT: '0' }));
    expect(await cli.agentSockets()).toEqual([]);
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const script = `t=$(${cliCommand(['token', 'prod']).map(quote).join(' ')}) && echo "got:$t"`;
    const shell = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('sh', ['-c', script], { env: { ...process.env, ...cli.env }, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c));
      const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      });
    });
    expect(shell.code).toBe(0);
    expect(shell.out).toMatch(/^got:\S+\n$/);
    // The worker that run forked is the agent now, and still running: the shell did not wait for it.
    const agent = await waitForAgent(cli.home);
    expect(await hasEnded(agent.pid)).toBe(false);
  });

  it('exits 5 within seconds when the keychain hangs under a running agent, and the agent is killed', async () => {
    proxy = await startDbusProxy();
    const env = { DBUS_SESSION_BUS_ADDRESS: proxy.address };
    ok(await add(env));
    ok(await cli.run(['token', 'prod'], { env }));
    const agent = await waitForAgent(cli.home);

    proxy.hang();
    const token = await cli.run(['token', 'prod'], { env, timeoutMs: 20_000 });
    expect(token.code).toBe(5);
    expect(token.stderr).toContain('keychain');
    expect(token.stdout).toBe('');
    await waitFor('the stuck agent to be killed', async () => ((await hasEnded(agent.pid)) ? true : undefined), 5_000);
  });

  it('ends when idle, and a stale socket left by a killed agent is replaced', async () => {
    const idle = { WXTOKEN_KEYCHAIN_AGENT_IDLE_MS: '1500' };
    ok(await add(idle));
    const first = await waitForAgent(cli.home);
    await waitFor('the idle agent to end', async () => ((await hasEnded(first.pid)) ? true : undefined));
    expect(await cli.agentSockets()).toEqual([]);

    ok(await cli.run(['token', 'prod']));
    const second = await waitForAgent(cli.home);
    process.kill(second.pid, 'SIGKILL');
    await waitFor('the agent to be killed', async () => ((await hasEnded(second.pid)) ? true : undefined));
    expect(await cli.agentSockets()).toEqual([second.path]);

    ok(await cli.run(['token', 'prod']));
    const third = await waitForAgent(cli.home);
    expect(third.pid).not.toBe(second.pid);
    expect(third.path).toBe(second.path);
  });

  it('keeps one agent per socket when cold runs start together', async () => {
    ok(await add({ WXTOKEN_KEYCHAIN_AGENT: '0' }));
    const runs = await Promise.all([1, 2, 3].map(() => cli.run(['token', 'prod'])));
    runs.forEach(ok);
    const agent = await waitForAgent(cli.home);
    await waitFor('the other workers to end', async () => {
      const alive = await workersFor(agent.path);
      return alive.length === 1 ? alive : undefined;
    });
    expect(await workersFor(agent.path)).toEqual([agent.pid]);
  });
});
