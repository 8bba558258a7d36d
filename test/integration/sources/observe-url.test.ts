/**
 * Observing another central-control server over HTTP: the shapes it may answer in, a header whose value stays
 * in the keychain, clear errors, no fetch ever; and a teammate's `wxtoken serve` read through `--observe-url`.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../simulator';
import { cliSandbox, startCli, type CliProcess, type CliSandbox } from '../../support/cli';
import { makeCoreEnv, uniqueAppid, type CoreEnv } from '../../support/core-env';

let env: CoreEnv | undefined;
let server: Server | undefined;
const boxes: CliSandbox[] = [];
let serving: CliProcess | undefined;
let sim: Simulator | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  serving?.child.kill('SIGINT');
  await serving?.exited;
  serving = undefined;
  for (const b of boxes.splice(0)) await b.cleanup();
  await sim?.close();
  sim = undefined;
});

/** A central-control server on loopback that answers whatever the test sets, and remembers the headers it got. */
async function controlServer() {
  let answer: { status: number; body: unknown } = { status: 404, body: {} };
  const seen: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/token/prod`;
  return { url, seen, set: (status: number, body: unknown) => (answer = { status, body }) };
}

const TOKEN = '86_observed-url-token-0123456789abcdefghijklmnopqrstuvwxyz';

describe('--observe-url', () => {
  it('reads {access_token, expires_in|expires_at} at the top level or under data; sends the header from the keychain; fetches nothing', async () => {
    env = await makeCoreEnv();
    const control = await controlServer();
    const added = await env.core.api.addAccount({ account: { name: 'prod', appid: uniqueAppid(), apiBase: env.sim.url, source: { type: 'observe-url', url: control.url, header: 'X-Token-Key' } } });
    expect(added.ok).toBe(true);
    const missingHeader = await env.core.api.revealToken({ name: 'prod' });
    expect(!missingHeader.ok && missingHeader.error.message.en).toMatch(/no value for the header X-Token-Key/);
    expect((await env.core.api.setObserveHeader({ name: 'prod', value: 'Bearer k3y-value' })).ok).toBe(true);

    control.set(200, { access_token: TOKEN, expires_in: 600 });
    const top = await env.core.api.refreshToken({ name: 'prod' });
    expect(top.ok).toBe(true);
    const info = await env.core.api.revealToken({ name: 'prod' });
    expect(info.ok && info.value.accessToken).toBe(TOKEN);
    expect(info.ok && Math.abs(info.value.expiresIn - 600)).toBeLessThanOrEqual(2);
    expect(control.seen.at(-1)?.['x-token-key']).toBe('Bearer k3y-value');

    const at = Date.now() + 900_000;
    control.set(200, { errcode: 0, data: { access_token: `${TOKEN}-2`, expires_at: Math.floor(at / 1000) } });
    await env.core.api.refreshToken({ name: 'prod' });
    const under = await env.core.api.revealToken({ name: 'prod' });
    expect(under.ok && under.value.accessToken).toBe(`${TOKEN}-2`);
    expect(under.ok && Math.abs(under.value.expiresAt - at)).toBeLessThan(1500);

    control.set(401, { error: 'nope' });
    const refused = await env.core.api.refreshToken({ name: 'prod' });
    expect(!refused.ok && refused.error.message.en).toMatch(/answered HTTP 401/);
    control.set(200, { nothing: true });
    const empty = await env.core.api.refreshToken({ name: 'prod' });
    expect(!empty.ok && empty.error.message.en).toMatch(/no access_token/);
    const forced = await env.core.api.refreshToken({ name: 'prod', force: true });
    expect(!forced.ok && forced.error.code).toBe('read_only_source');

    // A rename takes the header value along.
    expect((await env.core.api.editAccount({ name: 'prod', patch: { name: 'renamed' } })).ok).toBe(true);
    control.set(200, { access_token: `${TOKEN}-3`, expires_in: 600 });
    expect((await env.core.api.refreshToken({ name: 'renamed' })).ok).toBe(true);
    expect(control.seen.at(-1)?.['x-token-key']).toBe('Bearer k3y-value');
    expect((await env.core.api.editAccount({ name: 'renamed', patch: { name: 'prod' } })).ok).toBe(true);

    // Pointed at another URL: the header value is dropped, never sent to the new place.
    const moved = await env.core.api.editAccount({ name: 'prod', patch: { source: { type: 'observe-url', url: `${control.url}/elsewhere`, header: 'X-Token-Key' } } });
    expect(moved.ok).toBe(true);
    const afterMove = await env.core.api.refreshToken({ name: 'prod' });
    expect(!afterMove.ok && afterMove.error.message.en).toMatch(/no value for the header/);
    expect(env.sim.count('/cgi-bin/token') + env.sim.count('/cgi-bin/stable_token')).toBe(0);
  });

  it("reads a teammate's `wxtoken serve` (/v1/token with its token key as the header), through the CLI", async () => {
    sim = await startSimulator();
    sim.addAccount(DEMO_ACCOUNT);
    const teammate = await cliSandbox();
    const me = await cliSandbox();
    boxes.push(teammate, me);
    await teammate.run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url], { input: DEMO_ACCOUNT.secret });
    serving = startCli(['serve'], { env: teammate.env });
    const [, origin] = await serving.waitForOutput(/(http:\/\/127\.0\.0\.1:\d+)\/#key=(\S+)\n/);
    const tokenKey = JSON.parse(await readFile(join(teammate.home, 'server.json'), 'utf8')).token_key as string;
    const theirs = (await teammate.run(['token', 'prod'])).stdout.trim();

    const added = await me.run(['account', 'add', 'prod', '--appid', DEMO_ACCOUNT.appid, '--api-base', sim.url, '--observe-url', `${origin}/v1/token/prod`, '--header', 'Authorization'], { input: `Bearer ${tokenKey}\n` });
    expect(added.code, added.stderr).toBe(0);
    for (const file of await me.files()) expect(file.data.includes(tokenKey), file.path).toBe(false);
    const mine = await me.run(['token', 'prod']);
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stdout.trim()).toBe(theirs);
    expect(sim.count('/cgi-bin/stable_token')).toBe(1);
  });
});
