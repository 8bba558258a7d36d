/**
 * What shared tokens and shared tickets both do in a team Redis: find the account's Redis, hold a fetch lock
 * (SET NX PX with an owner id, renewed while held, released by compare-and-delete) and tell a Redis that failed
 * from anything else. One fetch for the team, written once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { appError } from '../../../../shared/errors/errors';
import type { Account } from '../../../../shared/models';
import { fail, type AppError, type Result } from '../../../../shared/result';
import type { RedisClient } from '../../redis/redis-client';
import type { RedisStore } from '../../redis/redis-store';
import { resolveRedis, type ResolvedRedis } from '../../redis/redis-target';
import type { Clock, SecretStore } from '../../types';
import { RELEASE_SCRIPT, RENEW_SCRIPT } from './share-keys';

/** This process as a lock owner: unique, and readable in `redis-cli GET` (host and pid). */
export const newOwner = (): string => `${hostname()}:${process.pid}:${randomUUID()}`;

/** The saved Redis a shared account names, with its key prefix. */
export async function teamRedis(store: RedisStore, secrets: SecretStore, account: Account): Promise<Result<ResolvedRedis & { prefix: string }>> {
  const source = account.source;
  if (source?.type !== 'share') return fail(appError('internal'));
  const resolved = await resolveRedis(store, secrets, source.redis);
  return resolved.ok ? { ok: true, value: { ...resolved.value, prefix: resolved.value.connection.prefix ?? '' } } : resolved;
}

export interface TeamLock {
  key: string;
  owner: string;
  leaseMs: number;
  /** Give up waiting for another member's fetch at this time (epoch ms). */
  waitUntil: number;
  now: Clock;
}

/**
 * Runs `work` holding the team lock. While another member holds it, `meanwhile` is asked after each try: a value
 * (that member's fetch has landed) ends the wait without taking the lock. `undefined` when the wait timed out.
 */
export async function underTeamLock<T>(client: RedisClient, lock: TeamLock, meanwhile: () => Promise<T | undefined>, work: () => Promise<T>): Promise<T | undefined> {
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    if ((await client.set(lock.key, lock.owner, 'PX', lock.leaseMs, 'NX')) === 'OK') break;
    const landed = await meanwhile();
    if (landed !== undefined) return landed;
    if (lock.now() > lock.waitUntil) return undefined;
    await new Promise((r) => setTimeout(r, pause));
  }
  const renew = setInterval(() => void client.eval(RENEW_SCRIPT, 1, lock.key, lock.owner, lock.leaseMs).catch(() => undefined), Math.floor(lock.leaseMs / 3));
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await client.eval(RELEASE_SCRIPT, 1, lock.key, lock.owner).catch(() => undefined);
  }
}

/** The team Redis failed (down, paused, refused): the caller falls back to what this machine holds. */
export function isRedisTrouble(error: AppError): boolean {
  return error.code === 'redis_unreachable' || error.code === 'redis_refused' || error.code === 'redis_error';
}
