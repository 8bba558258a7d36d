/**
 * `redis find`: the keys on a Redis that hold a token for one AppID, in any known SDK layout. The keys the
 * formats name are read directly; a bounded SCAN for the AppID finds them behind other prefixes too.
 * Values are decoded only to show a masked token and its expiry: never returned.
 */
import type { AccountKind } from '../../../shared/models';
import { maskToken } from '../../../shared/redact';
import { OBSERVE_FORMATS, type ObserveFormat } from '../../../shared/account-rules';
import type { RedisKeyMatch } from '../../../shared/redis';
import type { Localized } from '../../../shared/result';
import { decodeValue, keysFor, maskKeySecret, SENPARC_HASH } from './formats';
import type { OpenedRedis, RedisClient } from './redis-client';

interface Candidate {
  key: string;
  field?: string;
  format: ObserveFormat | 'unknown';
}

/** SCAN work per master: enough for a cache of a few hundred thousand keys, bounded for a huge one. */
const SCAN_COUNT = 1_000;
const SCAN_ROUNDS = 200;
const MAX_MATCHES = 200;

const L = (zh: string, en: string): Localized => ({ zh, en });
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The keys each format would use for this AppID, for every kind of account. */
function namedCandidates(appid: string, prefix: string): Candidate[] {
  const found: Candidate[] = [];
  for (const format of OBSERVE_FORMATS) {
    for (const kind of ['oa', 'mp', 'wecom'] as AccountKind[]) {
      const keys = keysFor(format, { appid, kind });
      if (!keys.ok) continue;
      for (const k of keys.keys) found.push({ key: `${prefix}${k.key}`, ...(k.field ? { field: k.field } : {}), format });
    }
  }
  return dedupe(found);
}

/** Layouts that hold more than the AppID in the key, recognised in keys the SCAN found. */
function classify(key: string, appid: string, prefix: string, named: Candidate[]): ObserveFormat | 'unknown' {
  const id = escapeRegex(appid);
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  if (new RegExp(`(^|:)wx:cp:wechat_cp_access_token_key:${id}:[^:]+$`).test(rest)) return 'wxjava-cp';
  if (new RegExp(`(^|:)wx:open:wechat_authorizer_access_token:[^:]+:${id}$`).test(rest)) return 'wxjava-open';
  if (new RegExp(`(^|[:.])(official_account|mini_app|work)\\.access_token\\.${id}(\\.[^.]+\\.[01])?$`).test(rest)) return 'easywechat6';
  // A format's own key behind another prefix (e.g. a cache namespace).
  const same = named.find((c) => !c.field && c.format !== 'unknown' && rest.endsWith(c.key.slice(prefix.length)));
  return same?.format ?? 'unknown';
}

function dedupe(list: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const id = `${c.key}\u0000${c.field ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

async function scan(node: RedisClient, pattern: string, found: Set<string>): Promise<void> {
  let cursor = '0';
  for (let round = 0; round < SCAN_ROUNDS && found.size < MAX_MATCHES; round++) {
    const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
    keys.forEach((k) => found.add(k));
    cursor = next;
    if (cursor === '0') break;
  }
}

export async function findTokenKeys(redis: OpenedRedis, appid: string, prefix = '', now = Date.now): Promise<RedisKeyMatch[]> {
  const named = namedCandidates(appid, prefix);
  const scanned = new Set<string>();
  const hashes = new Set<string>();
  for (const node of redis.masters()) {
    await scan(node, `${escapeGlob(prefix)}*${escapeGlob(appid)}*`, scanned);
    await scan(node, `${escapeGlob(prefix)}*AccessTokenBag`, hashes);
  }
  const extra: Candidate[] = [...scanned]
    .filter((key) => /token/i.test(key) && !/lock/i.test(key))
    .map((key) => ({ key, format: classify(key, appid, prefix, named) }));
  const senparc: Candidate[] = [...hashes].filter((h) => h !== `${prefix}${SENPARC_HASH}`).map((key) => ({ key, field: appid, format: 'senparc' }));
  const candidates = dedupe([...named, ...extra, ...senparc]);

  const results = await Promise.all(candidates.map((c) => inspect(redis.client, c, now)));
  return results.filter((r): r is RedisKeyMatch => r !== undefined);
}

async function inspect(client: RedisClient, c: Candidate, now: () => number): Promise<RedisKeyMatch | undefined> {
  const [type, pttl] = await Promise.all([client.type(c.key), client.pttl(c.key)]);
  if (type === 'none') return undefined;
  const base = { key: maskKeySecret(c.key), ...(c.field ? { field: c.field } : {}), format: c.format, ttl: pttl > 0 ? Math.ceil(pttl / 1000) : -1 };
  const wanted = c.field ? 'hash' : 'string';
  if (type !== wanted) {
    // A scanned key of another type is no token; a named one is worth telling about.
    return c.format === 'unknown' ? undefined : { ...base, problem: L(`键的类型是 ${type}，不是 ${wanted}`, `the key is a ${type}, not a ${wanted}`) };
  }
  const raw = c.field ? await client.hgetBuffer(c.key, c.field) : await client.getBuffer(c.key);
  if (raw === null) return undefined;
  const formats: ObserveFormat[] = c.format === 'unknown' ? ['plain', 'easywechat6'] : [c.format];
  let problem: Localized | undefined;
  for (const format of formats) {
    const decoded = decodeValue(format, raw, pttl, now());
    if (decoded.ok) {
      const { accessToken, expiresAt, warnings } = decoded.value;
      return {
        ...base,
        format: c.format === 'unknown' && format === 'easywechat6' ? 'easywechat6' : c.format,
        masked: maskToken(accessToken),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
        ...(warnings.length ? { warnings } : {}),
      };
    }
    problem ??= decoded.problem;
  }
  // A key that only mentions the AppID and holds no token is not worth listing.
  return c.format === 'unknown' ? undefined : { ...base, problem };
}
