/**
 * The CLI's entry (bin/wxtoken.cjs, and the tests' cli-entry.ts): before the rest of the CLI is even loaded,
 * the commands scripts run in loops (`token`, `call`) start the keychain worker and have it read the token
 * cache's key, so that process's start-up and the keychain round trip run on another core while this one
 * loads the CLI. Everything else starts the worker on first use, as before.
 */
import { join } from 'node:path';
import { forkKeychainWorker } from '../core/keychain/keychain-process';
import { CACHE_KEY_ITEM } from '../core/keychain/secret-items';

const EARLY_COMMANDS = new Set(['token', 'call']);

export function launch(argv: string[]): void {
  const keychain = startsEarly(argv) ? forkKeychainWorker({ workerPath: keychainWorkerPath(), prefetch: [CACHE_KEY_ITEM] }) : undefined;
  // The worker must not outlive this process, whatever ends it (a keychain call may be hanging in it).
  if (keychain) process.once('exit', () => keychain.kill('SIGKILL'));
  void import('./main').then(({ main }) =>
    main(argv, keychain).then((code) => {
      process.exitCode = code;
    }),
  );
}

function startsEarly(argv: string[]): boolean {
  return EARLY_COMMANDS.has(argv[0] ?? '') && !argv.includes('--help') && !argv.includes('-h');
}

/** Next to the built CLI (out/main), or the source when run through tsx. */
export function keychainWorkerPath(): string {
  return __filename.endsWith('.ts') ? join(__dirname, '..', 'core', 'keychain', 'keychain-worker.ts') : join(__dirname, 'keychain-worker.js');
}
