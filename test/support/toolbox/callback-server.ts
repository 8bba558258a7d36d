/**
 * A developer's callback server on 127.0.0.1, for the push debugger's tests. It checks what arrives and decrypts it
 * with node:crypto directly — its own implementation of WeChat's scheme, independent of the code under test — and
 * answers whatever the test tells it to.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

export interface Received {
  method: string;
  query: URLSearchParams;
  body: string;
  /** `signature` = sha1(sort(token, timestamp, nonce)) holds. */
  signatureOk: boolean;
  /** `msg_signature` = sha1(sort(token, timestamp, nonce, Encrypt or echostr)) holds (undefined when absent). */
  msgSignatureOk?: boolean;
  /** The decrypted Encrypt (or WeCom echostr), and the AppID / corpid at its end. */
  decrypted?: string;
  receiverId?: string;
  /** The plaintext was PKCS#7-padded to whole 32-byte blocks, as WeChat pads. */
  paddedTo32?: boolean;
}

export interface Reply {
  status?: number;
  body: string;
  delayMs?: number;
}

export interface CallbackServer {
  url: string;
  received: Received[];
  /** What to answer; default: `success`. */
  answer: (r: Received) => Reply;
  close(): Promise<void>;
}

export const sha1 = (...parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');
export const keyOf = (aesKey: string) => Buffer.from(`${aesKey}=`, 'base64');

export function encrypt(text: string, receiverId: string, aesKey: string): string {
  const key = keyOf(aesKey);
  const msg = Buffer.from(text);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const raw = Buffer.concat([randomBytes(16), len, msg, Buffer.from(receiverId)]);
  const n = 32 - (raw.length % 32);
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([c.update(Buffer.concat([raw, Buffer.alloc(n, n)])), c.final()]).toString('base64');
}

export function decrypt(b64: string, aesKey: string): { text: string; receiverId: string; paddedTo32: boolean } {
  const key = keyOf(aesKey);
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const raw = Buffer.concat([d.update(Buffer.from(b64, 'base64')), d.final()]);
  const n = raw[raw.length - 1];
  if (n < 1 || n > 32) throw new Error(`bad padding ${n}`);
  const body = raw.subarray(16, raw.length - n);
  const len = body.readUInt32BE(0);
  const paddedTo32 = raw.length % 32 === 0 && raw.subarray(raw.length - n).every((b) => b === n);
  return { text: body.subarray(4, 4 + len).toString(), receiverId: body.subarray(4 + len).toString(), paddedTo32 };
}

/** An encrypted reply as a callback server sends it. */
export function encryptedReply(xml: string, receiverId: string, token: string, aesKey: string, tamper?: 'signature'): string {
  const e = encrypt(xml, receiverId, aesKey);
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = '1320562132';
  const sig = tamper === 'signature' ? 'f'.repeat(40) : sha1(token, ts, nonce, e);
  return `<xml><Encrypt><![CDATA[${e}]]></Encrypt><MsgSignature><![CDATA[${sig}]]></MsgSignature><TimeStamp>${ts}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`;
}

/** A field of a flat push XML. */
export const field = (xml: string, name: string) => new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml)?.slice(1).find((v) => v !== undefined);

export function startCallbackServer(opts: { token: string; aesKey?: string }): Promise<CallbackServer> {
  const server: CallbackServer = { url: '', received: [], answer: () => ({ body: 'success' }), close: () => Promise.resolve() };
  const http1 = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const q = url.searchParams;
      const body = Buffer.concat(chunks).toString('utf8');
      const [ts, nonce] = [q.get('timestamp') ?? '', q.get('nonce') ?? ''];
      const r: Received = { method: req.method ?? '', query: q, body, signatureOk: q.get('signature') === sha1(opts.token, ts, nonce) };
      const sealed = field(body, 'Encrypt') ?? (q.has('msg_signature') ? q.get('echostr') ?? undefined : undefined);
      if (q.has('msg_signature') && sealed !== undefined) r.msgSignatureOk = q.get('msg_signature') === sha1(opts.token, ts, nonce, sealed);
      if (sealed !== undefined && opts.aesKey) {
        const opened = decrypt(sealed, opts.aesKey);
        r.decrypted = opened.text;
        r.receiverId = opened.receiverId;
        r.paddedTo32 = opened.paddedTo32;
      }
      server.received.push(r);
      const reply = server.answer(r);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(reply.body);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  return new Promise((resolve) => {
    http1.listen(0, '127.0.0.1', () => {
      const address = http1.address() as { port: number };
      server.url = `http://127.0.0.1:${address.port}/wechat`;
      server.close = () => new Promise((done) => {
        http1.closeAllConnections();
        http1.close(() => done());
      });
      resolve(server);
    });
  });
}
