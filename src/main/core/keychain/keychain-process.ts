/**
 * Starting the keychain worker (keychain-worker.ts): one place for how it is forked, used both by the
 * CLI's launcher (which starts it before loading the rest of the CLI) and by IsolatedSecretStore.
 * Imports nothing but node:child_process, so the launcher stays small.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { PREFETCH_ENV } from './keychain-protocol';

export interface KeychainWorkerOptions {
  /** out/main/keychain-worker.js when built, the .ts source under tsx. */
  workerPath: string;
  /** The keychain service; default: the worker's own default (WXTOKEN_KEYCHAIN_SERVICE or `wxtoken`). */
  service?: string;
  prefetch?: string[];
}

export function forkKeychainWorker(options: KeychainWorkerOptions): ChildProcess {
  const fromSource = options.workerPath.endsWith('.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, [PREFETCH_ENV]: options.prefetch?.join(',') ?? '' };
  if (options.service) env.WXTOKEN_KEYCHAIN_SERVICE = options.service;
  const worker = fork(options.workerPath, [], {
    // From source, the parent runs under tsx (`--import …/tsx`): the worker needs the same loader.
    execArgv: fromSource ? process.execArgv : [],
    env,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'json',
  });
  // Until a store adopts it, a failed start must not crash the host; the store sees the exit.
  worker.on('error', () => worker.kill('SIGKILL'));
  // An idle worker must not keep the host alive.
  worker.unref();
  worker.channel?.unref();
  return worker;
}

/** Whether a worker has ended (or never started). */
export function hasEnded(worker: ChildProcess): boolean {
  return worker.exitCode !== null || worker.signalCode !== null || !worker.connected;
}
