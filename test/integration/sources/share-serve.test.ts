/**
 * Two "machines" (each its own data folder and keychain service) running the built CLI and `serve` against
 * one team Redis: 2 × 100 concurrent `/v1/token` requests at expiry make exactly one upstream fetch; a new
 * token reaches the other machine's server by pub/sub; a lock holder SIGKILLed mid-fetch frees the lock.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maskToken } from '../../../src/shared/redact';
import { startSimulator, type SimAccount, type Simulator } from '../../simulator';
import { cliSandbox, startCli, type CliProcess, type CliSandbox } from '../../support/cli';
import { uniqueAppid } from '../../support/core-env';
import { startRedis, type RedisFixture } from '../../support/redis-server';

let redis: RedisFixture;
let client: Redis;
let sim: Simulator;
const boxes: CliSandbox[] = [];
const servers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis({ host: redis.host, port: redis.port, password: redis.password });
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.child.kill('SIGINT');
    await s.exited;
  }
  for (const b of boxes.splice(0)) await b.cleanup();
  await sim?.close();
});

const LEASE = { WXTOKEN_SHARE_LEASE_MS: '1500' };

async function machine(account: SimAccount): Promise<CliSandbox> {
  const box = await cliSandbox();
  boxes.push(box);
  box.env.WXTOKEN_SHARE_LEASE_MS = LEASE.WXTOKEN_SHARE_LEASE_MS;
  expect((await box.run(['redis', 'add', 'team', '--url', redis.url], { input: `${redis.password}\n` })).code).toBe(0);
  const added = await box.run(['account', 'add', 'app', '--appid', account.appid, '--mode', 'classic', '--api-base', sim.url, '--share', 'team'], { input: account.secret });
  expect(added.code, added.stderr).toBe(0);
  return box;
}

async function serve(box: CliSandbox) {
  const server = startCli(['serve'], { env: box.env });
  servers.push(server);
  const [, origin, key] = await server.waitForOutput(/(http:\/\/127\.0\.0\.1:\d+)\/#key=(\S+)\n/);
  const tokenKey = JSON.parse(await readFile(join(box.home, 'server.json'), 'utf8')).token_key as string;
  return {
    token: async () => {
      const res = await fetch(`${origin}/v1/token/app`, { headers: { authorization: `Bearer ${tokenKey}` } });
      return { status: res.status, body: (await res.json()) as { access_token?: string; expires_in?: number } };
    },
    status: async () => {
      const res = await fetch(`${origin}/api/tokenStatus`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'app' }) });
      return ((await res.json()) as { value: { masked?: string } }).value;
    },
  };
}

const fetches = () => sim.count('/cgi-bin/token');

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('share across two machines', () => {
  it('2 × 100 concurrent /v1/token through two servers at expiry: exactly one upstream fetch; a forced refresh reaches the other server by pub/sub', async () => {
    sim = await startSimulator({ expiresIn: 6 });
    const account: SimAccount = { kind: 'oa', appid: uniqueAppid(), secret: 'team-secret-0123456789abcdef' };
    sim.addAccount(account);
    const [a, b] = [await machine(account), await machine(account)];
    const [sa, sb] = [await serve(a), await serve(b)];

    const warm = await sa.token();
    expect(warm.status).toBe(200);
    expect((await sb.token()).body.access_token).toBe(warm.body.access_token);
    expect(fetches()).toBe(1);

    // Both servers hold the token until it expires; then 200 requests arrive together.
    await new Promise((r) => setTimeout(r, (warm.body.expires_in! + 1) * 1000));
    const burst = await Promise.all([...Array(100)].flatMap(() => [sa.token(), sb.token()]));
    expect(burst.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(new Set(burst.map((r) => r.body.access_token)).size).toBe(1);
    expect(burst[0].body.access_token).not.toBe(warm.body.access_token);
    expect(fetches()).toBe(2);

    // A forced refresh on machine A (its CLI): B's server learns of it without being asked for a token.
    const forced = await a.run(['token', 'app', '--force', '--yes']);
    expect(forced.code, forced.stderr).toBe(0);
    const fresh = forced.stdout.trim();
    await waitFor(async () => (await sb.status()).masked === maskToken(fresh), 5_000);
    expect(fetches()).toBe(3);
  });

  it('a lock holder SIGKILLed mid-fetch: its lease runs out, the other machine takes over, one fetch after it', async () => {
    sim = await startSimulator();
    const account: SimAccount = { kind: 'oa', appid: uniqueAppid(), secret: 'team-secret-0123456789abcdef' };
    sim.addAccount(account);
    const [a, b] = [await machine(account), await machine(account)];
    sim.setFault('/cgi-bin/token', { kind: 'hang' }, 1);
    const holder = startCli(['token', 'app'], { env: a.env });
    const lockKey = `{wxtoken:classic:${account.appid}}:lock`;
    await waitFor(async () => (await client.exists(lockKey)) === 1 && fetches() === 1, 15_000);
    holder.child.kill('SIGKILL');
    await holder.exited;

    const took = await b.run(['token', 'app']);
    expect(took.code, took.stderr).toBe(0);
    expect(took.stdout.trim()).toMatch(/^\S{20,}$/);
    expect(fetches()).toBe(2);
    expect(await client.exists(lockKey)).toBe(0);
  });
});
