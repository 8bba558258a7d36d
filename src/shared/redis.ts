/** Redis connections and the token formats of the server SDKs, as every host and the UI see them. */
import { z } from 'zod';
import type { Localized } from './result';

/** The SDK layouts wxtoken can read a token from (wechat-api.md §8). */
export const OBSERVE_FORMATS = [
  'wxjava',
  'wxjava-ma',
  'wxjava-cp',
  'wxjava-open',
  'wechatpy',
  'silenceper',
  'easywechat6',
  'easywechat5',
  'senparc',
  'plain',
] as const;
export type ObserveFormat = (typeof OBSERVE_FORMATS)[number];

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
  .max(64, 'name is longer than 64 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u, 'name may hold letters, digits, "_", "." and "-", and starts with a letter or digit');

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
