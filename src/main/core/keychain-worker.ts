/**
 * A child process that makes keychain calls for its parent (the CLI) over IPC. A keychain that never answers
 * pins a libuv thread until it does, and a process with such a thread cannot exit; in a child, the parent
 * simply kills it. Secrets travel over the IPC pipe only: never an argument, a file or a log line.
 */
import { appError } from '../../shared/errors';
import { AppFailure } from '../../shared/result';
import { KeytarSecretStore } from './secret-store';

export type KeychainOp = 'get' | 'set' | 'delete' | 'list';
export interface KeychainRequest {
  id: number;
  op: KeychainOp;
  args: string[];
}
export type KeychainReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: import('../../shared/result').AppError };

// The parent bounds every call; this store only has to outlive it.
const store = new KeytarSecretStore({ service: process.env.WXTOKEN_KEYCHAIN_SERVICE, timeoutMs: 3_600_000 });

process.on('message', async (request: KeychainRequest) => {
  let reply: KeychainReply;
  try {
    const [item = '', value = ''] = request.args;
    const done =
      request.op === 'get' ? store.get(item) : request.op === 'set' ? store.set(item, value) : request.op === 'delete' ? store.delete(item) : store.list();
    reply = { id: request.id, ok: true, value: await done };
  } catch (err) {
    reply = { id: request.id, ok: false, error: err instanceof AppFailure ? err.error : appError('keychain_unavailable') };
  }
  process.send?.(reply);
});
process.on('disconnect', () => process.exit(0));
