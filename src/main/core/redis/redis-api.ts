/** The contract's Redis calls: saved connections (password in the keychain), test, and finding token keys. */
import type { ApiImpl } from '../../../shared/contract';
import { appError, withDetail } from '../../../shared/errors/errors';
import type { RedisConnection, RedisConnectionView } from '../../../shared/redis';
import { fail, ok, type AppError } from '../../../shared/result';
import { guard } from '../tokens/token-engine';
import type { SecretStore } from '../types';
import { findTokenKeys } from './find-keys';
import { withRedis } from './redis-client';
import { resolveRedis, type ResolvedRedis } from './redis-target';
import { redisPasswordItem, type RedisStore } from './redis-store';
import { formatRedisUrl, parseRedisUrl, plaintextWarning } from './redis-url';

export type RedisMethod = 'listRedis' | 'addRedis' | 'removeRedis' | 'testRedis' | 'findRedisKeys';

export interface RedisParts {
  store: RedisStore;
  secrets: SecretStore;
}

export function createRedisApi(p: RedisParts): Pick<ApiImpl, RedisMethod> {
  const view = (c: RedisConnection, items: Set<string> | undefined): RedisConnectionView => {
    const address = parseRedisUrl(c.url);
    const warning = address.ok ? plaintextWarning(address.value) : undefined;
    const { tlsCa, ...rest } = c;
    return {
      ...rest,
      tls: address.ok && address.value.tls,
      hasCa: Boolean(tlsCa),
      hasPassword: items ? items.has(redisPasswordItem(c.name)) : null,
      ...(warning ? { warning } : {}),
    };
  };
  const storedItems = () => p.secrets.list().then((names) => new Set(names), () => undefined);

  /** A saved connection with its password from the keychain. */
  const target = async (name: string): Promise<ResolvedRedis | { error: AppError }> => {
    const resolved = await resolveRedis(p.store, p.secrets, name);
    return resolved.ok ? resolved.value : { error: resolved.error };
  };

  return {
    listRedis: () => guard(async () => {
      const list = await p.store.list();
      if (!list.ok) return list;
      const items = await storedItems();
      return ok(list.value.map((c) => view(c, items)));
    }),

    addRedis: ({ connection, password }) => guard(async () => {
      const address = parseRedisUrl(connection.url);
      if (!address.ok) {
        return fail(appError('validation', { field: 'url', message: { zh: `输入无效：${address.problem.zh}`, en: `Invalid input: ${address.problem.en}` } }));
      }
      const { prefix, ...rest } = connection;
      const added = await p.store.add({ ...rest, url: formatRedisUrl(address.value), ...(prefix ? { prefix } : {}) });
      if (!added.ok) return added;
      const item = redisPasswordItem(added.value.name);
      try {
        if (password) await p.secrets.set(item, password);
        // No password: make sure no item left from an earlier connection of that name is used.
        else await p.secrets.delete(item);
      } catch (err) {
        // Without its password the connection is useless: undo, so a failed add changes nothing.
        await p.store.remove(added.value.name);
        throw err;
      }
      return ok(view(added.value, new Set(password ? [item] : [])));
    }),

    removeRedis: ({ name }) => guard(async () => {
      const got = await p.store.get(name);
      if (!got.ok) return got;
      // The keychain first: if it is locked, the remove fails and changes nothing.
      await p.secrets.delete(redisPasswordItem(name));
      return p.store.remove(name);
    }),

    testRedis: ({ name }) => guard(async () => {
      const t = await target(name);
      if ('error' in t) return fail(t.error);
      const result = await withRedis(t.target, async (redis) => {
        const started = process.hrtime.bigint();
        await redis.client.ping();
        const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
        const info = String(await redis.masters()[0].info('server'));
        const version = /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
        return { version, latencyMs: Math.round(latencyMs * 100) / 100, cluster: redis.cluster, nodes: redis.cluster ? redis.masters().length : undefined };
      });
      const warning = plaintextWarning(t.target.address);
      return ok({
        name,
        version: result.version,
        cluster: result.cluster,
        ...(result.nodes !== undefined ? { nodes: result.nodes } : {}),
        tls: t.target.address.tls,
        latencyMs: result.latencyMs,
        ...(warning ? { warning } : {}),
      });
    }),

    findRedisKeys: ({ name, appid }) => guard(async () => {
      const t = await target(name);
      if ('error' in t) return fail(t.error);
      return ok(await withRedis(t.target, (redis) => findTokenKeys(redis, appid, t.connection.prefix ?? '')));
    }),
  };
}
