/**
 * `wxtoken redis …` as a child process against real redis-servers: the password goes from stdin to the
 * keychain and nowhere else; a Redis that is down or paused fails within seconds with exit code 4.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../../support/cli';
import { startRedis, type RedisFixture } from '../../support/redis-server';

const EXIT_USAGE = 2;
const EXIT_NETWORK = 4;

let box: CliSandbox;
let redis: RedisFixture;

beforeAll(async () => {
  redis = await startRedis({ user: { name: 'team', password: 'team-pass-9f2c' } });
});
afterAll(async () => {
  await redis?.stop();
});

describe('redis add / list / test / remove', () => {
  afterEach(async () => {
    await box?.cleanup();
  });

  it('keeps the password in the keychain only: never in a file of the data folder, never in the output', async () => {
    box = await cliSandbox();
    const added = await box.run(['redis', 'add', 'team', '--url', redis.url], { input: `${redis.password}\n` });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('the password is in the OS keychain');

    const list = await box.run(['redis', 'list', '--json']);
    expect(list.code).toBe(0);
    const [view] = JSON.parse(list.stdout);
    expect(view).toMatchObject({ name: 'team', url: `redis://127.0.0.1:${redis.port}`, has_password: true, tls: false });

    const files = await box.files();
    expect(files.some((f) => f.path.endsWith('redis.json'))).toBe(true);
    for (const file of files) expect(file.data.includes(redis.password), file.path).toBe(false);
    expect(list.stdout + added.stdout + added.stderr).not.toContain(redis.password);

    const keytar = (await import('keytar')).default;
    expect(await keytar.getPassword(box.service, 'redis-password:team')).toBe(redis.password);

    const tested = await box.run(['redis', 'test', 'team']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/PING\s+PONG/);
    expect(tested.stdout).toMatch(/version\s+7\./);
    expect(tested.stdout).toMatch(/cluster\s+no/);

    const removed = await box.run(['redis', 'remove', 'team']);
    expect(removed.code).toBe(0);
    expect(await keytar.getPassword(box.service, 'redis-password:team')).toBeNull();
    expect(JSON.parse((await box.run(['redis', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('keeps the password out of ioredis debug output (DEBUG=*)', async () => {
    box = await cliSandbox();
    const debug = { env: { DEBUG: '*', DEBUG_COLORS: 'no' } };
    const added = await box.run(['redis', 'add', 'team', '--url', redis.url], { input: `${redis.password}\n`, ...debug });
    expect(added.code, added.stderr).toBe(0);
    const tested = await box.run(['redis', 'test', 'team'], debug);
    expect(tested.code, tested.stderr).toBe(0);
    expect(added.stderr + tested.stderr).not.toContain(redis.password);
  });

  it('refuses a password in the URL, and saves nothing', async () => {
    box = await cliSandbox();
    const added = await box.run(['redis', 'add', 'team', '--url', `redis://:${redis.password}@127.0.0.1:${redis.port}`], { input: '\n' });
    expect(added.code).toBe(EXIT_USAGE);
    expect(added.stderr).toMatch(/must not hold a password/);
    expect(JSON.parse((await box.run(['redis', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('connects as an ACL user; a wrong password is refused, not reported as unreachable', async () => {
    box = await cliSandbox();
    expect((await box.run(['redis', 'add', 'acl', '--url', `redis://team@127.0.0.1:${redis.port}/3`], { input: 'team-pass-9f2c\n' })).code).toBe(0);
    const ok = await box.run(['redis', 'test', 'acl']);
    expect(ok.code, ok.stderr).toBe(0);

    expect((await box.run(['redis', 'add', 'wrong', '--url', redis.url], { input: 'not-the-password\n' })).code).toBe(0);
    const wrong = await box.run(['redis', 'test', 'wrong']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Redis wrong refused the user or password/);

    // An empty line: no password at all.
    const none = await box.run(['redis', 'add', 'none', '--url', redis.url], { input: '\n' });
    expect(none.stdout).toContain('with no password');
    expect((await box.run(['redis', 'test', 'none'])).stderr).toMatch(/refused/);
  });

  it('warns when a Redis off this machine is used without TLS', async () => {
    box = await cliSandbox();
    const added = await box.run(['redis', 'add', 'remote', '--url', 'redis://10.255.255.1:6379'], { input: '\n' });
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/warning: 10\.255\.255\.1 is not on this machine .*not encrypted/);
    expect((await box.run(['redis', 'list'])).stderr).toMatch(/remote: 10\.255\.255\.1 is not on this machine/);
    const local = await box.run(['redis', 'add', 'local', '--url', redis.url], { input: '\n' });
    expect(local.stderr).not.toMatch(/warning/);
  });
});

describe('redis find', () => {
  const APPID = 'wx00112233aabbccdd';
  const CORPID = 'ww00112233aabbccdd';
  const TOKEN = (n: number) => `86_token${n}_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOp`;
  let writer: Redis;

  beforeAll(async () => {
    box = await cliSandbox();
    writer = new Redis({ host: '127.0.0.1', port: redis.port, password: redis.password, lazyConnect: true });
    await writer.connect();
    const php = (s: string) => `s:${Buffer.byteLength(s)}:"${s}";`;
    // Each value as its SDK writes it.
    await writer.set(`wx:access_token:${APPID}`, TOKEN(1), 'EX', 7200);
    await writer.set(`wa:access_token:${APPID}`, Buffer.concat([Buffer.from([0x03, 0x01, 0xd8, 0x01]), Buffer.from(TOKEN(2))]), 'EX', 7000);
    await writer.set(`wx:cp:wechat_cp_access_token_key:${CORPID}:1000002`, TOKEN(3), 'EX', 7200);
    await writer.set(`wx:open:wechat_authorizer_access_token:wxcccccccccccccccc:${APPID}`, TOKEN(4), 'EX', 7200);
    await writer.set(`wechatpy:${APPID}_access_token`, JSON.stringify(TOKEN(5)), 'EX', 7200);
    await writer.set(`gowechat_officialaccount__access_token_${APPID}`, TOKEN(6), 'EX', 5700);
    await writer.set(`easywechat:official_account.access_token.${APPID}.the-app-secret.0`, php(TOKEN(7)), 'EX', 7200);
    await writer.hset(
      'Senparc:DefaultCache:Container:Senparc.Weixin.MP.Containers.AccessTokenBag',
      APPID,
      JSON.stringify({ AppId: APPID, AppSecret: 'the-app-secret', AccessTokenExpireTime: new Date(Date.now() + 7_000_000).toISOString(), AccessTokenResult: { access_token: TOKEN(8), expires_in: 7200 } }),
    );
    await writer.set(`wx:lock:${APPID}:accessTokenLock`, 'a-uuid', 'EX', 60);
    await writer.set(`myapp:${APPID}:token`, JSON.stringify({ access_token: TOKEN(9), expires_in: 7200 }), 'EX', 7200);
    expect((await box.run(['redis', 'add', 'team', '--url', redis.url], { input: `${redis.password}\n` })).code).toBe(0);
  });
  afterAll(async () => {
    writer?.disconnect();
    await box?.cleanup();
  });

  it('finds the token keys of every format with their TTL; tokens and secrets masked', async () => {
    const found = await box.run(['redis', 'find', 'team', APPID, '--json']);
    expect(found.code, found.stderr).toBe(0);
    for (let n = 1; n <= 9; n++) expect(found.stdout).not.toContain(TOKEN(n));
    expect(found.stdout).not.toContain('the-app-secret');
    const matches: { key: string; field?: string; format: string; ttl: number; masked?: string; problem?: { en: string }; warnings?: { en: string }[] }[] = JSON.parse(found.stdout);
    const byFormat = (f: string) => matches.filter((m) => m.format === f);

    expect(byFormat('wxjava')[0]).toMatchObject({ key: `wx:access_token:${APPID}`, masked: '86_tok…MnOp' });
    expect(byFormat('wxjava')[0].ttl).toBeGreaterThan(7100);
    expect(byFormat('wxjava-ma')[0].problem?.en).toMatch(/binary.*Redisson/);
    expect(byFormat('wxjava-open')[0].key).toBe(`wx:open:wechat_authorizer_access_token:wxcccccccccccccccc:${APPID}`);
    expect(byFormat('wechatpy')[0].masked).toMatch(/^86_tok…/);
    expect(byFormat('silenceper')[0].ttl).toBeLessThanOrEqual(5700);
    expect(byFormat('easywechat6')[0].key).toBe(`easywechat:official_account.access_token.${APPID}.***.0`);
    expect(byFormat('senparc')[0]).toMatchObject({ field: APPID, ttl: -1 });
    expect(byFormat('senparc')[0].warnings?.[0].en).toMatch(/AppSecret in clear/);
    expect(matches.find((m) => m.key === `myapp:${APPID}:token`)).toMatchObject({ format: 'unknown', masked: expect.stringMatching(/^86_tok/) });
    expect(matches.some((m) => m.key.includes('lock'))).toBe(false);
  });

  it('finds WeCom keys by corpid, and says so when there is nothing', async () => {
    const cp = JSON.parse((await box.run(['redis', 'find', 'team', CORPID, '--json'])).stdout);
    expect(cp).toEqual([expect.objectContaining({ format: 'wxjava-cp', key: `wx:cp:wechat_cp_access_token_key:${CORPID}:1000002` })]);
    const none = await box.run(['redis', 'find', 'team', 'wxffffffffffffffff']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No token for wxffffffffffffffff found on Redis team/);
  });

  it('reads keys behind the connection prefix', async () => {
    await writer.set(`tenant-a:wechatpy:${APPID}_access_token`, JSON.stringify(TOKEN(10)), 'EX', 7200);
    expect((await box.run(['redis', 'add', 'tenant', '--url', redis.url, '--prefix', 'tenant-a:'], { input: `${redis.password}\n` })).code).toBe(0);
    const matches = JSON.parse((await box.run(['redis', 'find', 'tenant', APPID, '--json'])).stdout);
    expect(matches).toEqual([expect.objectContaining({ format: 'wechatpy', key: `tenant-a:wechatpy:${APPID}_access_token` })]);
  });
});

describe('a Redis that does not answer', () => {
  afterEach(async () => {
    await box?.cleanup();
  });

  it('paused (SIGSTOP): "unreachable" with exit code 4 within seconds, and fine again once resumed', async () => {
    const paused = await startRedis();
    try {
      box = await cliSandbox();
      expect((await box.run(['redis', 'add', 'team', '--url', paused.url], { input: `${paused.password}\n` })).code).toBe(0);
      paused.pause();
      // A hang detector, not a speed target: a run that has not ended after 15 s is killed (code null).
      const test = await box.run(['redis', 'test', 'team'], { timeoutMs: 15_000 });
      const zh = await box.run(['redis', 'find', 'team', 'wx00112233aabbccdd'], { env: { WXTOKEN_LANG: 'zh' }, timeoutMs: 15_000 });
      expect(test.code).toBe(EXIT_NETWORK);
      expect(test.stderr).toMatch(/\[redis_unreachable\]: Redis team unreachable/);
      expect(zh.code).toBe(EXIT_NETWORK);
      expect(zh.stderr).toMatch(/无法连接 Redis team/);
      paused.resume();
      expect((await box.run(['redis', 'test', 'team'])).code).toBe(0);
    } finally {
      paused.resume();
      await paused.stop();
    }
  });

  it('down: "unreachable" with exit code 4', async () => {
    const down = await startRedis();
    box = await cliSandbox();
    expect((await box.run(['redis', 'add', 'team', '--url', down.url], { input: '\n' })).code).toBe(0);
    await down.stop();
    const test = await box.run(['redis', 'test', 'team'], { timeoutMs: 20_000 });
    expect(test.code).toBe(EXIT_NETWORK);
    expect(test.stderr).toMatch(/Redis team unreachable.*ECONNREFUSED/);
  });
});
