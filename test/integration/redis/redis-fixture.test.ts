/** The test fixture itself: each kind of Redis starts, answers with its password only, and stops cleanly. */
import { afterEach, describe, expect, it } from 'vitest';
import { startRedis, type RedisFixture } from '../../support/redis-server';

let redis: RedisFixture | undefined;
afterEach(async () => {
  await redis?.stop();
  redis = undefined;
});

describe('redis-server fixture', () => {
  it('starts with a password, no persistence, and an ACL user', async () => {
    redis = await startRedis({ user: { name: 'team', password: 'team-pass' } });
    expect(await redis.cli('PING')).toBe('PONG\n');
    expect(await redis.cli('CONFIG', 'GET', 'save')).toBe('save\n\n');
    expect(await redis.cli('ACL', 'WHOAMI')).toBe('default\n');
    expect(await redis.cli('ACL', 'LIST')).toMatch(/user team on/);
  });

  it('serves TLS with its own CA', async () => {
    redis = await startRedis({ tls: true });
    expect(redis.url).toMatch(/^rediss:\/\/127\.0\.0\.1:\d+$/);
    expect(redis.ca).toMatch(/BEGIN CERTIFICATE/);
    expect(await redis.cli('PING')).toBe('PONG\n');
  });

  it('runs a 3-master cluster', async () => {
    redis = await startRedis({ cluster: true });
    expect(redis.ports).toHaveLength(3);
    expect(await redis.cli('CLUSTER', 'INFO')).toMatch(/cluster_size:3/);
    await redis.cli('SET', 'a', '1');
    await redis.cli('SET', 'b', '2');
    expect(await redis.cli('GET', 'b')).toBe('2\n');
  });
});
