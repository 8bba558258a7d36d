/** `wxtoken redis …`: saved Redis connections (the password in the keychain), a test, and finding token keys. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseInput } from '../../../shared/contract';
import { appError, withDetail } from '../../../shared/errors/errors';
import { AppFailure, type Localized } from '../../../shared/result';
import { parseRedisUrl } from '../../core/redis/redis-url';
import type { Context } from '../context';
import { duration, fields, json, localTime, table } from '../output/format';
import { redisConnectionJson, redisMatchJson, redisTestJson } from '../output/json-views';
import { L } from '../lang';
import { arg, flag, stringValue, UsageFailure, type CommandSpec } from '../spec';
import { jsonOption } from './account/options';

const warn = (ctx: Context, warning: Localized | undefined) => warning && ctx.note(`wxtoken: ${ctx.t(L('警告', 'warning'))}: ${ctx.t(warning)}`);

export const redisAdd: CommandSpec = {
  name: 'redis add',
  usage: 'wxtoken redis add NAME --url redis[s]://[USER@]HOST:PORT[/DB] [--prefix P] [--tls-ca FILE]',
  summary: L(
    '保存一个 Redis 连接。密码从标准输入读取（空行表示没有密码），或在终端中不回显地输入；保存在系统钥匙串中，不写入任何文件。',
    'Save a Redis connection. The password is read from stdin (an empty line: none) or typed at a no-echo prompt; it is kept in the OS keychain, never in a file.',
  ),
  positionals: ['NAME'],
  options: {
    url: { type: 'string', arg: 'URL', help: L('redis://（明文）或 rediss://（TLS），可带 ACL 用户名和数据库编号，不能带密码', 'redis:// (plain) or rediss:// (TLS), with an ACL user and a database number if needed, never a password') },
    prefix: { type: 'string', arg: 'P', help: L('加在 wxtoken 读写的每个键前面，如缓存命名空间 app:', 'put in front of every key wxtoken reads or writes, e.g. a cache namespace app:') },
    'tls-ca': { type: 'string', arg: 'FILE', values: 'file', help: L('rediss:// 额外信任的 CA 证书（PEM 文件）', 'a CA certificate (PEM file) to trust for rediss://') },
  },
  async run(ctx, parsed) {
    const url = stringValue(parsed, 'url');
    if (url === undefined) throw new UsageFailure(L('缺少 --url', 'missing --url'), redisAdd);
    const caFile = stringValue(parsed, 'tls-ca');
    let tlsCa: string | undefined;
    if (caFile !== undefined) {
      tlsCa = await readFile(resolve(ctx.io.cwd, caFile), 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new AppFailure(appError('validation', { field: 'tls-ca', message: withDetail(appError('validation').message, `cannot read ${caFile} (${err.code ?? err.message})`) }));
      });
    }
    const prefix = stringValue(parsed, 'prefix');
    const connection = { name: arg(parsed, 'NAME'), url, ...(prefix ? { prefix } : {}), ...(tlsCa !== undefined ? { tlsCa } : {}) };
    // Check what can be checked before asking for the password, so nobody types it in vain.
    const shape = parseInput('addRedis', { connection });
    if (!shape.ok) throw new AppFailure(shape.error);
    const address = parseRedisUrl(url);
    if (!address.ok) throw new AppFailure(appError('validation', { field: 'url', message: { zh: `输入无效：${address.problem.zh}`, en: `Invalid input: ${address.problem.en}` } }));
    if (tlsCa !== undefined && !address.value.tls) throw new UsageFailure(L('--tls-ca 只用于 rediss:// 连接', '--tls-ca is for rediss:// connections only'), redisAdd);
    const existing = await ctx.call('listRedis', {});
    if (existing.some((c) => c.name.toLowerCase() === shape.value.connection.name.toLowerCase())) {
      throw new AppFailure(appError('conflict', { message: withDetail(L('已存在同名 Redis 连接', 'A Redis connection with that name exists already'), shape.value.connection.name) }));
    }

    const password = await readPassword(ctx, shape.value.connection.name);
    const added = await ctx.call('addRedis', { connection: shape.value.connection, ...(password ? { password } : {}) });
    ctx.say(
      password
        ? L(`已添加 Redis 连接 ${added.name}（${added.url}），密码已保存到系统钥匙串`, `Added Redis connection ${added.name} (${added.url}); the password is in the OS keychain`)
        : L(`已添加 Redis 连接 ${added.name}（${added.url}），没有密码`, `Added Redis connection ${added.name} (${added.url}) with no password`),
    );
    warn(ctx, added.warning);
    return 0;
  },
};

/** One line: from stdin when piped, else a no-echo prompt. Empty = no password. */
async function readPassword(ctx: Context, name: string): Promise<string> {
  if (ctx.io.stdinIsTTY) {
    const typed = await ctx.io.promptHidden(ctx.t(L(`Redis ${name} 的密码（输入时不显示，没有密码直接回车）：`, `Password for Redis ${name} (not shown as you type; Enter for none): `)));
    if (typed === undefined) throw new AppFailure(appError('cancelled'));
    return typed;
  }
  const text = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  if (/[\r\n]/.test(text)) {
    throw new UsageFailure(L('标准输入只能有一行：Redis 密码（空行表示没有密码）', 'stdin must hold one line: the Redis password (an empty line: none)'), redisAdd);
  }
  return text;
}

export const redisList: CommandSpec = {
  name: 'redis list',
  usage: 'wxtoken redis list [--json]',
  summary: L('列出 Redis 连接（不含密码）', 'List the Redis connections (never their passwords)'),
  positionals: [],
  options: { json: jsonOption },
  async run(ctx, parsed) {
    const list = await ctx.call('listRedis', {});
    if (flag(parsed, 'json')) {
      ctx.io.out(json(list.map(redisConnectionJson)));
      return 0;
    }
    if (list.length === 0) {
      ctx.note(L('还没有 Redis 连接：用 `wxtoken redis add NAME --url URL` 添加', 'No Redis connections yet: add one with `wxtoken redis add NAME --url URL`'));
      return 0;
    }
    const t = (zh: string, en: string) => ctx.t(L(zh, en));
    const head = [t('名称', 'NAME'), 'URL', t('前缀', 'PREFIX'), 'TLS', t('密码', 'PASSWORD')];
    const rows = list.map((c) => [
      c.name,
      c.url,
      c.prefix ?? '-',
      c.tls ? (c.hasCa ? t('是（自带 CA）', 'yes (own CA)') : t('是', 'yes')) : t('否', 'no'),
      c.hasPassword === null ? '?' : c.hasPassword ? t('已保存', 'stored') : t('无', 'none'),
    ]);
    ctx.say(table([head, ...rows]));
    for (const c of list) if (c.warning) warn(ctx, { zh: `${c.name}：${c.warning.zh}`, en: `${c.name}: ${c.warning.en}` });
    return 0;
  },
};

export const redisTest: CommandSpec = {
  name: 'redis test',
  usage: 'wxtoken redis test NAME [--json]',
  complete: { NAME: 'redis' },
  summary: L('连接 Redis：PING、服务器版本、是否集群、延迟', 'Connect to a Redis: PING, server version, cluster or not, latency'),
  positionals: ['NAME'],
  options: { json: jsonOption },
  async run(ctx, parsed) {
    const result = await ctx.call('testRedis', { name: arg(parsed, 'NAME') });
    if (flag(parsed, 'json')) {
      ctx.io.out(json(redisTestJson(result)));
      return 0;
    }
    const t = (zh: string, en: string) => ctx.t(L(zh, en));
    ctx.say(
      fields([
        [t('名称', 'name'), result.name],
        ['PING', 'PONG'],
        [t('版本', 'version'), result.version],
        [t('集群', 'cluster'), result.cluster ? t(`是（${result.nodes} 个主节点）`, `yes (${result.nodes} masters)`) : t('否', 'no')],
        ['TLS', result.tls ? t('是', 'yes') : t('否', 'no')],
        [t('延迟', 'latency'), `${result.latencyMs} ms`],
      ]),
    );
    warn(ctx, result.warning);
    return 0;
  },
};

export const redisRemove: CommandSpec = {
  name: 'redis remove',
  usage: 'wxtoken redis remove NAME',
  complete: { NAME: 'redis' },
  summary: L('删除一个 Redis 连接及其在钥匙串中的密码（不动 Redis 里的数据）', 'Remove a Redis connection and its password in the keychain (nothing in Redis is touched)'),
  positionals: ['NAME'],
  options: {},
  async run(ctx, parsed) {
    const name = arg(parsed, 'NAME');
    await ctx.call('removeRedis', { name });
    ctx.say(L(`已删除 Redis 连接 ${name.trim()}`, `Removed Redis connection ${name.trim()}`));
    return 0;
  },
};

export const redisFind: CommandSpec = {
  name: 'redis find',
  usage: 'wxtoken redis find NAME APPID [--json]',
  summary: L(
    '在 Redis 中找出保存着某个 AppID 的 token 的键（各 SDK 的格式），显示剩余时间；token 只显示掩码',
    'Find the keys on a Redis that hold a token for an AppID (in any known SDK format), with their TTL; tokens masked',
  ),
  positionals: ['NAME', 'APPID'],
  complete: { NAME: 'redis' },
  options: { json: jsonOption },
  async run(ctx, parsed) {
    const found = await ctx.call('findRedisKeys', { name: arg(parsed, 'NAME'), appid: arg(parsed, 'APPID') });
    if (flag(parsed, 'json')) {
      ctx.io.out(json(found.map(redisMatchJson)));
      return 0;
    }
    if (found.length === 0) {
      ctx.note(L(`Redis ${arg(parsed, 'NAME')} 上没有找到 ${arg(parsed, 'APPID')} 的 token`, `No token for ${arg(parsed, 'APPID')} found on Redis ${arg(parsed, 'NAME')}`));
      return 1;
    }
    const t = (zh: string, en: string) => ctx.t(L(zh, en));
    const head = [t('键', 'KEY'), t('格式', 'FORMAT'), 'TTL', 'TOKEN', t('过期时间', 'EXPIRES')];
    const rows = found.map((m) => [
      m.field ? `${m.key} [${m.field}]` : m.key,
      m.format,
      m.ttl < 0 ? t('无', 'none') : duration(m.ttl),
      m.masked ?? t('（无法读取）', '(unreadable)'),
      m.expiresAt !== undefined ? localTime(m.expiresAt) : '-',
    ]);
    ctx.say(table([head, ...rows]));
    for (const m of found) {
      const label = m.field ? `${m.key} [${m.field}]` : m.key;
      if (m.problem) ctx.note(`${label}: ${ctx.t(m.problem)}`);
      for (const w of m.warnings ?? []) warn(ctx, { zh: `${label}：${w.zh}`, en: `${label}: ${w.en}` });
    }
    return 0;
  },
};

export const redisCommands = [redisAdd, redisList, redisTest, redisFind, redisRemove];
