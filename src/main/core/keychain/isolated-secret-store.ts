/**
 * The keychain through another process (keychain-link.ts: the user's keychain agent, or a worker forked for
 * this run), for short-lived hosts that must exit with their own code even when a keychain call hangs: the
 * CLI. The line opens on the first call, unless the launcher opened it earlier.
 */
import { AppFailure } from '../../../shared/result';
import { KeychainLink } from './keychain-link';
import type { KeychainOp, KeychainReply } from './keychain-protocol';
import { keychainUnavailable } from './secret-store';
import type { SecretStore } from '../types';

export interface IsolatedSecretStoreOptions {
  service?: string;
  /** The worker script: out/main/keychain-worker.js when built, the .ts source under tsx. */
  workerPath: string;
  timeoutMs?: number;
  /** A line opened earlier (same worker path and service), used until it ends. */
  started?: KeychainLink;
}

export class IsolatedSecretStore implements SecretStore {
  private link?: KeychainLink;

  constructor(private readonly options: IsolatedSecretStoreOptions) {
    this.link = options.started;
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

  /** Lets the process exit: a healthy agent or worker lives on, one stuck with a call of ours is killed. */
  async close(): Promise<void> {
    this.link?.release();
    this.link = undefined;
  }

  private call(op: KeychainOp, args: string[]): Promise<unknown> {
    if (!this.link || this.link.ended) this.link = new KeychainLink({ workerPath: this.options.workerPath, service: this.options.service });
    const link = this.link;
    if (op !== 'get') link.forgetPrefetched();
    const reply = (op === 'get' && link.takePrefetched(args[0])) || link.request(op, args);
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // The stuck call dies with the process serving it; the next call starts afresh.
        link.kill();
        reject(keychainUnavailable(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      void reply.then((answer?: KeychainReply) => {
        clearTimeout(timer);
        if (!answer) reject(keychainUnavailable('the keychain helper process ended'));
        else if (answer.ok) resolve(answer.value);
        else reject(new AppFailure(answer.error));
      });
    });
  }
}
