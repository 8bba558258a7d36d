/** How much a client may send and how long it may take: the server's answer to floods and slow-loris. */
export interface ServerLimits {
  /** Largest request body under /api; more is answered 413 and the socket closed. */
  maxBodyBytes: number;
  /**
   * console (issue 10): the one call that may carry a file, `sendRequest` (a multipart upload, base64 in JSON).
   * WeChat takes media up to 10 MB (images, video); base64 makes that 13.4 MB, plus the rest of the request.
   */
  maxUploadBodyBytes: number;
  /** All request headers must arrive within this (Node's `headersTimeout`). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (Node's `requestTimeout`). */
  requestTimeoutMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way is closed after this (SSE pings keep event streams alive). */
  idleTimeoutMs: number;
  /** How often Node checks the header/request timeouts; its default (30 s) lets slow sockets linger. */
  checkIntervalMs: number;
  /** Comment lines on event streams, so proxies and the idle timeout leave them open. */
  pingMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 1024 * 1024,
  maxUploadBodyBytes: 16 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  checkIntervalMs: 1_000,
  pingMs: 15_000,
};

/** Node's default, stated so a change in Node cannot loosen it: larger headers are answered 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

export function resolveLimits(partial: Partial<ServerLimits> = {}): ServerLimits {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  // Node refuses a headers timeout longer than the request timeout.
  limits.headersTimeoutMs = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return limits;
}

/** The body limit of one contract call: only the console call, which may carry a file, gets the larger one. */
export function bodyLimitOf(method: string, limits: Pick<ServerLimits, 'maxBodyBytes' | 'maxUploadBodyBytes'>): number {
  return method === 'sendRequest' ? limits.maxUploadBodyBytes : limits.maxBodyBytes;
}
