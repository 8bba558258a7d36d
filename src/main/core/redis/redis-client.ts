/**
 * Opens a connection to a saved Redis for one operation, and closes it after. Every step is bounded:
 * connect ~2 s, each command ~2 s, the whole operation by a deadline, no offline queue, no reconnect
 * loop. A server that says `cluster_enabled:1` is reopened as a cluster. ioredis is loaded on first use,
 * so commands that never touch Redis do not pay for it.
 */
import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { appError, withDetail } from '../../../shared/errors/errors';
import { AppFailure, type AppError, type Localized } from '../../../shared/result';
import type { RedisAddress } from './redis-url';

export const CONNECT_TIMEOUT_MS = 2_000;
export const COMMAND_TIMEOUT_MS = 2_000;
/**
 * Connecting includes AUTH and the ready check, which connectTimeout does not cover once TCP is up (a
 * paused server accepts the connection and never answers): the whole step is bounded on its own.
 */
const CONNECT_STEP_MS = CONNECT_TIMEOUT_MS + 1_000;

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface RedisTarget {
  name: string;
  address: RedisAddress;
  password?: string;
  tlsCa?: string;
}

export type RedisClient = Redis | Cluster;

export interface OpenedRedis {
  client: RedisClient;
  cluster: boolean;
  /** The masters (one client each) of a cluster, or the one server. */
  masters(): RedisClient[];
}

/** Runs `fn` on a fresh connection; the connection is closed whatever happens. `deadlineMs` bounds it all. */
export async function withRedis<T>(target: RedisTarget, fn: (redis: OpenedRedis) => Promise<T>, deadlineMs = 8_000): Promise<T> {
  const opened: RedisClient[] = [];
  const lastError: { error?: unknown } = {};
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unreachable(target.name, lastError.error ?? new Error(`no answer within ${Math.round(deadlineMs / 1000)} s`))), deadlineMs);
  });
  try {
    return await Promise.race([
      (async () => {
        const redis = await open(target, opened, lastError);
        return fn(redis);
      })(),
      deadline,
    ]);
  } catch (err) {
    // ioredis rejects with a generic "Connection is closed"; the cause (refused, WRONGPASS) came as an event.
    const generic = err instanceof Error && /Connection is closed|Stream isn't writeable|MaxRetriesPerRequest/.test(err.message);
    const failure = redisFailure(target.name, generic && lastError.error ? lastError.error : err);
    // Redis never echoes a password, but a proxy or a future error text might: never pass it on.
    const password = target.password;
    if (!password) throw failure;
    const scrub = (text: string) => text.split(password).join('***');
    const { message } = failure.error;
    throw new AppFailure({ ...failure.error, message: { zh: scrub(message.zh), en: scrub(message.en) } });
  } finally {
    clearTimeout(timer);
    for (const client of opened) client.disconnect();
  }
}

/**
 * A connection kept open by its caller (a pub/sub subscriber): bounded while connecting, then the caller's to
 * close. Failures come back as the same AppFailures as withRedis's.
 */
export async function openRedis(target: RedisTarget): Promise<{ redis: OpenedRedis; close(): void }> {
  const opened: RedisClient[] = [];
  const lastError: { error?: unknown } = {};
  const close = () => opened.forEach((c) => c.disconnect());
  try {
    const redis = await open(target, opened, lastError);
    return { redis, close };
  } catch (err) {
    close();
    throw redisFailure(target.name, lastError.error ?? err);
  }
}

async function open(target: RedisTarget, opened: RedisClient[], lastError: { error?: unknown }): Promise<OpenedRedis> {
  muteIoredisDebug(process.env);
  // TLS too is loaded here, not with the core: every CLI run would pay for it (a third of Node's start-up).
  const [{ default: IORedis, Cluster: IOCluster }, { rootCertificates }] = await Promise.all([import('ioredis'), import('node:tls')]);
  const { address } = target;
  const options = clientOptions(target, rootCertificates);
  const single = new IORedis({ ...options, host: address.host, port: address.port, db: address.db });
  opened.push(single);
  single.on('error', (err) => (lastError.error = err));
  await bounded(single.connect(), CONNECT_STEP_MS);
  const info = String(await single.info('cluster'));
  if (!/cluster_enabled:1/.test(info)) return { client: single, cluster: false, masters: () => [single] };

  if (address.db !== 0) {
    throw new AppFailure(appError('validation', { field: 'url', message: withDetail(appError('validation').message, 'a Redis Cluster has database 0 only: drop the /DB from the url') }));
  }
  single.disconnect();
  const { db: _db, ...redisOptions } = options;
  const cluster = new IOCluster([{ host: address.host, port: address.port }], {
    redisOptions,
    lazyConnect: true,
    enableOfflineQueue: false,
    enableReadyCheck: true,
    clusterRetryStrategy: () => null,
    slotsRefreshTimeout: CONNECT_TIMEOUT_MS,
    // Nodes are announced by IP; TLS checks the certificate against the name the user gave.
    dnsLookup: (host, callback) => callback(null, host),
  });
  opened.push(cluster);
  cluster.on('error', (err) => (lastError.error = err));
  cluster.on('node error', (err) => (lastError.error = err));
  await bounded(cluster.connect(), CONNECT_STEP_MS);
  return { client: cluster, cluster: true, masters: () => cluster.nodes('master') };
}

function clientOptions(target: RedisTarget, rootCertificates: readonly string[]): RedisOptions {
  const { address } = target;
  return {
    ...(address.username ? { username: address.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    db: address.db,
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // One operation, one connection: a failure is reported, not retried in the background.
    retryStrategy: () => null,
    connectionName: 'wxtoken',
    // A closed connection to a paused server never gets its FIN answered: destroyed soon, so hosts can exit.
    disconnectTimeout: 100,
    ...(address.tls
      ? {
          tls: {
            // The user's CA is trusted besides the system's, not instead of them.
            ...(target.tlsCa ? { ca: [...rootCertificates, target.tlsCa] } : {}),
            ...(isIpLiteral(address.host) ? {} : { servername: address.host }),
          },
        }
      : {}),
  };
}

const isIpLiteral = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/;

/** Any failure on a Redis operation as the AppFailure a user can act on. */
export function redisFailure(name: string, err: unknown): AppFailure {
  if (err instanceof AppFailure) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = typeof (err as { code?: unknown })?.code === 'string' ? ((err as { code: string }).code) : '';
  if (/WRONGPASS|NOAUTH|invalid (username-)?password|AUTH <password> called without any password/i.test(message)) {
    return refused(name, message);
  }
  if (/^NOPERM/.test(message)) return failure('redis_refused', name, message, { zh: 'ACL 用户缺少权限', en: 'the ACL user lacks a right' });
  if (err instanceof Error && err.name === 'ReplyError') return failure('redis_error', name, message);
  return unreachable(name, err, code);
}

function refused(name: string, detail: string): AppFailure {
  return failure('redis_refused', name, detail);
}

function unreachable(name: string, err: unknown, code = ''): AppFailure {
  const message = err instanceof Error ? err.message : String(err);
  const hint = TLS_CODES.test(code) || TLS_CODES.test(message)
    ? { zh: 'TLS 握手失败：服务器证书不受信任或名称不符，可用 --tls-ca 指定 CA', en: "the TLS handshake failed: the server's certificate is not trusted or does not match; give its CA with --tls-ca" }
    : undefined;
  return failure('redis_unreachable', name, message, hint);
}

function failure(code: 'redis_unreachable' | 'redis_refused' | 'redis_error', name: string, detail: string, hint?: Localized): AppFailure {
  const base = appError(code);
  const head: Localized =
    code === 'redis_unreachable'
      ? { zh: `无法连接 Redis ${name}`, en: `Redis ${name} unreachable` }
      : code === 'redis_refused'
        ? { zh: `Redis ${name} 拒绝了用户名或密码`, en: `Redis ${name} refused the user or password` }
        : { zh: `Redis ${name} 返回了错误`, en: `Redis ${name} answered with an error` };
  const line = detail.split('\n')[0].slice(0, 300);
  const text = hint ? { zh: `${hint.zh}（${line}）`, en: `${hint.en} (${line})` } : { zh: line, en: line };
  const error: AppError = { ...base, message: { zh: `${head.zh}：${text.zh}`, en: `${head.en}: ${text.en}` } };
  return new AppFailure(error);
}

/**
 * ioredis logs each command with its arguments under `DEBUG=ioredis:*` (or `*`): AUTH's password among them.
 * `debug` reads DEBUG when ioredis first loads it, so excluding the namespace before that keeps it out.
 */
export function muteIoredisDebug(env: NodeJS.ProcessEnv): void {
  if (env.DEBUG && !env.DEBUG.split(/[\s,]+/).includes('-ioredis:*')) env.DEBUG = `${env.DEBUG},-ioredis:*`;
}
