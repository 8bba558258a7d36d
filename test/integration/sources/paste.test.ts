/** A token set by hand: used until it expires, never refetched by itself; the CLI reads it from stdin only. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator';
import { cliSandbox, type CliSandbox } from '../../support/cli';

let box: CliSandbox;
let sim: Simulator;

afterEach(async () => {
  await box?.cleanup();
  await sim?.close();
});

const fetches = () => sim.count('/cgi-bin/token') + sim.count('/cgi-bin/stable_token');

describe('wxtoken token NAME --set', () => {
  it('serves the pasted token to token and call until it expires, then says paste a new one; nothing is fetched', async () => {
    box = await cliSandbox();
    sim = await startSimulator();
    sim.addAccount(DEMO_ACCOUNT);
    const added = await box.run(['account', 'add', 'pasted', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url, '--paste']);
    expect(added.code, added.stderr).toBe(0);

    const none = await box.run(['token', 'pasted']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('has no token set by hand');
    expect(none.stderr).toContain('wxtoken token pasted --set');

    // A real token from the simulator, as a teammate would paste one.
    const res = await fetch(`${sim.url}/cgi-bin/token?grant_type=client_credential&appid=${DEMO_ACCOUNT.appid}&secret=${DEMO_ACCOUNT.secret}`);
    const { access_token: value } = (await res.json()) as { access_token: string };
    sim.resetCounts();

    const set = await box.run(['token', 'pasted', '--set', '--expires-in', '600'], { input: `${value}\n` });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/never refetched by itself/);
    expect(set.stdout + set.stderr).not.toContain(value);
    expect((await box.run(['token', 'pasted'])).stdout).toBe(`${value}\n`);
    const called = await box.run(['call', 'pasted', 'GET', '/cgi-bin/getcallbackip']);
    expect(called.code, called.stderr).toBe(0);
    const json = JSON.parse((await box.run(['token', 'pasted', '--json'])).stdout);
    expect(json).toMatchObject({ origin: { type: 'paste' } });

    // Machines are slow under load: the short-lived one is set last, then its second is waited out.
    expect((await box.run(['token', 'pasted', '--set', '--expires-in', '1'], { input: value })).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1_100));
    const expired = await box.run(['token', 'pasted', '--refresh']);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/set by hand expired at/);
    expect(expired.stderr).toContain('Paste a new one');
    expect(fetches()).toBe(0);
  });

  it('is refused for an account that fetches its own token, and for a bad token or --expires-in', async () => {
    box = await cliSandbox();
    await box.run(['account', 'add', 'local', '--appid', DEMO_ACCOUNT.appid], { input: DEMO_ACCOUNT.secret });
    const refused = await box.run(['token', 'local', '--set'], { input: 'x'.repeat(40) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('account edit local --paste');
    await box.run(['account', 'edit', 'local', '--paste']);
    expect((await box.run(['token', 'local', '--set'], { input: 'has spaces in it' })).code).toBe(2);
    expect((await box.run(['token', 'local', '--set', '--expires-in', '0'], { input: 'x'.repeat(40) })).code).toBe(2);
    expect((await box.run(['token', 'local', '--set'], { input: '' })).code).toBe(2);
  });
});
