/**
 * The console runner sends multipart/form-data uploads (media, materials) to a real HTTP server on 127.0.0.1:
 * the file's bytes and the text fields arrive intact under one boundary, the token in the query; the history
 * keeps the file's name, type and size, never its bytes.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestRunner } from '../../../../src/main/core/console/request-runner';
import type { Account, HistoryEntry, TokenInfo } from '../../../../src/shared/models';
import { ok } from '../../../../src/shared/result';

const TOKEN = 'tok_multipart_0123456789abcdef';
const FILE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0x42, 0xff, 0xd9]);

describe('multipart uploads from the console runner', () => {
  let received: { url: string; contentType: string; body: Buffer }[] = [];
  let base = '';
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"type":"image","media_id":"m-1","created_at":1700000000}');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function runner(history: HistoryEntry[]) {
    const account: Account = { name: 'up', kind: 'oa', appid: 'wx0123456789abcdef', mode: 'stable', apiBase: base, createdAt: new Date(0).toISOString() };
    return new RequestRunner({
      accounts: { get: async () => ok(account) },
      engine: {
        getToken: async () => ok({ accessToken: TOKEN } as TokenInfo),
        expireIfCurrent: async () => undefined,
        knownValues: async () => [TOKEN],
      },
      history: { add: async (e) => (history.push(e), ok(e)) },
    });
  }

  it('sends the file and fields under one boundary, and keeps only the file name, type and size', async () => {
    received = [];
    const history: HistoryEntry[] = [];
    const res = await runner(history).send({
      account: 'up',
      method: 'POST',
      path: '/cgi-bin/media/upload',
      query: [['type', 'image']],
      form: [
        { name: 'media', file: { filename: 'pic "1".jpg', contentType: 'image/jpeg', base64: FILE.toString('base64') } },
        { name: 'description', value: '{"title":"标题"}' },
      ],
    });
    expect(res.ok).toBe(true);
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got!.url).toBe(`/cgi-bin/media/upload?access_token=${TOKEN}&type=image`);
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(got!.contentType)?.[1];
    expect(boundary).toBeTruthy();
    const parts = got!.body.toString('latin1').split(`--${boundary}`);
    expect(parts.at(-1)).toBe('--\r\n');
    expect(parts[1]).toBe(
      `\r\nContent-Disposition: form-data; name="media"; filename="pic %221%22.jpg"\r\nContent-Type: image/jpeg\r\n\r\n${FILE.toString('latin1')}\r\n`,
    );
    expect(Buffer.from(parts[2]!, 'latin1').toString('utf8')).toBe('\r\nContent-Disposition: form-data; name="description"\r\n\r\n{"title":"标题"}\r\n');

    expect(history[0]!.form).toEqual([
      { name: 'media', file: { filename: 'pic "1".jpg', contentType: 'image/jpeg', size: FILE.length } },
      { name: 'description', value: '{"title":"标题"}' },
    ]);
    expect(JSON.stringify(history)).not.toContain(FILE.toString('base64'));
  });

  it('refuses a form on GET or next to a JSON body, sending nothing', async () => {
    received = [];
    const form = [{ name: 'media', value: 'x' }];
    const get = await runner([]).send({ account: 'up', method: 'GET', path: '/cgi-bin/media/upload', form });
    const both = await runner([]).send({ account: 'up', method: 'POST', path: '/cgi-bin/media/upload', form, body: '{}' });
    expect(get.ok || both.ok).toBe(false);
    expect(!get.ok && get.error.code).toBe('validation');
    expect(!both.ok && both.error.message.zh).toContain('表单上传只能用于 POST');
    expect(received).toHaveLength(0);
  });
});
