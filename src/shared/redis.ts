/** Redis connections and the token formats of the server SDKs, as every host and the UI see them. */
import * as z from 'zod';
import {
  AGENTID_PATTERN,
  APPID_PATTERN,
  HEADER_NAME_MAX,
  HEADER_NAME_PATTERN,
  isHttpUrlWithoutCredentials,
  KEY_TEMPLATE_MAX,
  KEY_TEMPLATE_PATTERN,
  OBSERVE_FORMATS,
  OBSERVE_URL_MAX,
  REDIS_NAME_MAX,
  REDIS_NAME_PATTERN,
  type ObserveFormat,
} from './account-rules';
import type { AccountSource } from './models';
import type { Localized } from './result';

export { OBSERVE_FORMATS, type ObserveFormat } from './account-rules';

/** A saved connection: never its password (that is in the keychain). */
export interface RedisConnection {
  name: string;
  /** `redis[s]://[USER@]HOST:PORT[/DB]`, never with a password. */
  url: string;
  /** Put in front of every key wxtoken reads or writes on this Redis (e.g. a cache namespace `app:`). */
  prefix?: string;
  /** A CA certificate (PEM) to trust for `rediss://`, besides the system's. */
  tlsCa?: string;
  createdAt: string;
}

export interface RedisConnectionView extends Omit<RedisConnection, 'tlsCa'> {
  tls: boolean;
  hasCa: boolean;
  /** null: the keychain could not be asked. */
  hasPassword: boolean | null;
  /** Said when the connection is not safe as configured (a remote host without TLS). */
  warning?: Localized;
}

export interface RedisTestResult {
  name: string;
  version: string;
  cluster: boolean;
  /** Cluster: the number of masters. */
  nodes?: number;
  tls: boolean;
  /** One PING round trip, milliseconds. */
  latencyMs: number;
  warning?: Localized;
}

/** A key that holds (or may hold) a token for an AppID. Values are never shown, only the masked token. */
export interface RedisKeyMatch {
  /** The key as stored; a secret inside it (EasyWeChat 6 puts the AppSecret in the key) is masked. */
  key: string;
  /** For a hash (Senparc): the field. */
  field?: string;
  /** The format whose layout the key has; `unknown` for a key that only mentions the AppID. */
  format: ObserveFormat | 'unknown';
  /** Seconds left; -1 = no expiry. */
  ttl: number;
  masked?: string;
  expiresAt?: number;
  /** Why the value could not be read as a token. */
  problem?: Localized;
  /** Worth knowing, e.g. "this value holds the AppSecret in clear". */
  warnings?: Localized[];
}

export const redisName = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(REDIS_NAME_MAX, `name is longer than ${REDIS_NAME_MAX} characters`)
  .regex(REDIS_NAME_PATTERN, 'name may hold letters, digits, "_", "." and "-", and starts with a letter or digit');

export const redisUrl = z.string().trim().min(1, 'url is empty').max(2_000, 'url is too long');

/** Printable, no spaces: a key prefix is typed into configuration files, not prose. */
export const redisPrefix = z.string().max(200, 'prefix is longer than 200 characters').regex(/^[\x21-\x7e]*$/, 'prefix may hold printable ASCII only, no spaces');

export const redisCa = z
  .string()
  .max(65_536, 'CA file is larger than 64 KiB')
  .refine((pem) => /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(pem), 'CA must be a PEM certificate');

/** The Redis password (or an ACL user's): empty = none. */
export const redisPassword = z.string().max(1_024, 'password is longer than 1024 characters').regex(/^[^\r\n]*$/, 'password must be one line');

export const redisInput = z
  .object({
    name: redisName,
    url: redisUrl,
    prefix: redisPrefix.optional(),
    tlsCa: redisCa.optional(),
  })
  .strict();

export const appidOrCorpid = z
  .string()
  .trim()
  .regex(/^w[wx][0-9a-zA-Z]{16}$/, 'AppID must be "wx" + 16 hex digits (a corpid "ww" + 16 letters or digits)');

// --- Token sources (issue 8): input rules for an account's source (here, not in their own file, so the CLI's
// chunks stay acyclic: schemas.ts and redis.ts are bundled together) ---
/** A Redis key template: printable ASCII, no spaces (placeholders are checked when the key is built). */
const keyTemplate = z
  .string()
  .trim()
  .min(1, 'key is empty')
  .max(KEY_TEMPLATE_MAX, `key is longer than ${KEY_TEMPLATE_MAX} characters`)
  .regex(KEY_TEMPLATE_PATTERN, 'key may hold printable ASCII only, no spaces');

/** An HTTP header name (RFC 9110 token). */
export const headerName = z.string().trim().min(1).max(HEADER_NAME_MAX).regex(HEADER_NAME_PATTERN, 'header must be an HTTP header name');

export const observeUrl = z
  .string()
  .trim()
  .max(OBSERVE_URL_MAX, 'url is too long')
  .refine(isHttpUrlWithoutCredentials, 'url must be an http(s) URL without user or password (give a secret header with --header)');

export const accountSource = z
  .discriminatedUnion('type', [
  z.object({ type: z.literal('share'), redis: redisName, agentid: z.string().trim().regex(AGENTID_PATTERN, 'agentid must be digits').optional() }).strict(),
  z
    .object({
      type: z.literal('observe'),
      redis: redisName,
      format: z.enum(OBSERVE_FORMATS),
      key: keyTemplate.optional(),
      agentid: z.string().trim().regex(AGENTID_PATTERN, 'agentid must be digits').optional(),
      componentAppid: z.string().trim().regex(APPID_PATTERN, 'component AppID must be "wx" + 16 hex digits').optional(),
    })
    .strict(),
  z.object({ type: z.literal('observe-url'), url: observeUrl, header: headerName.optional() }).strict(),
  z.object({ type: z.literal('paste') }).strict(),
  ])
  .refine((s) => s.type !== 'observe' || s.format !== 'plain' || s.key !== undefined, { message: 'the plain format needs a key template (--key)', path: ['key'] });

/** The schema's output is the model's type (checked here, so the two cannot drift apart). */
const _sameShape: AccountSource = undefined as unknown as z.output<typeof accountSource>;
void _sameShape;

/** A token typed or pasted by hand: WeChat's tokens are printable ASCII without spaces. */
export const pastedToken = z.string().trim().regex(/^[\x21-\x7e]{8,2048}$/, 'the token must be 8 to 2048 printable characters without spaces');

/** A connection as redis.json stores it; `validUrl` is the hosts' URL parser (core code this module cannot import). */
export const storedRedisConnection = (validUrl: (url: string) => boolean) =>
  z
    .object({
      name: redisName,
      url: z.string().refine(validUrl, 'bad url'),
      prefix: redisPrefix.optional(),
      tlsCa: redisCa.optional(),
      createdAt: z.string(),
    })
    .strict();
