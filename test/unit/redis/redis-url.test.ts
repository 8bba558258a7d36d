import { describe, expect, it } from 'vitest';
import { formatRedisUrl, parseRedisUrl, plaintextWarning } from '../../../src/main/core/redis/redis-url';

const parse = (url: string) => {
  const r = parseRedisUrl(url);
  if (!r.ok) throw new Error(r.problem.en);
  return r.value;
};

describe('Redis URLs', () => {
  it('reads scheme, ACL user, host, port and database', () => {
    expect(parse('rediss://team@redis.example.com:6380/2')).toEqual({ tls: true, host: 'redis.example.com', port: 6380, username: 'team', db: 2, loopback: false });
    expect(parse('redis://127.0.0.1')).toEqual({ tls: false, host: '127.0.0.1', port: 6379, db: 0, loopback: true });
    expect(parse('redis://[::1]:7000')).toMatchObject({ host: '::1', port: 7000, loopback: true });
    expect(formatRedisUrl(parse('redis://[::1]:7000/'))).toBe('redis://[::1]:7000');
    expect(formatRedisUrl(parse(' rediss://a%40b@host/5 '))).toBe('rediss://a%40b@host:6379/5');
  });

  it('refuses a password, other schemes, queries and paths that are not a database', () => {
    for (const bad of ['redis://:pw@host', 'redis://user:pw@host', 'http://host:6379', 'redis://host/?db=1', 'redis://host/abc', 'redis://host#x', 'not a url']) {
      expect(parseRedisUrl(bad).ok, bad).toBe(false);
    }
    const withPassword = parseRedisUrl('redis://user:hunter2@host');
    expect(!withPassword.ok && withPassword.problem.en).toMatch(/must not hold a password/);
    expect(JSON.stringify(withPassword)).not.toContain('hunter2');
  });

  it('warns about plaintext off this machine only', () => {
    expect(plaintextWarning(parse('redis://10.0.0.5:6379'))?.en).toMatch(/10\.0\.0\.5 is not on this machine/);
    expect(plaintextWarning(parse('rediss://10.0.0.5:6379'))).toBeUndefined();
    expect(plaintextWarning(parse('redis://localhost:6379'))).toBeUndefined();
    expect(plaintextWarning(parse('redis://127.8.9.10'))).toBeUndefined();
  });
});
