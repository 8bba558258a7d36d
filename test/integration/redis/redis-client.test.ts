/** The connection factory against a real redis-server: bounded failures, and nothing left open after them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRedis, type RedisTarget } from '../../../src/main/core/redis/redis-client';
import { parseRedisUrl } from '../../../src/main/core/redis/redis-url';
import { AppFailure } from '../../../src/shared/result';
import { startRedis, type RedisFixture } from '../../support/redis-server';

let redis: RedisFixture;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  redis.resume();
  await redis.stop();
});

const target = (password?: string): RedisTarget => {
  const address = parseRedisUrl(redis.url);
  if (!address.ok) throw new Error(address.problem.en);
  return { name: 'team', address: address.value, ...(password ? { password } : {}) };
};

const failureOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (err) {
    if (err instanceof AppFailure) return err.error;
    throw err;
  }
  throw new Error('expected a failure');
};

/** Sockets of this process connected to the test's Redis. */
const openSockets = () =>
  (process as unknown as { _getActiveHandles(): { remotePort?: number; destroyed?: boolean }[] })
    ._getActiveHandles()
    .filter((h) => h.remotePort === redis.port && !h.destroyed).length;

async function untilNoSockets(ms: number): Promise<number> {
  const end = Date.now() + ms;
  while (openSockets() > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return openSockets();
}

describe('withRedis', () => {
  it('answers, and closes its connection after', async () => {
    expect(await withRedis(target(redis.password), (r) => r.client.ping())).toBe('PONG');
    expect(await untilNoSockets(1_000)).toBe(0);
  });

  it('a wrong or missing password is "refused", with the server\'s reason', async () => {
    expect(await failureOf(withRedis(target('wrong'), (r) => r.client.ping()))).toMatchObject({ code: 'redis_refused', message: { en: expect.stringMatching(/^Redis team refused the user or password: WRONGPASS/) } });
    expect((await failureOf(withRedis(target(), (r) => r.client.ping()))).code).toBe('redis_refused');
  });

  it('a paused server is "unreachable", no connection to it is left open, and it answers again once resumed', async () => {
    redis.pause();
    try {
      const error = await failureOf(withRedis(target(redis.password), (r) => r.client.ping()));
      expect(error.code).toBe('redis_unreachable');
      expect(error.message.en).toMatch(/^Redis team unreachable: /);
      expect(await untilNoSockets(1_000)).toBe(0);
    } finally {
      redis.resume();
    }
    expect(await withRedis(target(redis.password), (r) => r.client.ping())).toBe('PONG');
  });
});
