/**
 * `GET /api/events`: the core's events as Server-Sent Events, one `data:` line of JSON each, with a
 * comment line every so often so idle timeouts and proxies keep the stream open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventListener } from '../../../shared/contract';
import { EVENT_STREAM_HEADERS, sendStatus } from '../responses';

export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(
    private readonly onEvent: (listener: EventListener) => () => void,
    private readonly pingMs: number,
  ) {}

  serve(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return sendStatus(res, 405);
    res.writeHead(200, EVENT_STREAM_HEADERS);
    res.write(': connected\n\n');
    this.open.add(res);
    const off = this.onEvent((event) => {
      if (!res.writableEnded) res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), this.pingMs);
    ping.unref();
    res.once('close', () => {
      clearInterval(ping);
      off();
      this.open.delete(res);
    });
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const res of this.open) res.end();
  }
}
