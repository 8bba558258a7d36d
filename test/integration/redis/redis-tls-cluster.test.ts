/** TLS with the test's own CA, and a 3-master cluster: through the CLI, as a user would set them up. */
import { Cluster } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../../support/cli';
import { startRedis, type RedisFixture } from '../../support/redis-server';

let box: CliSandbox | undefined;
let redis: RedisFixture | undefined;
afterEach(async () => {
  await box?.cleanup();
  await redis?.stop();
  box = redis = undefined;
});

describe('Redis over TLS', () => {
  it('connects with its CA (--tls-ca); without it the certificate is not trusted', async () => {
    redis = await startRedis({ tls: true });
    box = await cliSandbox();
    const added = await box.run(['redis', 'add', 'secure', '--url', redis.url, '--tls-ca', redis.caFile!], { input: `${redis.password}\n` });
    expect(added.code, added.stderr).toBe(0);
    const list = JSON.parse((await box.run(['redis', 'list', '--json'])).stdout);
    expect(list[0]).toMatchObject({ tls: true, has_ca: true });
    const tested = await box.run(['redis', 'test', 'secure']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/TLS\s+yes/);

    expect((await box.run(['redis', 'add', 'untrusted', '--url', redis.url], { input: `${redis.password}\n` })).code).toBe(0);
    const untrusted = await box.run(['redis', 'test', 'untrusted']);
    expect(untrusted.code).toBe(4);
    expect(untrusted.stderr).toMatch(/Redis untrusted unreachable: the TLS handshake failed.*--tls-ca/);
  });
});

describe('Redis Cluster', () => {
  it('is recognised, and find looks on every master', async () => {
    redis = await startRedis({ cluster: true });
    const appid = 'wx0123456789abcdef';
    const token = (n: number) => `86_cluster${n}_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIj`;
    const writer = new Cluster([{ host: '127.0.0.1', port: redis.port }], { redisOptions: { password: redis.password } });
    const keys = [`wx:access_token:${appid}`, `wechatpy:${appid}_access_token`, `gowechat_miniprogram__access_token_${appid}`, `custom:${appid}:access_token`];
    await writer.set(keys[0], token(1), 'EX', 7200);
    await writer.set(keys[1], JSON.stringify(token(2)), 'EX', 7200);
    await writer.set(keys[2], token(3), 'EX', 5000);
    await writer.set(keys[3], token(4), 'EX', 7200);
    // `--cluster create` splits the slots in three even ranges: the keys live on more than one master.
    const slots = await Promise.all(keys.map((k) => writer.cluster('KEYSLOT', k)));
    const masters = new Set(slots.map((slot) => (slot < 5461 ? 0 : slot < 10923 ? 1 : 2)));
    await writer.quit();
    expect(masters.size).toBeGreaterThan(1);

    box = await cliSandbox();
    expect((await box.run(['redis', 'add', 'cluster', '--url', redis.url], { input: `${redis.password}\n` })).code).toBe(0);
    const tested = await box.run(['redis', 'test', 'cluster']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/cluster\s+yes \(3 masters\)/);

    const found = await box.run(['redis', 'find', 'cluster', appid, '--json']);
    expect(found.code, found.stderr).toBe(0);
    const matches: { key: string; format: string; masked?: string }[] = JSON.parse(found.stdout);
    expect(matches.map((m) => m.key).sort()).toEqual([...keys].sort());
    expect(matches.find((m) => m.key === keys[2])).toMatchObject({ format: 'silenceper', masked: expect.stringMatching(/^86_clu…/) });
  });
});
