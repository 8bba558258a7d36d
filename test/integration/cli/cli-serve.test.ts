/** `wxtoken serve`: the loopback server started by the CLI, answering the contract, and stopping cleanly on Ctrl+C. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, startCli, type CliProcess, type CliSandbox } from '../../support/cli';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator/index';

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('wxtoken serve', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  let serving: CliProcess | undefined;

  beforeAll(async () => {
    sim = await startSimulator();
    sim.addAccount(DEMO_ACCOUNT);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
  });
  afterEach(async () => {
    if (serving && serving.child.exitCode === null) {
      serving.child.kill('SIGKILL');
      await serving.exited;
    }
    serving = undefined;
    await cli.cleanup();
  });

  it('prints its URL with the key, serves the contract as the http host, and stops on Ctrl+C', async () => {
    await cli.run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url], { input: DEMO_ACCOUNT.secret });
    serving = startCli(['serve'], { env: cli.env }); // the port from the settings: 0, any free one
    const [, origin, key] = await serving.waitForOutput(/(http:\/\/127\.0\.0\.1:\d+)\/#key=(\S+)\n/);
    const call = async (method: string, input: unknown = {}) => {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return res.json();
    };

    expect(await call('appInfo')).toMatchObject({ ok: true, value: { host: 'http', copiesInMain: false } });
    expect(await call('serverStatus')).toMatchObject({ ok: true, value: { running: true, port: Number(new URL(origin).port), key } });
    expect(await call('copyToken', { name: 'prod' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await call('listAccounts')).toMatchObject({ ok: true, value: [{ name: 'prod', hasSecret: true }] });
    expect((await fetch(`${origin}/api/listAccounts`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect(existsSync(join(cli.home, 'server.json'))).toBe(true);
    // server.json holds the token key, never the printed UI key: it reads tokens and nothing else.
    const discovery = await readFile(join(cli.home, 'server.json'), 'utf8');
    expect(discovery).not.toContain(key);
    const tokenKey = JSON.parse(discovery).token_key as string;
    const token = await fetch(`${origin}/v1/token/prod`, { headers: { authorization: `Bearer ${tokenKey}` } });
    expect(token.status).toBe(200);
    expect((await token.json()).access_token).toEqual(expect.any(String));
    const api = await fetch(`${origin}/api/listAccounts`, { method: 'POST', headers: { authorization: `Bearer ${tokenKey}` }, body: '{}' });
    expect(api.status).toBe(403);

    serving.child.kill('SIGINT');
    expect(await serving.exited).toBe(0);
    expect(serving.stderr()).toContain(`Scripts use token_key from ${join(cli.home, 'server.json')}`);
    expect(serving.stderr()).not.toContain(key);
    expect(existsSync(join(cli.home, 'server.json'))).toBe(false);
    await expect(fetch(`${origin}/api/appInfo`, { method: 'POST' })).rejects.toThrow();
  });

  it('says so when the port is taken, and refuses a bad --port', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const busy = await cli.run(['serve', '--port', String(port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`Port ${port} is already in use`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    const bad = await cli.run(['serve', '--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: wxtoken serve [--port N]');
  });
});
