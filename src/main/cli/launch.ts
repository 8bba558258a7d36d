/**
 * The CLI's entry (bin/wxtoken.cjs): before the rest of the CLI is even loaded,
 * the commands scripts run in loops (`token`, `call`) open the line to the keychain (the user's keychain
 * agent, or a worker forked now) and ask it for the token cache's key, so the answer is ready by the time the
 * CLI has loaded. Everything else opens it on first use.
 */
import { join } from 'node:path';
import { KeychainLink } from '../core/keychain/keychain-link';
import { CACHE_KEY_ITEM } from '../core/keychain/secret-items';
import { useCompileCache } from './startup/compile-cache';

const EARLY_COMMANDS = new Set(['token', 'call']);

export function launch(argv: string[]): void {
  useCompileCache();
  const keychain = startsEarly(argv) ? new KeychainLink({ workerPath: keychainWorkerPath(), prefetch: [CACHE_KEY_ITEM] }) : undefined;
  // Whatever ends this process: a worker or agent still busy with a call of ours may be stuck in it, and dies.
  if (keychain) process.once('exit', () => keychain.release());
  // `token NAME` and nothing else: token-fast.ts answers it when the name needs no more checking than it does.
  const run =
    argv[0] === 'token' && argv.length === 2
      ? import('./startup/token-fast').then(({ tokenOrMain }) => tokenOrMain(argv, keychain))
      : import('./main').then(({ main }) => main(argv, keychain));
  void run.then((code) => {
    process.exitCode = code;
  });
}

function startsEarly(argv: string[]): boolean {
  return EARLY_COMMANDS.has(argv[0] ?? '') && !argv.includes('--help') && !argv.includes('-h');
}

/** Next to the built CLI (out/main), or the source when run through tsx. */
export function keychainWorkerPath(): string {
  return __filename.endsWith('.ts') ? join(__dirname, '..', 'core', 'keychain', 'keychain-worker.ts') : join(__dirname, 'keychain-worker.js');
}
