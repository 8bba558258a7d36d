/**
 * The loopback server against the attacks a hostile web page or local program would try: DNS rebinding
 * (Host), cross-site calls (Origin, CORS), guessed or leaked keys, and probing for secrets in errors.
 */
import { stat, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoveryPath } from '../../../src/main/server';
import { methodNames } from '../../../src/shared/contract';
import { EXPLODES, FAKE_SECRET, FAKE_TOKEN, LOCKED, WHITELISTED } from '../../support/http/fake-api';
import { rawRequest, type RawRequest, type RawResponse } from '../../support/http/raw-http';
import { startServerEnv, type ServerEnv } from '../../support/http/server-env';

let env: ServerEnv;
let port: number;
const seen: RawResponse[] = [];

/** Every response passes through here, so the whole file can assert what no response may carry. */
async function send(options: RawRequest): Promise<RawResponse> {
  const res = await rawRequest(port, options);
  seen.push(res);
  return res;
}
const token = (headers: Record<string, string>) => send({ path: '/v1/token/demo', headers });

beforeAll(async () => {
  env = await startServerEnv();
  port = env.server.port;
});
afterAll(async () => {
  await env?.close();
});

describe('Host allow-list (DNS rebinding)', () => {
  it('serves its own names', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const res = await token(env.good({ host }));
      expect(res.status, host).toBe(200);
      expect(JSON.parse(res.body).access_token).toBe(FAKE_TOKEN);
    }
  });

  it('refuses any other Host, even with the right key, and says nothing more', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `0.0.0.0:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${port}`]) {
      const res = await token(env.good({ host }));
      expect(res.status, host).toBe(421);
      expect(res.body).toBe('421\n');
    }
  });

  it('refuses a request without Host', async () => {
    const res = await send({ path: '/v1/token/demo', headers: { authorization: `Bearer ${env.server.uiKey}` } });
    expect(res.status).toBe(400);
    expect(res.body).not.toContain(FAKE_TOKEN);
  });
});

describe('Origin', () => {
  it('allows no Origin and its own origins', async () => {
    expect((await token(env.good())).status).toBe(200);
    expect((await token(env.good({ origin: `http://127.0.0.1:${port}` }))).status).toBe(200);
    expect((await token(env.good({ origin: `http://localhost:${port}` }))).status).toBe(200);
  });

  it('refuses foreign, null and look-alike origins with 403', async () => {
    const origins = ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `http://evil.example:${port}`, `http://127.0.0.1:${port}.evil.example`];
    for (const origin of origins) {
      const res = await send({ method: 'POST', path: '/api/listAccounts', headers: env.good({ origin }) });
      expect(res.status, origin).toBe(403);
      expect(res.body).not.toContain('demo');
    }
  });

  it('refuses cross-site fetch metadata even without Origin', async () => {
    const res = await token(env.good({ 'sec-fetch-site': 'cross-site' }));
    expect(res.status).toBe(403);
  });

  it('answers a CORS preflight with a refusal and no CORS headers', async () => {
    const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' };
    const foreign = await send({ method: 'OPTIONS', path: '/api/listAccounts', headers: { host: `127.0.0.1:${port}`, origin: 'https://evil.example', ...preflight } });
    expect(foreign.status).toBe(403);
    const own = await send({ method: 'OPTIONS', path: '/api/listAccounts', headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, ...preflight } });
    expect(own.status).toBe(405);
  });
});

describe('the bearer keys', () => {
  const host = () => ({ host: `127.0.0.1:${port}` });

  it('are 32 random bytes each in base64url, the UI key only in the URL fragment, both new on every start', async () => {
    expect(env.server.uiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(env.server.tokenKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(env.server.tokenKey).not.toBe(env.server.uiKey);
    expect(env.server.url).toBe(`http://127.0.0.1:${port}/#key=${env.server.uiKey}`);
    const other = await startServerEnv();
    try {
      expect(other.server.uiKey).not.toBe(env.server.uiKey);
      expect(other.server.tokenKey).not.toBe(env.server.tokenKey);
    } finally {
      await other.close();
    }
  });

  it('the token key reads tokens and nothing else: every API method and the event stream get 403', async () => {
    const read = await token(env.script());
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body).access_token).toBe(FAKE_TOKEN);
    const before = new Map(env.fake.calls);
    for (const method of methodNames) {
      const res = await send({ method: 'POST', path: `/api/${method}`, headers: env.script({ 'content-type': 'application/json' }), body: '{"name":"demo"}' });
      expect(res.status, method).toBe(403);
      expect(res.body).toBe('403\n');
    }
    expect((await send({ path: '/api/events', headers: env.script() })).status).toBe(403);
    expect((await send({ method: 'POST', path: '/api/noSuchMethod', headers: env.script() })).status).toBe(403);
    expect(env.fake.calls).toEqual(before);
  });

  it('the UI key reaches the whole contract and the token route', async () => {
    expect((await token(env.good())).status).toBe(200);
    const list = await send({ method: 'POST', path: '/api/listAccounts', headers: env.good({ 'content-type': 'application/json' }), body: '{}' });
    expect(JSON.parse(list.body).ok).toBe(true);
  });

  it('is required on /api and /v1: missing, wrong length, wrong value and wrong scheme get 401 + WWW-Authenticate', async () => {
    const key = env.server.uiKey;
    const sameLength = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    const attempts: Record<string, string | undefined> = {
      missing: undefined,
      empty: 'Bearer ',
      short: 'Bearer abc',
      long: `Bearer ${key}${key}`,
      sameLength: `Bearer ${sameLength}`,
      basic: `Basic ${Buffer.from(`user:${key}`).toString('base64')}`,
      bare: key,
    };
    for (const [label, authorization] of Object.entries(attempts)) {
      const headers = authorization === undefined ? host() : { ...host(), authorization };
      for (const res of [await send({ path: '/v1/token/demo', headers }), await send({ method: 'POST', path: '/api/listAccounts', headers }), await send({ path: '/api/events', headers })]) {
        expect(res.status, label).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.body).not.toContain(FAKE_TOKEN);
      }
    }
    expect(env.fake.calls.get('revealToken') ?? 0).toBeGreaterThan(0); // the good calls above did reach it
  });

  it('is refused in the query string, even when it is right', async () => {
    for (const key of [env.server.uiKey, env.server.tokenKey]) {
      for (const query of [`key=${key}`, `access_token=${key}`, `token=${key}`, `KEY=${key}`]) {
        expect((await send({ path: `/v1/token/demo?${query}`, headers: host() })).status, query).toBe(401);
        expect((await send({ path: `/v1/token/demo?${query}`, headers: env.good() })).status, `${query} + header`).toBe(401);
        expect((await send({ method: 'POST', path: `/api/listAccounts?${query}`, headers: host() })).status, query).toBe(401);
      }
    }
  });

  it('lets static files through without a key: they hold no secret', async () => {
    const res = await send({ path: '/', headers: host() });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain(env.server.uiKey);
    expect(res.body).not.toContain(env.server.tokenKey);
  });
});

describe('errors leak nothing', () => {
  it('a thrown exception holding the token and secret becomes a bare internal error', async () => {
    const viaToken = await send({ path: `/v1/token/${EXPLODES}`, headers: env.good() });
    expect(viaToken.status).toBe(500);
    expect(JSON.parse(viaToken.body).error.code).toBe('internal');
    const viaApi = await send({ method: 'POST', path: '/api/revealToken', headers: env.good({ 'content-type': 'application/json' }), body: JSON.stringify({ name: EXPLODES }) });
    expect(viaApi.status).toBe(200);
    expect(JSON.parse(viaApi.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('expected failures map to statuses a script can branch on', async () => {
    const locked = await send({ path: `/v1/token/${LOCKED}`, headers: env.good() });
    expect(locked.status).toBe(503);
    expect(JSON.parse(locked.body).error.code).toBe('keychain_unavailable');
    const wechat = await send({ path: `/v1/token/${WHITELISTED}`, headers: env.good({ 'accept-language': 'en-US,en;q=0.9' }) });
    expect(wechat.status).toBe(502);
    expect(JSON.parse(wechat.body).error).toMatchObject({ code: 'wechat', errcode: 40164, ip: '203.0.113.7' });
    const unknown = await send({ path: '/v1/token/nobody', headers: env.good() });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('not_found');
  });

  it('a rejected addAccount does not echo the secret it was sent', async () => {
    const body = JSON.stringify({ account: { name: 'demo', appid: 'wx0123456789abcdef' }, secret: FAKE_SECRET });
    const res = await send({ method: 'POST', path: '/api/addAccount', headers: env.good({ 'content-type': 'application/json' }), body });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('no response so far carried a CORS header, and none but a token answer carried the token or any secret', () => {
    expect(seen.length).toBeGreaterThan(50);
    for (const res of seen) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(res.body).not.toContain(FAKE_SECRET);
      if (res.status !== 200 || !res.body.startsWith('{"access_token"')) expect(res.body).not.toContain(FAKE_TOKEN);
    }
  });

  it('logged only its start line, without the key', () => {
    expect(env.logs).toEqual([`wxtoken server listening on http://127.0.0.1:${port}/`]);
  });
});

describe('the discovery file', () => {
  it('is owner-only, names this server with its token key, holds no UI key, and is removed on close', async () => {
    const other = await startServerEnv();
    const file = discoveryPath(other.home);
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ url: `${other.server.origin}/`, port: other.server.port, pid: process.pid, token_key: other.server.tokenKey });
    expect(text).not.toContain(other.server.uiKey);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    await other.server.close();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await other.close();
  });

  it('close() ends open event streams instead of waiting for them', async () => {
    const other = await startServerEnv();
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      request({ host: '127.0.0.1', port: other.server.port, path: '/api/events', headers: other.good() }, resolve).on('error', reject).end();
    });
    expect(stream.statusCode).toBe(200);
    stream.resume();
    const ended = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    await other.close();
    await ended;
    expect(other.fake.listenerCount()).toBe(0);
  });

  it('is left alone on close when another server has replaced it', async () => {
    const other = await startServerEnv();
    const file = discoveryPath(other.home);
    const replaced = JSON.stringify({ url: 'http://127.0.0.1:1/', port: 1, pid: 1, token_key: 'someone-else' });
    await writeFile(file, replaced, { mode: 0o600 });
    await other.server.close();
    expect(await readFile(file, 'utf8')).toBe(replaced);
    await other.close();
  });
});
