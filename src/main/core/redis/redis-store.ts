/** The Redis connections in `<home>/redis.json`: names, URLs, prefixes, CA certificates — never a password. */
import path from 'node:path';
import { appError, withDetail } from '../../../shared/errors/errors';
import type { RedisConnection } from '../../../shared/redis';
import { fail, ok, type Result } from '../../../shared/result';
import { readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from '../storage/atomic-file';
import { guardStorage } from '../storage/store-result';
import type { ProcessLock } from '../types';
import { parseRedisUrl } from './redis-url';

export const REDIS_LOCK = 'redis';

/** The keychain item that holds a connection's password (none when it has no password). */
export const redisPasswordItem = (name: string): string => `redis-password:${name}`;

/** Built when redis.json is first read: zod is loaded only then (a CLI cache hit of a local token never does). */
async function connectionSchema() {
  const { storedRedisConnection } = await import('../../../shared/redis');
  return storedRedisConnection((url) => parseRedisUrl(url).ok);
}
let schema: ReturnType<typeof connectionSchema> | undefined;
const storedConnection = () => (schema ??= connectionSchema());

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Keeps each entry that is still a valid connection; the rest is reported as damage. */
const validateFile: Validate<RedisConnection[]> = async (raw) => {
  if (raw === undefined) return { value: [] };
  const file = raw as { version?: unknown; connections?: unknown };
  if (typeof raw !== 'object' || raw === null || !Array.isArray(file.connections)) return { value: [], damage: 'no connections list' };
  const stored = await storedConnection();
  const kept: RedisConnection[] = [];
  const lost: string[] = [];
  file.connections.forEach((entry: unknown, i) => {
    const parsed = stored.safeParse(entry);
    if (!parsed.success) return lost.push(`#${i + 1}: ${parsed.error.issues[0].path.join('.') || 'entry'} invalid`);
    if (kept.some((c) => sameName(c.name, parsed.data.name))) return lost.push(`#${i + 1}: duplicate name`);
    kept.push(parsed.data);
  });
  if (file.version !== 1) lost.unshift(`unknown version ${JSON.stringify(file.version)}`);
  return { value: kept, damage: lost.length ? lost.join('; ') : undefined };
};

export class RedisStore {
  readonly file: string;

  constructor(private readonly opts: { home: string; lock: ProcessLock; report?: ReportProblem; now?: () => Date }) {
    this.file = path.join(opts.home, 'redis.json');
  }

  list(): Promise<Result<RedisConnection[]>> {
    return guardStorage(this.file, async () => {
      const read = await readJsonFile(this.file, validateFile, false);
      return ok(read.problem ? await this.opts.lock.withLock(REDIS_LOCK, () => this.loadForWrite()) : read.value);
    });
  }

  get(name: string): Promise<Result<RedisConnection>> {
    return guardStorage(this.file, async () => {
      const list = await this.list();
      if (!list.ok) return list;
      const found = list.value.find((c) => c.name === name);
      return found ? ok(found) : fail(redisNotFound(name));
    });
  }

  /** `connection` is already validated (url normalised); a clash of names is a conflict. */
  add(connection: Omit<RedisConnection, 'createdAt'>): Promise<Result<RedisConnection>> {
    return guardStorage(this.file, () =>
      this.opts.lock.withLock(REDIS_LOCK, async () => {
        const list = await this.loadForWrite();
        if (list.some((c) => sameName(c.name, connection.name))) {
          return fail(appError('conflict', { message: withDetail({ zh: '已存在同名 Redis 连接', en: 'A Redis connection with that name exists already' }, connection.name) }));
        }
        const added: RedisConnection = { ...connection, createdAt: (this.opts.now?.() ?? new Date()).toISOString() };
        await this.write([...list, added]);
        return ok(added);
      }),
    );
  }

  remove(name: string): Promise<Result<void>> {
    return guardStorage(this.file, () =>
      this.opts.lock.withLock(REDIS_LOCK, async () => {
        const list = await this.loadForWrite();
        if (!list.some((c) => c.name === name)) return fail(redisNotFound(name));
        await this.write(list.filter((c) => c.name !== name));
        return ok(undefined);
      }),
    );
  }

  private async loadForWrite(): Promise<RedisConnection[]> {
    const read = await readJsonFile(this.file, validateFile);
    if (read.problem) {
      this.opts.report?.(read.problem);
      await this.write(read.value);
    }
    return read.value;
  }

  private write(connections: RedisConnection[]): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify({ version: 1, connections }, null, 2)}\n`);
  }
}

export function redisNotFound(name: string) {
  return appError('not_found', {
    message: withDetail({ zh: '没有这个 Redis 连接', en: 'No such Redis connection' }, name),
    next: { zh: '用 `wxtoken redis list` 查看已有连接', en: 'See the connections with `wxtoken redis list`' },
  });
}
