/** What the CLI and its keychain worker (keychain-worker.ts) say to each other. */
import type { AppError } from '../../../shared/result';

/** Items the worker reads as soon as it starts (comma-separated), so the answer is ready when asked. */
export const PREFETCH_ENV = 'WXTOKEN_KEYCHAIN_PREFETCH';

export type KeychainOp = 'get' | 'set' | 'delete' | 'list';
export interface KeychainRequest {
  id: number;
  op: KeychainOp;
  args: string[];
}
export type KeychainReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: AppError };
