/**
 * The keychain through a child process (see keychain-worker.ts), for short-lived hosts that must exit with
 * their own code even when a keychain call hangs: the CLI. The worker starts on the first call.
 */
import type { ChildProcess } from 'node:child_process';
import { AppFailure } from '../../../shared/result';
import { forkKeychainWorker, hasEnded } from './keychain-process';
import type { KeychainOp, KeychainReply } from './keychain-protocol';
import { keychainUnavailable } from './secret-store';
import type { SecretStore } from '../types';

export interface IsolatedSecretStoreOptions {
  service?: string;
  /** The worker script: out/main/keychain-worker.js when built, the .ts source under tsx. */
  workerPath: string;
  timeoutMs?: number;
  /** A worker forked earlier (forkKeychainWorker, same path and service), used for the first call. */
  started?: ChildProcess;
}

export class IsolatedSecretStore implements SecretStore {
  private worker?: ChildProcess;
  private started?: ChildProcess;
  private nextId = 1;
  /** The current worker's calls waiting for an answer (each worker has its own). */
  private pending = new Map<number, (reply: KeychainReply) => void>();

  constructor(private readonly options: IsolatedSecretStoreOptions) {
    this.started = options.started;
  }

  async get(item: string): Promise<string | undefined> {
    return (await this.call('get', [item])) as string | undefined;
  }

  async set(item: string, value: string): Promise<void> {
    await this.call('set', [item, value]);
  }

  async delete(item: string): Promise<boolean> {
    return (await this.call('delete', [item])) as boolean;
  }

  async list(): Promise<string[]> {
    return (await this.call('list', [])) as string[];
  }

  /** Lets the process exit: the worker goes with it. */
  async close(): Promise<void> {
    this.worker?.kill('SIGKILL');
    this.worker = undefined;
    this.started?.kill('SIGKILL');
    this.started = undefined;
  }

  private call(op: KeychainOp, args: string[]): Promise<unknown> {
    const worker = this.start();
    const pending = this.pending;
    const id = this.nextId++;
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        // The stuck call dies with its worker; the next call starts a fresh one (a long-lived host recovers
        // once the keychain answers again).
        void this.close();
        reject(keychainUnavailable(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.ok) resolve(reply.value);
        else reject(new AppFailure(reply.error));
      });
      worker.send({ id, op, args }, (err) => {
        if (err) pending.get(id)?.({ id, ok: false, error: keychainUnavailable('the keychain helper process is gone').error });
      });
    });
  }

  private start(): ChildProcess {
    if (this.worker) return this.worker;
    const early = this.started;
    this.started = undefined;
    const worker =
      early && !hasEnded(early) ? early : forkKeychainWorker({ workerPath: this.options.workerPath, service: this.options.service });
    if (early && early !== worker) early.kill('SIGKILL');
    const pending = new Map<number, (reply: KeychainReply) => void>();
    worker.on('message', (reply: KeychainReply) => {
      const settle = pending.get(reply.id);
      pending.delete(reply.id);
      settle?.(reply);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, settle] of pending) settle({ id, ok: false, error: keychainUnavailable('the keychain helper process ended').error });
      pending.clear();
    });
    this.worker = worker;
    this.pending = pending;
    return worker;
  }
}
