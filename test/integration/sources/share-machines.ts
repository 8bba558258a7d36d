/**
 * "Machines" for the share tests: each its own core on its own data folder and keychain service, all with the
 * connection `team` to one real Redis. What one machine caches, another can only learn through that Redis.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../../src/main/core/core';
import type { AccountInput } from '../../../src/shared/models';
import { deleteKeychainService, FAST_RETRY } from '../../support/core-env';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator';
import { startRedis, type RedisFixture } from '../../support/redis-server';

export interface Machine {
  core: Core;
  home: string;
  service: string;
  /** Adds the account with `source: share team`; the secret stays unset when not given (a member without it). */
  join(account: Omit<AccountInput, 'source'>, secret?: string, agentid?: string): Promise<void>;
}

export async function openMachine(redis: RedisFixture, cleanups: (() => Promise<void>)[], options: CoreOptions = {}): Promise<Machine> {
  const home = await mkdtemp(join(tmpdir(), 'wxtoken-machine-'));
  const service = `wxtoken-test-${randomUUID()}`;
  const core = await openCore({ home, keychainService: service, retry: FAST_RETRY, timeoutMs: 2_000, shareLeaseMs: 2_000, ...options });
  cleanups.push(async () => {
    await core.close();
    await deleteKeychainService(service);
    await rm(home, { recursive: true, force: true });
  });
  const added = await core.api.addRedis({ connection: { name: 'team', url: redis.url }, password: redis.password });
  if (!added.ok) throw new Error(added.error.message.en);
  return {
    core,
    home,
    service,
    async join(account, secret, agentid) {
      const source = { type: 'share' as const, redis: 'team', ...(agentid ? { agentid } : {}) };
      const result = await core.api.addAccount({ account: { ...account, source }, ...(secret ? { secret } : {}) });
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    },
  };
}

/** Resolves once a listening machine (a long-lived host) has subscribed to the team channel. */
export async function subscribed(client: Redis, channel = 'wxtoken:tokens'): Promise<void> {
  const end = Date.now() + 5_000;
  while (((await client.pubsub('NUMSUB', channel)) as [string, number])[1] < 1) {
    if (Date.now() > end) throw new Error('no machine subscribed in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface Team {
  /** One real Redis for the file, with a client of the test's own on it. */
  readonly redis: RedisFixture;
  readonly client: Redis;
  /** A fresh simulator for each test. */
  readonly sim: Simulator;
  /** Run (last first) after each test: the machines opened in it. */
  readonly cleanups: (() => Promise<void>)[];
  /** A machine on this Redis, closed after the test. */
  machine(options?: CoreOptions): Promise<Machine>;
}

/** The hooks every share test file needs: call once at the top of the file. */
export function useTeamRedis(): Team {
  let redis: RedisFixture;
  let client: Redis;
  let sim: Simulator;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis({ host: redis.host, port: redis.port, password: redis.password });
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });
  beforeEach(async () => {
    sim = await startSimulator();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await sim?.close();
  });
  return {
    get redis() {
      return redis;
    },
    get client() {
      return client;
    },
    get sim() {
      return sim;
    },
    cleanups,
    machine: (options) => openMachine(redis, cleanups, options),
  };
}
