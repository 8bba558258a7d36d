/** A saved Redis connection with its password from the keychain: what withRedis needs to connect. */
import { appError, withDetail } from '../../../shared/errors/errors';
import type { RedisConnection } from '../../../shared/redis';
import { fail, ok, type Result } from '../../../shared/result';
import type { SecretStore } from '../types';
import type { RedisTarget } from './redis-client';
import { redisPasswordItem, type RedisStore } from './redis-store';
import { parseRedisUrl } from './redis-url';

export interface ResolvedRedis {
  target: RedisTarget;
  connection: RedisConnection;
}

export async function resolveRedis(store: RedisStore, secrets: SecretStore, name: string): Promise<Result<ResolvedRedis>> {
  const got = await store.get(name);
  if (!got.ok) return got;
  const address = parseRedisUrl(got.value.url);
  if (!address.ok) return fail(appError('storage', { message: withDetail(appError('storage').message, `redis.json: ${address.problem.en}`) }));
  const password = await secrets.get(redisPasswordItem(name));
  return ok({
    connection: got.value,
    target: { name, address: address.value, ...(password ? { password } : {}), ...(got.value.tlsCa ? { tlsCa: got.value.tlsCa } : {}) },
  });
}
