/**
 * A child process that makes keychain calls for its parent (the CLI) over IPC. A keychain that never answers
 * pins a libuv thread until it does, and a process with such a thread cannot exit; in a child, the parent
 * simply kills it. Secrets travel over the IPC pipe only: never an argument, a file or a log line.
 */
import { appError } from '../../../shared/errors';
import { AppFailure } from '../../../shared/result';
import { PREFETCH_ENV, type KeychainOp, type KeychainReply, type KeychainRequest } from './keychain-protocol';
import { KeytarSecretStore } from './secret-store';

// The parent bounds every call; this store only has to outlive it.
const store = new KeytarSecretStore({ service: process.env.WXTOKEN_KEYCHAIN_SERVICE, timeoutMs: 3_600_000 });

/**
 * Reads started at once, while the parent is still loading: each answers the first `get` of its item,
 * unless a write comes first (then the item is read again).
 */
const prefetched = new Map<string, Promise<string | undefined>>();
for (const item of (process.env[PREFETCH_ENV] ?? '').split(',').filter(Boolean)) {
  const read = store.get(item);
  read.catch(() => undefined); // reported when asked for, not as an unhandled rejection
  prefetched.set(item, read);
}

function perform(op: KeychainOp, item: string, value: string): Promise<unknown> {
  if (op === 'get') {
    const early = prefetched.get(item);
    prefetched.delete(item);
    return early ?? store.get(item);
  }
  if (op === 'list') return store.list();
  prefetched.clear();
  return op === 'set' ? store.set(item, value) : store.delete(item);
}

process.on('message', async (request: KeychainRequest) => {
  let reply: KeychainReply;
  try {
    const [item = '', value = ''] = request.args;
    reply = { id: request.id, ok: true, value: await perform(request.op, item, value) };
  } catch (err) {
    reply = { id: request.id, ok: false, error: err instanceof AppFailure ? err.error : appError('keychain_unavailable') };
  }
  process.send?.(reply);
});
process.on('disconnect', () => process.exit(0));
