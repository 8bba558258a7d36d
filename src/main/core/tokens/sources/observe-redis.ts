/**
 * Reads the token a production server keeps in Redis, in its SDK's layout (redis/formats.ts). One short
 * connection per read: reads happen once per token lifetime, or after WeChat rejected the token.
 */
import type { Account } from '../../../../shared/models';
import { maskKeySecret, decodeValue, keysFor, type KeyLocation } from '../../redis/formats';
import { withRedis, type RedisClient } from '../../redis/redis-client';
import type { ResolvedRedis } from '../../redis/redis-target';
import { fail, ok, type Result } from '../../../../shared/result';
import { expiredAt, nothingAt, onRedis, unavailable, unreadable, type Where } from './source-errors';

type ObserveSource = Extract<NonNullable<Account['source']>, { type: 'observe' }>;

export interface SourceRead {
  accessToken: string;
  /** Epoch ms; undefined when neither the key's TTL nor the value says. */
  expiresAt?: number;
  where: Where;
  /** The key as shown (secrets masked). */
  key?: string;
}

/** EasyWeChat's keys need the AppSecret: passed only when the user stored one. */
export async function readObserved(account: Account, source: ObserveSource, redis: ResolvedRedis, secret: string | undefined, now: () => number): Promise<Result<SourceRead>> {
  const keys = keysFor(source.format, {
    appid: account.appid,
    kind: account.kind,
    ...(source.agentid ? { agentid: source.agentid } : {}),
    ...(source.componentAppid ? { componentAppid: source.componentAppid } : {}),
    ...(secret ? { secret } : {}),
    ...(source.key ? { template: source.key } : {}),
  });
  if (!keys.ok) return fail(unavailable(keys.problem));
  const prefix = redis.connection.prefix ?? '';
  const located = keys.keys.map((k) => ({ ...k, key: `${prefix}${k.key}` }));
  return withRedis(redis.target, async ({ client }) => {
    for (const location of located) {
      const found = await readKey(client, location);
      if (!found) continue;
      const shownKey = maskKeySecret(location.key);
      const where = onRedis(shownKey, redis.target.name, location.field);
      const decoded = decodeValue(source.format, found.raw, found.pttl, now());
      if (!decoded.ok) return fail(unreadable(where, decoded.problem));
      const { accessToken, expiresAt } = decoded.value;
      if (expiresAt !== undefined && expiresAt <= now()) return fail(expiredAt(where, expiresAt));
      return ok({ accessToken, ...(expiresAt !== undefined ? { expiresAt } : {}), where, key: shownKey });
    }
    const first = located[0];
    return fail(nothingAt(onRedis(maskKeySecret(first.key), redis.target.name, first.field), account.appid, redis.target.name));
  });
}

async function readKey(client: RedisClient, at: KeyLocation): Promise<{ raw: Buffer; pttl: number } | undefined> {
  // One round trip each: the value and its TTL read together, so they describe the same moment.
  const [raw, pttl] = await Promise.all([at.field ? client.hgetBuffer(at.key, at.field) : client.getBuffer(at.key), client.pttl(at.key)]);
  return raw === null ? undefined : { raw, pttl };
}
