/**
 * What an attacker would point an account at: a plain TCP listener on 127.0.0.1 that keeps every byte
 * anyone sends it (API calls, proxy requests, CONNECT lines) and answers like a WeChat error.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CaptureServer {
  /** `http://127.0.0.1:PORT`: usable as an API base and as a proxy. */
  url: string;
  /** Everything received so far, across all connections. */
  received(): string;
  close(): Promise<void>;
}

const ANSWER = '{"errcode":40001,"errmsg":"invalid credential"}';

export async function startCaptureServer(): Promise<CaptureServer> {
  let received = '';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (socket.writable) {
        socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${ANSWER.length}\r\nConnection: close\r\n\r\n${ANSWER}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
