/**
 * HTTP and socket clients that let a test set every header itself (Host and Origin included), for
 * attacking a local server the way a hostile page or program would.
 */
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  /** Sent as given; `host` is not added unless listed here. */
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: Agent;
}

export function rawRequest(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {}, setHost: false, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A raw socket plus everything it received, and a promise that settles when the server closes it. */
export interface RawSocket {
  socket: Socket;
  received(): string;
  closed: Promise<void>;
}

export async function openSocket(port: number): Promise<RawSocket> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let data = '';
  socket.on('data', (c: Buffer) => (data += c.toString('latin1')));
  // Writes after the server hung up fail with EPIPE/ECONNRESET: that is the expected outcome here.
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => data, closed };
}

/** Sends one HTTP/1.1 request over a fresh socket and returns whatever came back before the close. */
export async function sendRaw(port: number, text: string | Buffer): Promise<string> {
  const s = await openSocket(port);
  s.socket.write(text);
  s.socket.end();
  await s.closed;
  return s.received();
}
