/**
 * Observe and paste through the built CLI and `serve`, as users run them: no AppSecret asked for, the
 * token read from Redis (or pasted), clear errors with non-zero exits, and `/v1/token` serving it.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, startCli, type CliProcess, type CliSandbox } from '../../support/cli';
import { uniqueAppid } from '../../support/core-env';
import { startRedis, type RedisFixture } from '../../support/redis-server';

let redis: RedisFixture;
let client: Redis;
let box: CliSandbox;
let serving: CliProcess | undefined;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis({ host: redis.host, port: redis.port, password: redis.password });
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});
afterEach(async () => {
  serving?.child.kill('SIGINT');
  await serving?.exited;
  serving = undefined;
  await box?.cleanup();
});

const token = () => `86_${randomUUID().replace(/-/g, '')}`;

describe('wxtoken account add --observe', () => {
  it('needs no secret, prints the token from Redis, and fails clearly (exit 1) once the key is gone; force is refused', async () => {
    box = await cliSandbox();
    const appid = uniqueAppid();
    expect((await box.run(['redis', 'add', 'prod', '--url', redis.url], { input: `${redis.password}\n` })).code).toBe(0);
    const added = await box.run(['account', 'add', 'prod-oa', '--appid', appid, '--observe', 'prod', '--format', 'wechatpy']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('without an AppSecret');
    expect(added.stderr).toContain('never fetches a token from WeChat');

    const value = token();
    await client.set(`wechatpy:${appid}_access_token`, JSON.stringify(value), 'EX', 3600);
    const printed = await box.run(['token', 'prod-oa']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toBe(`${value}\n`);
    const json = JSON.parse((await box.run(['token', 'prod-oa', '--json'])).stdout);
    expect(json).toMatchObject({ access_token: value, origin: { type: 'observe', where: 'prod', key: `wechatpy:${appid}_access_token` } });
    expect(json.expires_in).toBeGreaterThan(3590);

    const forced = await box.run(['token', 'prod-oa', '--force', '--yes']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/not fetched by wxtoken: there is no force refresh/);

    await client.del(`wechatpy:${appid}_access_token`);
    const gone = await box.run(['token', 'prod-oa', '--refresh']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`No token at key wechatpy:${appid}_access_token on Redis prod`);
    expect(gone.stdout).toBe('');

    const show = await box.run(['account', 'show', 'prod-oa']);
    expect(show.stdout).toMatch(/token source\s+read from Redis prod \(wechatpy\); never fetched/);
  });

  it('account list names each token source, in text (en and zh) and in --json', async () => {
    box = await cliSandbox();
    const [local, shared, observed, url, pasted] = [uniqueAppid(), uniqueAppid(), uniqueAppid(), uniqueAppid(), uniqueAppid()];
    expect((await box.run(['redis', 'add', 'team', '--url', redis.url], { input: `${redis.password}\n` })).code).toBe(0);
    const add = async (...args: string[]) => {
      const r = await box.run(['account', 'add', ...args], { input: 's3cret-0123456789' });
      expect(r.code, r.stderr).toBe(0);
    };
    await add('a-local', '--appid', local);
    await add('b-shared', '--appid', shared, '--share', 'team');
    await add('c-observed', '--appid', observed, '--observe', 'team', '--format', 'wxjava');
    await add('d-url', '--appid', url, '--observe-url', 'http://127.0.0.1:9/v1/token/prod');
    await add('e-pasted', '--appid', pasted, '--paste');
    // A WeCom app shares its token by corpid + agentid; without one it is refused before anything is saved.
    const corpid = uniqueAppid('ww');
    const noAgent = await box.run(['account', 'add', 'f-wecom', '--appid', corpid, '--kind', 'wecom', '--share', 'team'], { input: 's3cret-0123456789' });
    expect(noAgent.code).not.toBe(0);
    expect(noAgent.stderr).toMatch(/agentid/);
    const stray = await box.run(['account', 'add', 'f-wecom', '--appid', corpid, '--kind', 'wecom', '--agentid', '1000002'], { input: 's3cret-0123456789' });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--agentid goes with --share or --observe only');
    await add('f-wecom', '--appid', corpid, '--kind', 'wecom', '--share', 'team', '--agentid', '1000002');
    const text = await box.run(['account', 'list'], { env: { WXTOKEN_LANG: 'en' } });
    const line = (name: string) => text.stdout.split('\n').find((l) => l.startsWith(name)) ?? '';
    expect(text.stdout).toMatch(/TOKEN SOURCE/);
    expect(line('a-local')).toMatch(/\bstable\b.*this machine/);
    expect(line('b-shared')).toContain('shared on team');
    expect(line('c-observed')).toContain(`observed team wx:access_token:${observed}`);
    expect(line('d-url')).toContain('observed http://127.0.0.1:9/v1/token/prod');
    expect(line('e-pasted')).toContain('pasted');
    // Never fetched: no stable/classic for an observed or pasted token.
    for (const name of ['c-observed', 'd-url', 'e-pasted']) expect(line(name)).not.toMatch(/stable|classic/);
    const zh = await box.run(['account', 'list'], { env: { WXTOKEN_LANG: 'zh' } });
    expect(zh.stdout).toMatch(/token 来源/);
    expect(zh.stdout).toContain('团队共享 team');
    expect(zh.stdout).toContain('手动粘贴');
    const listed = JSON.parse((await box.run(['account', 'list', '--json'])).stdout) as { name: string; token_source: unknown }[];
    expect(Object.fromEntries(listed.map((a) => [a.name, a.token_source]))).toEqual({
      'a-local': { type: 'local' },
      'b-shared': { type: 'share', where: 'team' },
      'c-observed': { type: 'observe', where: 'team', key: `wx:access_token:${observed}` },
      'd-url': { type: 'observe-url', where: 'http://127.0.0.1:9/v1/token/prod' },
      'e-pasted': { type: 'paste' },
      'f-wecom': { type: 'share', where: 'team' },
    });
    expect(listed.find((a) => a.name === 'f-wecom')).toMatchObject({ source: { type: 'share', redis: 'team', agentid: '1000002' } });
  });

  it('refuses an unknown Redis and a missing --format before saving anything', async () => {
    box = await cliSandbox();
    const unknown = await box.run(['account', 'add', 'x', '--appid', uniqueAppid(), '--observe', 'nope', '--format', 'wxjava']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No Redis connection named nope');
    const noFormat = await box.run(['account', 'add', 'x', '--appid', uniqueAppid(), '--observe', 'nope']);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('--observe needs --format');
    expect(JSON.parse((await box.run(['account', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('/v1/token serves the observed token, and a clear 503 when Redis holds none', async () => {
    box = await cliSandbox();
    const appid = uniqueAppid();
    await box.run(['redis', 'add', 'prod', '--url', redis.url], { input: `${redis.password}\n` });
    await box.run(['account', 'add', 'prod-oa', '--appid', appid, '--observe', 'prod', '--format', 'wxjava']);
    await box.run(['account', 'add', 'gone', '--appid', uniqueAppid(), '--observe', 'prod', '--format', 'wxjava']);
    const value = token();
    await client.set(`wx:access_token:${appid}`, value, 'EX', 7200);
    serving = startCli(['serve'], { env: box.env });
    const [, origin] = await serving.waitForOutput(/(http:\/\/127\.0\.0\.1:\d+)\/#key=(\S+)\n/);
    const tokenKey = JSON.parse(await readFile(join(box.home, 'server.json'), 'utf8')).token_key as string;
    const get = (name: string) => fetch(`${origin}/v1/token/${name}`, { headers: { authorization: `Bearer ${tokenKey}` } });
    const res = await get('prod-oa');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ access_token: value });
    const none = await get('gone');
    expect(none.status).toBe(503);
    expect(JSON.stringify(await none.json())).toMatch(/(Redis prod 的键 |key )wx:access_token:wx[0-9a-f]{16}( on Redis prod)?/);
  });
});
