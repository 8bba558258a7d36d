/**
 * An entry of accounts.json exactly as wxtoken writes it, checked without zod: what passes is what the
 * schema (`storedAccount`) would give back unchanged, so a CLI cache hit never loads zod. Anything else —
 * a hand edit, padding, a field this build does not know — is left to the schema, which decides.
 */
import type { Account } from '../../../shared/models';
import {
  AGENTID_PATTERN,
  APPID_PATTERN,
  appidProblem,
  HEADER_NAME_MAX,
  HEADER_NAME_PATTERN,
  isAccountKind,
  isAccountName,
  isApiBaseUrl,
  isHttpUrlWithoutCredentials,
  isTokenMode,
  KEY_TEMPLATE_MAX,
  KEY_TEMPLATE_PATTERN,
  NOTE_MAX,
  OBSERVE_FORMATS,
  OBSERVE_URL_MAX,
  REDIS_NAME_MAX,
  REDIS_NAME_PATTERN,
} from '../../../shared/account-rules';

type Fields = Record<string, unknown>;

export function canonicalAccount(entry: unknown): Account | undefined {
  if (!only(entry, ['name', 'kind', 'appid', 'mode', 'apiBase', 'proxy', 'note', 'source', 'createdAt'])) return undefined;
  const { name, kind, appid, mode, apiBase, proxy, note, source, createdAt } = entry;
  const valid =
    text(name, 1, Infinity) &&
    isAccountName(name) &&
    isAccountKind(kind) &&
    typeof appid === 'string' &&
    appidProblem(kind as Account['kind'], appid) === undefined &&
    isTokenMode(mode) &&
    text(apiBase, 1, Infinity) &&
    !apiBase.endsWith('/') &&
    isApiBaseUrl(apiBase) &&
    (proxy === undefined || (text(proxy, 0, Infinity) && isHttpUrlWithoutCredentials(proxy))) &&
    (note === undefined || (typeof note === 'string' && note.length <= NOTE_MAX)) &&
    (source === undefined || canonicalSource(source)) &&
    typeof createdAt === 'string';
  return valid ? (entry as unknown as Account) : undefined;
}

function canonicalSource(source: unknown): boolean {
  const type = (source as Fields | null)?.type;
  if (type === 'share') return only(source, ['type', 'redis', 'agentid']) && redisName(source.redis) && (source.agentid === undefined || matches(source.agentid, 0, Infinity, AGENTID_PATTERN));
  if (type === 'paste') return only(source, ['type']);
  if (type === 'observe-url') {
    return (
      only(source, ['type', 'url', 'header']) &&
      text(source.url, 0, OBSERVE_URL_MAX) &&
      isHttpUrlWithoutCredentials(source.url) &&
      (source.header === undefined || matches(source.header, 1, HEADER_NAME_MAX, HEADER_NAME_PATTERN))
    );
  }
  if (type === 'observe') {
    const { redis, format, key, agentid, componentAppid } = source as Fields;
    return (
      only(source, ['type', 'redis', 'format', 'key', 'agentid', 'componentAppid']) &&
      redisName(redis) &&
      (OBSERVE_FORMATS as readonly unknown[]).includes(format) &&
      (key === undefined ? format !== 'plain' : matches(key, 1, KEY_TEMPLATE_MAX, KEY_TEMPLATE_PATTERN)) &&
      (agentid === undefined || matches(agentid, 0, Infinity, AGENTID_PATTERN)) &&
      (componentAppid === undefined || matches(componentAppid, 0, Infinity, APPID_PATTERN))
    );
  }
  return false;
}

const redisName = (value: unknown) => matches(value, 1, REDIS_NAME_MAX, REDIS_NAME_PATTERN);

/** A plain object holding no key but these. */
function only(value: unknown, keys: readonly string[]): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => keys.includes(k));
}

/** A string the schema's `.trim()` leaves as it is, of a length it accepts. */
function text(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value === value.trim() && value.length >= min && value.length <= max;
}

const matches = (value: unknown, min: number, max: number, pattern: RegExp) => text(value, min, max) && pattern.test(value);
