/**
 * What the CLI and its keychain worker (keychain-worker.ts) say to each other: over the IPC pipe of a worker
 * it forked, or as newline-delimited JSON over the keychain agent's socket (keychain-agent-socket.ts), where
 * the agent first says hello.
 */
import type { AppError } from '../../../shared/result';

/** Bumped whenever a message changes: an agent of another version is simply not found (its socket has another name). */
export const AGENT_PROTOCOL = 1;
/** Set by the CLI for the worker it forks: the socket to serve as the agent once its parent is done. */
export const AGENT_SOCKET_ENV = 'WXTOKEN_KEYCHAIN_AGENT_SOCKET';

export type KeychainOp = 'get' | 'set' | 'delete' | 'list';
export interface KeychainRequest {
  id: number;
  op: KeychainOp;
  args: string[];
}
export type KeychainReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: AppError };
/** The agent's first line on every connection. */
export interface AgentHello {
  hello: { pid: number; service: string; protocol: number; served: number };
}
