/**
 * wxtoken's own keys in a team Redis, one set per AppID and token kind (WeCom: per corpid and agentid, one token
 * per app). The `{…}` hash tag puts the lock, the token and the fetch state of one AppID in one cluster slot, so
 * scripts may touch them together.
 */
import type { Account } from '../../../../shared/models';
import { fetchModeOf } from '../../../../shared/models';

export interface ShareKeys {
  /** JSON {access_token, expires_at, fetched_at, fetched_by}, with a TTL to its expiry. */
  token: string;
  /** The fetch lock: an owner id, SET NX PX, renewed while held. */
  lock: string;
  /** JSON {blockedAt?, forceTimes?}: the 45009 block and the stable force allowance, per AppID (so per team). */
  state: string;
  /** Published to when a member stores a new token (the message: the tag). */
  channel: string;
  tag: string;
}

export function shareKeys(account: Pick<Account, 'kind' | 'mode' | 'appid' | 'source'>, prefix = ''): ShareKeys {
  const agent = account.kind === 'wecom' && account.source?.type === 'share' ? `:${account.source.agentid ?? ''}` : '';
  const tag = `wxtoken:${fetchModeOf(account)}:${account.appid.toLowerCase()}${agent}`;
  const base = `${prefix}{${tag}}`;
  return { token: `${base}:token`, lock: `${base}:lock`, state: `${base}:state`, channel: `${prefix}wxtoken:tokens`, tag };
}

/** Deletes the lock only if this owner still holds it. */
export const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Extends the lease only if this owner still holds it. */
export const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/** Compare-and-expire: drops the team token only if it is still the one WeChat rejected. */
export const EXPIRE_IF_SCRIPT = `local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local ok, t = pcall(cjson.decode, v)
if ok and type(t) == 'table' and t['access_token'] == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** A shared JS-SDK ticket's keys: one per AppID (corpid) and type, WeCom's agent ticket per agentid; same channel as tokens. */
export interface TicketShareKeys {
  /** JSON {ticket, expires_at, fetched_at, fetched_by}, with a TTL to its expiry. */
  ticket: string;
  lock: string;
  channel: string;
  tag: string;
}

export function ticketShareKeys(account: Pick<Account, 'kind' | 'appid' | 'source'>, type: string, prefix = ''): TicketShareKeys {
  const agent = account.kind === 'wecom' && type === 'agent_config' && account.source?.type === 'share' ? `:${account.source.agentid ?? ''}` : '';
  const tag = `wxtoken:ticket:${type}:${account.appid.toLowerCase()}${agent}`;
  const base = `${prefix}{${tag}}`;
  return { ticket: `${base}:ticket`, lock: `${base}:lock`, channel: `${prefix}wxtoken:tokens`, tag };
}
