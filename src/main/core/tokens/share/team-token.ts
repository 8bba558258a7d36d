/** The team's token and fetch state as kept in Redis (JSON), read and written on one connection. */
import type { RedisClient } from '../../redis/redis-client';
import type { FetchState } from '../../types';
import type { ShareKeys } from './share-keys';

export interface TeamToken {
  access_token: string;
  /** Epoch ms. */
  expires_at: number;
  fetched_at: number;
  /** The host name of the member that fetched it. */
  fetched_by: string;
}

export async function readTeamToken(client: RedisClient, keys: ShareKeys): Promise<TeamToken | undefined> {
  const text = await client.get(keys.token);
  if (!text) return undefined;
  try {
    const t = JSON.parse(text) as TeamToken;
    const valid = typeof t.access_token === 'string' && typeof t.expires_at === 'number' && typeof t.fetched_at === 'number';
    return valid ? { ...t, fetched_by: typeof t.fetched_by === 'string' ? t.fetched_by : '?' } : undefined;
  } catch {
    return undefined; // not ours, or damaged: the next fetch overwrites it
  }
}

export async function writeTeamToken(client: RedisClient, keys: ShareKeys, token: TeamToken, now: number): Promise<void> {
  await client.set(keys.token, JSON.stringify(token), 'PX', Math.max(1, token.expires_at - now));
}

export async function readTeamState(client: RedisClient, keys: ShareKeys): Promise<FetchState> {
  const text = await client.get(keys.state);
  if (!text) return {};
  try {
    const s = JSON.parse(text) as FetchState;
    return {
      ...(typeof s.blockedAt === 'number' ? { blockedAt: s.blockedAt } : {}),
      ...(Array.isArray(s.forceTimes) ? { forceTimes: s.forceTimes.filter((t) => typeof t === 'number') } : {}),
    };
  } catch {
    return {};
  }
}

/** Kept two days: the force allowance counts one (Beijing) day, a 45009 block lasts until resumed. */
export async function writeTeamState(client: RedisClient, keys: ShareKeys, state: FetchState): Promise<void> {
  if (state.blockedAt === undefined && !state.forceTimes?.length) await client.del(keys.state);
  else await client.set(keys.state, JSON.stringify(state), 'EX', 2 * 86_400);
}

/** A JS-SDK ticket as the team keeps it. */
export interface TeamTicket {
  ticket: string;
  expires_at: number;
  fetched_at: number;
  fetched_by: string;
}

export async function readTeamTicket(client: RedisClient, key: string): Promise<TeamTicket | undefined> {
  const text = await client.get(key);
  if (!text) return undefined;
  try {
    const t = JSON.parse(text) as TeamTicket;
    const valid = typeof t.ticket === 'string' && typeof t.expires_at === 'number' && typeof t.fetched_at === 'number';
    return valid ? { ...t, fetched_by: typeof t.fetched_by === 'string' ? t.fetched_by : '?' } : undefined;
  } catch {
    return undefined;
  }
}

export async function writeTeamTicket(client: RedisClient, key: string, ticket: TeamTicket, now: number): Promise<void> {
  await client.set(key, JSON.stringify(ticket), 'PX', Math.max(1, ticket.expires_at - now));
}
