/** `redis[s]://[USER@]HOST[:PORT][/DB]`: parsed and checked. A password in the URL is refused (it goes to the keychain). */
import { isIP } from 'node:net';
import type { Localized } from '../../../shared/result';

export interface RedisAddress {
  tls: boolean;
  host: string;
  port: number;
  username?: string;
  db: number;
  /** 127.0.0.0/8, ::1 or localhost: traffic that never leaves the machine. */
  loopback: boolean;
}

const L = (zh: string, en: string): Localized => ({ zh, en });

export function parseRedisUrl(text: string): { ok: true; value: RedisAddress } | { ok: false; problem: Localized } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: L('url 不是有效的地址（应为 redis://HOST:PORT 或 rediss://…）', 'url is not a valid address (use redis://HOST:PORT or rediss://…)') };
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return { ok: false, problem: L('url 必须以 redis:// 或 rediss://（TLS）开头', 'url must start with redis:// or rediss:// (TLS)') };
  }
  if (url.password) {
    return { ok: false, problem: L('url 里不能带密码：密码从标准输入读取，保存在系统钥匙串中', 'url must not hold a password: it is read from stdin and kept in the OS keychain') };
  }
  if (url.search || url.hash) return { ok: false, problem: L('url 不能带查询参数或片段', 'url must not have a query or fragment') };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return { ok: false, problem: L('url 缺少主机名', 'url has no host') };
  const path = url.pathname.replace(/^\//, '');
  if (path && !/^\d{1,5}$/.test(path)) return { ok: false, problem: L('url 的路径只能是数据库编号，如 /2', 'the url path may only be a database number, e.g. /2') };
  const db = path ? Number(path) : 0;
  if (db > 10_000) return { ok: false, problem: L('数据库编号过大', 'database number too large') };
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  return {
    ok: true,
    value: {
      tls: url.protocol === 'rediss:',
      host,
      port: url.port ? Number(url.port) : 6379,
      ...(username ? { username } : {}),
      db,
      loopback: isLoopback(host),
    },
  };
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
}

/** The URL as shown and stored: normalised, never with a password. */
export function formatRedisUrl(a: RedisAddress): string {
  const host = isIP(a.host) === 6 ? `[${a.host}]` : a.host;
  const user = a.username ? `${encodeURIComponent(a.username)}@` : '';
  return `${a.tls ? 'rediss' : 'redis'}://${user}${host}:${a.port}${a.db ? `/${a.db}` : ''}`;
}

/** Warned about wherever the connection is shown or used. */
export function plaintextWarning(a: RedisAddress): Localized | undefined {
  if (a.tls || a.loopback) return undefined;
  return L(
    `${a.host} 不是本机地址，连接却没有加密：密码和 token 会以明文经过网络。请用 rediss://（TLS），或经 SSH 隧道连接`,
    `${a.host} is not on this machine and the connection is not encrypted: the password and tokens cross the network in clear. Use rediss:// (TLS), or connect through an SSH tunnel`,
  );
}
