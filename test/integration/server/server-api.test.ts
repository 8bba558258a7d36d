/**
 * The loopback server as its users see it: the contract over POST /api/<method>, the event stream, the
 * token endpoint for other programs, and the renderer's files with their security headers.
 */
import { symlink } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/contract';
import { FAKE_TOKEN } from '../../support/http/fake-api';
import { rawRequest, sendRaw } from '../../support/http/raw-http';
import { APP_JS, INDEX_HTML, OUTSIDE_TEXT, startServerEnv, waitFor, type ServerEnv } from '../../support/http/server-env';

let env: ServerEnv;
let port: number;

beforeAll(async () => {
  env = await startServerEnv({ pingMs: 100 });
  port = env.server.port;
});
afterAll(async () => {
  await env?.close();
});

const call = (method: string, input?: unknown, raw?: string) =>
  rawRequest(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: env.good({ 'content-type': 'application/json' }),
    body: raw ?? (input === undefined ? undefined : JSON.stringify(input)),
  });

describe('POST /api/<method>', () => {
  it('answers the method Result as JSON, never cached', async () => {
    const res = await call('listAccounts');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(true);
    expect(body.value.map((a: { name: string }) => a.name)).toContain('demo');
  });

  it('validates input before the implementation sees it, and passes on the parsed value', async () => {
    const bad = await call('tokenStatus', { name: '../etc' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    const extra = await call('tokenStatus', { name: 'demo', evil: true });
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const trimmed = await call('tokenStatus', { name: '  demo  ' });
    expect(JSON.parse(trimmed.body)).toMatchObject({ ok: true, value: { account: 'demo' } });
  });

  it('answers a body that is not JSON with a validation failure', async () => {
    const res = await call('tokenStatus', undefined, '{"name":');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses non-JSON content types (no form posts) and other verbs', async () => {
    const form = await rawRequest(port, { method: 'POST', path: '/api/listAccounts', headers: env.good({ 'content-type': 'application/x-www-form-urlencoded' }), body: 'a=1' });
    expect(form.status).toBe(415);
    const get = await rawRequest(port, { path: '/api/listAccounts', headers: env.good() });
    expect(get.status).toBe(405);
  });

  it('answers 404 for names that are not contract methods, prototype names included', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '']) {
      const res = await call(name, {});
      expect(res.status, name).toBe(404);
    }
  });
});

describe('GET /api/events', () => {
  it('streams events as SSE data lines with pings, and unsubscribes when the client goes', async () => {
    const before = env.fake.listenerCount();
    const event: AppEvent = { name: 'refreshFailed', payload: { account: 'demo', error: { code: 'network', message: { zh: '网络错误', en: 'Network error' } } } };
    let text = '';
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: env.good() });
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      req.on('response', resolve);
      req.on('error', reject);
      req.end();
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    await waitFor(() => env.fake.listenerCount() === before + 1);
    env.fake.emit(event);
    await waitFor(() => text.includes('\n\ndata: ') || text.startsWith('data: '));
    await waitFor(() => text.includes(': ping'));
    const line = text.split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(line.slice('data: '.length))).toEqual(event);
    req.destroy();
    await waitFor(() => env.fake.listenerCount() === before);
  });
});

describe('GET /v1/token/NAME', () => {
  it('answers access_token, expires_at (ISO) and expires_in', async () => {
    const res = await rawRequest(port, { path: '/v1/token/demo', headers: env.good() });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(res.body);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_at', 'expires_in']);
    expect(body.access_token).toBe(FAKE_TOKEN);
    expect(new Date(body.expires_at).toISOString()).toBe(body.expires_at);
    expect(body.expires_in).toBeGreaterThan(6_900);
    expect(Math.abs(Date.parse(body.expires_at) - Date.now() - body.expires_in * 1000)).toBeLessThan(5_000);
  });

  it('decodes percent-encoded names and answers errors as JSON in the caller language', async () => {
    await env.fake.api.updateSettings({ language: 'zh-CN' });
    const res = await rawRequest(port, { path: `/v1/token/${encodeURIComponent('没有')}`, headers: env.good() });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'not_found', message: '没有这个账号' });
    const en = await rawRequest(port, { path: '/v1/token/nobody', headers: env.good({ 'accept-language': 'en' }) });
    expect(JSON.parse(en.body).error.message).toBe('No such account');
    await env.fake.api.updateSettings({ language: 'system' });
    const post = await rawRequest(port, { method: 'POST', path: '/v1/token/demo', headers: env.good() });
    expect(post.status).toBe(405);
  });
});

// app (issue 10): not Chinese by default — the settings' language, unless the caller asks for one.
describe('the language of /v1/token answers', () => {
  const message = async (headers: Record<string, string> = {}) =>
    JSON.parse((await rawRequest(port, { path: '/v1/token/nobody', headers: env.good(headers) })).body).error.message as string;

  it('follows the settings when the caller names no language, and the caller when it does', async () => {
    await env.fake.api.updateSettings({ language: 'en' });
    expect(await message()).toBe('No such account');
    expect(await message({ 'accept-language': 'zh-CN,zh;q=0.9' })).toBe('没有这个账号');
    expect(await message({ 'accept-language': 'fr-FR' })).toBe('No such account');
    await env.fake.api.updateSettings({ language: 'zh-CN' });
    expect(await message()).toBe('没有这个账号');
    expect(await message({ 'accept-language': 'en-US,en;q=0.9' })).toBe('No such account');
    await env.fake.api.updateSettings({ language: 'system' });
  });
});

describe('static files', () => {
  const host = () => ({ host: `127.0.0.1:${port}` });

  it('serves index.html at / and assets with their content types and the security headers', async () => {
    const index = await rawRequest(port, { path: '/', headers: host() });
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(index.headers['content-security-policy']).split('; ');
    for (const directive of ["default-src 'self'", "img-src 'self' data: blob:", "style-src 'self'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
      expect(csp).toContain(directive);
    }
    const js = await rawRequest(port, { path: '/assets/app.js', headers: host() });
    expect(js.body).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // The build names what it puts in assets/ by content: a browser keeps those, and asks for the page each time.
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(index.headers['cache-control']).toBe('no-cache');
    const missing = await rawRequest(port, { path: '/assets/nope.js', headers: host() });
    expect(missing.status).toBe(404);
  });

  it('refuses traversal in every spelling, dot-files and links that lead outside', async () => {
    await symlink(join(env.root, 'secret.txt'), join(env.root, 'renderer', 'assets', 'link.txt'));
    const attempts = [
      '/../secret.txt',
      '/../../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/assets/..\\..\\secret.txt',
      '//secret.txt',
      '/.env',
      '/%2eenv',
      '/assets/link.txt',
      '/%00/index.html',
      '/%zz',
    ];
    for (const path of attempts) {
      const res = await rawRequest(port, { path, headers: host() });
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain(OUTSIDE_TEXT);
    }
    // Absolute-form and unnormalised request lines sent raw, past any client-side URL cleanup.
    for (const target of [`http://127.0.0.1:${port}/../secret.txt`, '/assets/../../secret.txt', '/./../secret.txt']) {
      const reply = await sendRaw(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(reply, target).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(reply, target).not.toContain(OUTSIDE_TEXT);
    }
  });
});
