/**
 * The loopback server under abuse: oversized headers and bodies, slow-loris sockets, and a flood of
 * parallel requests. Short timeouts are passed as options so the test waits for the server, not a clock.
 */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKEN } from '../../support/http/fake-api';
import { openSocket, rawRequest, sendRaw } from '../../support/http/raw-http';
import { startServerEnv, type ServerEnv } from '../../support/http/server-env';

let env: ServerEnv;
let port: number;
const MiB = 1024 * 1024;

beforeAll(async () => {
  env = await startServerEnv({ headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, idleTimeoutMs: 2_000, checkIntervalMs: 50 });
  port = env.server.port;
});
afterAll(async () => {
  await env?.close();
});

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const stillServes = async () => {
  const res = await rawRequest(port, { path: '/v1/token/demo', headers: env.good() });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body).access_token).toBe(FAKE_TOKEN);
};

describe('size limits', () => {
  it('answers 431 to headers over 16 KiB', async () => {
    const res = await rawRequest(port, { path: '/v1/token/demo', headers: env.good({ 'x-padding': 'a'.repeat(17 * 1024) }) });
    expect(res.status).toBe(431);
    expect(res.body).not.toContain(FAKE_TOKEN);
    await stillServes();
  });

  it('answers 413 to a declared body over 1 MiB and closes the socket without reading it', async () => {
    const s = await openSocket(port);
    s.socket.write(head(['POST /api/listAccounts HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: Bearer ${env.server.uiKey}`, 'Content-Type: application/json', `Content-Length: ${2 * MiB}`]));
    s.socket.write('{"pad":"');
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(s.received()).toMatch(/connection: close/i);
    await stillServes();
  });

  it('answers 413 to a chunked body that grows past 1 MiB and closes the socket', async () => {
    const s = await openSocket(port);
    s.socket.write(head(['POST /api/listAccounts HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: Bearer ${env.server.uiKey}`, 'Content-Type: application/json', 'Transfer-Encoding: chunked']));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    for (let i = 0; i < 40 && !s.socket.destroyed && !s.received(); i++) s.socket.write(frame);
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('accepts a body just under the limit', async () => {
    const body = JSON.stringify({ pad: 'a'.repeat(MiB - 100) });
    const res = await rawRequest(port, { method: 'POST', path: '/api/listAccounts', headers: env.good({ 'content-type': 'application/json' }), body });
    expect(res.status).toBe(200);
    // The contract's strict schema refuses the unknown field: the body was read and validated.
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('slow clients', () => {
  const trickle = (write: () => void) => {
    const timer = setInterval(write, 50);
    return () => clearInterval(timer);
  };

  it('cuts a socket that trickles its headers (slow-loris)', async () => {
    const s = await openSocket(port);
    s.socket.write(`GET /v1/token/demo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    let n = 0;
    const stop = trickle(() => s.socket.write(`X-Slow-${n++}: a\r\n`));
    await s.closed;
    stop();
    expect(s.received()).not.toContain('200 OK');
    await stillServes();
  });

  it('cuts a socket that trickles its body', async () => {
    const s = await openSocket(port);
    s.socket.write(head(['POST /api/listAccounts HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: Bearer ${env.server.uiKey}`, 'Content-Type: application/json', 'Content-Length: 100000']));
    const stop = trickle(() => s.socket.write(' '));
    await s.closed;
    stop();
    expect(s.received()).not.toContain('200 OK');
  });

  it('cuts a socket that connects and sends nothing', async () => {
    const s = await openSocket(port);
    await s.closed;
    expect(s.received()).not.toContain('200 OK');
  });

  it('closes an idle keep-alive socket after its answer', async () => {
    const s = await openSocket(port);
    s.socket.write(head(['GET /v1/token/demo HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: Bearer ${env.server.uiKey}`]));
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('load', () => {
  it('answers 1,000 parallel requests correctly, good and bad mixed, without falling over', async () => {
    // Its own server with the default time limits: the sub-second ones above are for slow-client tests, and
    // on a busy machine 1,000 requests at once can take longer than that to arrive (a 408, not a bug).
    const loaded = await startServerEnv();
    const agent = new Agent({ keepAlive: true, maxSockets: 1_000 });
    const at = loaded.server.port;
    try {
      const results = await Promise.all(
        Array.from({ length: 1_000 }, async (_, i) => {
          const kind = i % 4;
          if (kind === 0) return { kind, res: await rawRequest(at, { path: '/v1/token/demo', headers: loaded.good({ authorization: 'Bearer wrong' }), agent }) };
          if (kind === 1) return { kind, res: await rawRequest(at, { method: 'POST', path: '/api/listAccounts', headers: loaded.good(), agent }) };
          return { kind, res: await rawRequest(at, { path: '/v1/token/demo', headers: kind === 2 ? loaded.good() : loaded.script(), agent }) };
        }),
      );
      for (const { kind, res } of results) {
        if (kind === 0) {
          expect(res.status).toBe(401);
          expect(res.body).not.toContain(FAKE_TOKEN);
        } else if (kind === 1) {
          expect(JSON.parse(res.body).value).toHaveLength(4);
        } else {
          expect(JSON.parse(res.body).access_token).toBe(FAKE_TOKEN);
        }
      }
      const res = await rawRequest(at, { path: '/v1/token/demo', headers: loaded.good() });
      expect(JSON.parse(res.body).access_token).toBe(FAKE_TOKEN);
    } finally {
      agent.destroy();
      await loaded.close();
    }
  });
});

it('a malformed request line gets a 400 and the server keeps serving', async () => {
  const reply = await sendRaw(port, 'GARBAGE\r\n\r\n');
  expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  await stillServes();
});
