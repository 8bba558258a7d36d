/**
 * Where each server SDK keeps an access_token in Redis, and how to read the value it writes
 * (wechat-api.md §8, from the SDKs' own code). Pure: keys in, values in, no I/O. A value that does not
 * decode is said to be unreadable, with why; nothing is guessed.
 */
import { createHash } from 'node:crypto';
import type { AccountKind } from '../../../shared/models';
import type { ObserveFormat } from '../../../shared/redis';
import type { Localized } from '../../../shared/result';
import { phpUnserialize, PhpUnserializeError, type PhpValue } from './php-unserialize';

export interface KeyParams {
  /** The AppID, or the corpid for WeCom. */
  appid: string;
  /** Picks the module in SDKs that keep one per kind (silenceper, EasyWeChat); default oa. */
  kind?: AccountKind;
  /** WeCom application id (wxjava-cp). */
  agentid?: string;
  /** The third-party platform's own AppID (wxjava-open). */
  componentAppid?: string;
  /** EasyWeChat puts the AppSecret in the key (6.15+) or hashes it into the key (5). */
  secret?: string;
  /** `--key`: a template with {appid}, {corpid}, {agentid}, {component_appid}; required for `plain`. */
  template?: string;
}

/** A string key, or a field of a hash (Senparc's hash strategy). */
export interface KeyLocation {
  key: string;
  field?: string;
}

export type KeysResult = { ok: true; keys: KeyLocation[] } | { ok: false; problem: Localized };

export interface Decoded {
  accessToken: string;
  /** Epoch ms, from the key's TTL or the expiry stored in the value; undefined when neither says. */
  expiresAt?: number;
  warnings: Localized[];
}

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; problem: Localized };

const L = (zh: string, en: string): Localized => ({ zh, en });

/** Default key templates; EasyWeChat and Senparc are built in code below. */
const TEMPLATES: Partial<Record<ObserveFormat, string>> = {
  wxjava: 'wx:access_token:{appid}',
  'wxjava-ma': 'wa:access_token:{appid}',
  'wxjava-cp': 'wx:cp:wechat_cp_access_token_key:{corpid}:{agentid}',
  'wxjava-open': 'wx:open:wechat_authorizer_access_token:{component_appid}:{appid}',
  wechatpy: 'wechatpy:{appid}_access_token',
};

const SILENCEPER_MODULE: Record<AccountKind, string> = { oa: 'officialaccount', mp: 'miniprogram', wecom: 'work' };
const EASYWECHAT_MODULE: Record<AccountKind, string> = { oa: 'official_account', mp: 'mini_app', wecom: 'work' };
export const SENPARC_HASH = 'Senparc:DefaultCache:Container:Senparc.Weixin.MP.Containers.AccessTokenBag';

/** Fills a key template; an unknown placeholder or a missing value is a problem, not an empty string. */
export function expandTemplate(template: string, params: KeyParams): { ok: true; key: string } | { ok: false; problem: Localized } {
  const values: Record<string, string | undefined> = {
    appid: params.appid,
    corpid: params.appid,
    agentid: params.agentid,
    component_appid: params.componentAppid,
  };
  let problem: Localized | undefined;
  const key = template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (!(name in values)) problem ??= L(`键模板中的 ${whole} 未知（可用 {appid}、{corpid}、{agentid}、{component_appid}）`, `unknown ${whole} in the key template (use {appid}, {corpid}, {agentid}, {component_appid})`);
    else if (!values[name]) problem ??= L(`键模板用到 ${whole}，但没有提供它`, `the key template uses ${whole}, which was not given`);
    return values[name] ?? '';
  });
  return problem ? { ok: false, problem } : { ok: true, key };
}

/** The key(s) where `format` keeps the token for these params, most likely first. */
export function keysFor(format: ObserveFormat, params: KeyParams): KeysResult {
  if (params.template !== undefined) {
    const one = expandTemplate(params.template, params);
    return one.ok ? { ok: true, keys: [{ key: one.key }] } : one;
  }
  const kind = params.kind ?? 'oa';
  const template = TEMPLATES[format];
  if (template) {
    const one = expandTemplate(template, params);
    return one.ok ? { ok: true, keys: [{ key: one.key }] } : one;
  }
  switch (format) {
    case 'silenceper':
      return { ok: true, keys: [{ key: `gowechat_${SILENCEPER_MODULE[kind]}__access_token_${params.appid}` }] };
    case 'easywechat6': {
      const module = EASYWECHAT_MODULE[kind];
      // 6.15+ keys hold the secret and whether the token is a stable one; earlier 6.x only the AppID.
      const keys = params.secret ? [1, 0].map((stable) => ({ key: `${module}.access_token.${params.appid}.${params.secret}.${stable}` })) : [];
      return { ok: true, keys: [...keys, { key: `${module}.access_token.${params.appid}` }] };
    }
    case 'easywechat5': {
      if (!params.secret) return { ok: false, problem: L('EasyWeChat 5 的键是凭据的 md5，需要 AppSecret 才能算出', "EasyWeChat 5's key is an md5 of the credentials: it needs the AppSecret") };
      return { ok: true, keys: [{ key: `easywechat.kernel.access_token.${easyWeChat5Hash(kind, params.appid, params.secret)}` }] };
    }
    case 'senparc':
      // The hash strategy splits the item key at its last ':' (hash + field); the plain strategy keeps it whole.
      return { ok: true, keys: [{ key: SENPARC_HASH, field: params.appid }, { key: `${SENPARC_HASH}:${params.appid}` }] };
    case 'plain':
      return { ok: false, problem: L('plain 格式需要用 --key 给出键模板', 'the plain format needs a key template (--key)') };
    default:
      return { ok: false, problem: L(`未知格式 ${format}`, `unknown format ${format}`) };
  }
}

/** md5 of the credentials as PHP's json_encode writes them (EasyWeChat 5's AccessToken::getCacheKey). */
function easyWeChat5Hash(kind: AccountKind, appid: string, secret: string): string {
  const credentials = kind === 'wecom' ? { corpid: appid, corpsecret: secret } : { grant_type: 'client_credential', appid, secret };
  // json_encode escapes '/' where JSON.stringify does not.
  return createHash('md5').update(JSON.stringify(credentials).replace(/\//g, '\\/')).digest('hex');
}

/** EasyWeChat 6.15+ keys carry the AppSecret: shown with it masked. */
export function maskKeySecret(key: string): string {
  return key.replace(/(\.access_token\.w[wx][0-9a-zA-Z]{16}\.)([^.]+)(\.[01])$/, '$1***$3');
}

/** Decodes a value the way `format` writes it; `ttlMs` is the key's PTTL (-1: no expiry). */
export function decodeValue(format: ObserveFormat, raw: Buffer, ttlMs: number, now = Date.now()): DecodeResult {
  // PHP's serialize() data is read as bytes: Symfony's metadata wrapper has a binary key.
  const phpDecoder = PHP_DECODERS[format];
  const text = phpDecoder ? undefined : asText(raw);
  if (text && !text.ok) return text;
  const parsed = phpDecoder ? phpDecoder(raw, []) : DECODERS[format as keyof typeof DECODERS](text!.value, text!.warnings);
  if (!parsed.ok) return parsed;
  const { token, storedExpiry, warnings } = parsed;
  if (!looksLikeToken(token)) return { ok: false, problem: L('值里的 access_token 不像一个 token（为空、含空白或过长）', 'the access_token in the value does not look like a token (empty, with spaces, or too long)') };
  // Whichever ends first: the key's TTL or the expiry the value holds.
  const ends = [ttlMs > 0 ? now + ttlMs : undefined, storedExpiry].filter((t): t is number => t !== undefined);
  const expiresAt = ends.length ? Math.min(...ends) : undefined;
  if (expiresAt === undefined) warnings.push(L('键没有过期时间，值里也没有：剩余时间未知', 'the key has no expiry and the value holds none: the time left is unknown'));
  return { ok: true, value: { accessToken: token, ...(expiresAt !== undefined ? { expiresAt } : {}), warnings } };
}

/** WeChat's tokens are printable ASCII without spaces; anything else is not one. */
export function looksLikeToken(value: string): boolean {
  return /^[\x21-\x7e]{8,2048}$/.test(value) && !/^["{[]/.test(value);
}

type Parsed = { ok: true; token: string; storedExpiry?: number; warnings: Localized[] } | { ok: false; problem: Localized };
type Decoder = (text: string, warnings: Localized[]) => Parsed;
type BytesDecoder = (raw: Buffer, warnings: Localized[]) => Parsed;

const notFormat = (what: string, detail?: string): Parsed => ({
  ok: false,
  problem: L(`值不是${what}${detail ? `（${detail}）` : ''}`, `the value is not ${what}${detail ? ` (${detail})` : ''}`),
});

/** A plain string, or the same as a JSON string (wechatpy; silenceper before v2; Jackson serializers). */
const stringToken: Decoder = (text, warnings) => {
  if (text.startsWith('"')) {
    const value = parseJson(text);
    return typeof value === 'string' ? { ok: true, token: value, warnings } : notFormat('a token string', 'bad JSON string');
  }
  if (text.startsWith('{') || text.startsWith('[')) return notFormat('a token string', 'JSON object or array');
  return { ok: true, token: text, warnings };
};

const easyWeChat6: BytesDecoder = (raw, warnings) => {
  const value = php(raw);
  if (!value.ok) return notFormat("PHP serialize() data", value.detail);
  // Symfony Cache wraps a value it stores with metadata as [ "\x9D<expiry+ctime>\x5F" => value ].
  const inner = value.value instanceof Map && value.value.size === 1 ? unwrapSymfony(value.value) : value.value;
  return typeof inner === 'string' ? { ok: true, token: inner, warnings } : notFormat('a serialized token string');
};

const easyWeChat5: BytesDecoder = (raw, warnings) => {
  const value = php(raw);
  if (!value.ok) return notFormat('PHP serialize() data', value.detail);
  const map = value.value instanceof Map && value.value.size === 1 ? unwrapSymfony(value.value) : value.value;
  if (!(map instanceof Map)) return notFormat('a serialized array', typeof map === 'string' ? 'a string' : undefined);
  const token = map.get('access_token');
  return typeof token === 'string' ? { ok: true, token, warnings } : notFormat('a serialized array with access_token');
};

const senparc: Decoder = (text, warnings) => {
  const bag = parseJson(text);
  if (!isObject(bag)) return notFormat('Senparc JSON (AccessTokenBag)');
  const result = bag.AccessTokenResult;
  const token = isObject(result) ? result.access_token : undefined;
  if (typeof token !== 'string') return notFormat('an AccessTokenBag with AccessTokenResult.access_token');
  if (typeof bag.AppSecret === 'string' && bag.AppSecret) {
    warnings.push(L('这个值里有明文 AppSecret：能读这个 Redis 的人都能拿到它', 'this value holds the AppSecret in clear: anyone who can read this Redis has it'));
  }
  const expiry = typeof bag.AccessTokenExpireTime === 'string' ? dotNetTime(bag.AccessTokenExpireTime, warnings) : undefined;
  return { ok: true, token, warnings, ...(expiry !== undefined ? { storedExpiry: expiry } : {}) };
};

/** Any of: a plain string, a JSON string, JSON with access_token (+ expires_at), at the top or under `data`. */
const plain: Decoder = (text, warnings) => {
  if (!text.startsWith('{')) return stringToken(text, warnings);
  const json = parseJson(text);
  const body = isObject(json) && isObject(json.data) && json.access_token === undefined ? json.data : json;
  if (!isObject(body) || typeof body.access_token !== 'string') return notFormat('JSON with access_token');
  const at = body.expires_at;
  const storedExpiry =
    typeof at === 'number' && at > 0 ? (at > 1e12 ? at : at * 1000) : typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? Date.parse(at) : undefined;
  return { ok: true, token: body.access_token, warnings, ...(storedExpiry !== undefined ? { storedExpiry } : {}) };
};

const DECODERS: Record<Exclude<ObserveFormat, 'easywechat6' | 'easywechat5'>, Decoder> = {
  wxjava: stringToken,
  'wxjava-ma': stringToken,
  'wxjava-cp': stringToken,
  'wxjava-open': stringToken,
  wechatpy: stringToken,
  silenceper: stringToken,
  senparc,
  plain,
};
const PHP_DECODERS: Partial<Record<ObserveFormat, BytesDecoder>> = { easywechat6: easyWeChat6, easywechat5: easyWeChat5 };

function php(raw: Buffer): { ok: true; value: PhpValue } | { ok: false; detail: string } {
  try {
    return { ok: true, value: phpUnserialize(raw) };
  } catch (err) {
    if (err instanceof PhpUnserializeError) return { ok: false, detail: err.message };
    throw err;
  }
}

function unwrapSymfony(map: Map<string | number, PhpValue>): PhpValue {
  const [[key, value]] = [...map.entries()];
  return typeof key === 'string' && key.charCodeAt(0) === 0x9d ? value : map;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Newtonsoft writes DateTimeOffset (and local DateTime) with an offset; an unspecified DateTime has none,
 * and is the server's local time: read as China time (+08:00), and said so.
 */
function dotNetTime(text: string, warnings: Localized[]): number | undefined {
  if (text.startsWith('0001-01-01')) return undefined;
  const hasZone = /(Z|[+-]\d\d:\d\d)$/.test(text);
  const ms = Date.parse(hasZone ? text : `${text}+08:00`);
  if (Number.isNaN(ms)) return undefined;
  if (!hasZone) warnings.push(L('AccessTokenExpireTime 没有时区，按北京时间（+08:00）读取', 'AccessTokenExpireTime has no time zone: read as China time (+08:00)'));
  return ms;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A value as text; a binary one is described (Java serialization, Redisson codecs), never guessed at. */
function asText(raw: Buffer): { ok: true; value: string; warnings: Localized[] } | { ok: false; problem: Localized } {
  const java = javaSerializedString(raw);
  if (java !== undefined) {
    return { ok: true, value: java, warnings: [L('值是 Java 序列化的字符串（JdkSerializationRedisSerializer）', 'the value is a Java-serialized string (JdkSerializationRedisSerializer)')] };
  }
  let text: string | undefined;
  try {
    text = utf8.decode(raw);
  } catch {
    text = undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (text === undefined || /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) {
    return {
      ok: false,
      problem: L(
        '值是二进制数据，不是文本：多半是 Redisson 的默认编解码器（Kryo / Marshalling / FST）或 Java 序列化的对象。wxtoken 不猜测这类值；请让服务端用字符串编解码（如 Redisson 的 StringCodec）保存 token',
        "the value is binary, not text: most likely Redisson's default codec (Kryo / Marshalling / FST) or a Java-serialized object. wxtoken does not guess at such values; have the server store the token with a string codec (e.g. Redisson's StringCodec)",
      ),
    };
  }
  return { ok: true, value: text, warnings: [] };
}

/** Java's ObjectOutputStream writing one String: magic AC ED, version 00 05, TC_STRING 74, u16 length, UTF-8. */
function javaSerializedString(raw: Buffer): string | undefined {
  if (raw.length < 7 || raw[0] !== 0xac || raw[1] !== 0xed || raw[2] !== 0x00 || raw[3] !== 0x05 || raw[4] !== 0x74) return undefined;
  const length = raw.readUInt16BE(5);
  if (raw.length !== 7 + length) return undefined;
  try {
    return utf8.decode(raw.subarray(7));
  } catch {
    return undefined;
  }
}
