/** The OS keychain through keytar: every call bounded in time, failures never fall back to a file. */
import { appError, withDetail } from '../../../shared/errors/errors';
import { AppFailure } from '../../../shared/result';
import type { SecretStore } from '../types';

type Keytar = typeof import('keytar');

/**
 * Keychain calls (of any store in this process) that timed out and have not returned yet. Such a call pins
 * a libuv worker thread, and a process with one cannot exit: short-lived hosts use IsolatedSecretStore.
 */
let stuckCalls = 0;

export interface KeytarOptions {
  /** The keychain service every item is stored under. */
  service?: string;
  /** The longest one keychain call may take before it counts as unavailable. */
  timeoutMs?: number;
  /** keytar itself, when the host has loaded it already. */
  keytar?: Keytar;
}

export class KeytarSecretStore implements SecretStore {
  readonly service: string;
  private readonly timeoutMs: number;
  private keytar?: Promise<Keytar>;

  constructor(options: KeytarOptions = {}) {
    this.service = options.service || process.env.WXTOKEN_KEYCHAIN_SERVICE || 'wxtoken';
    this.timeoutMs = options.timeoutMs ?? 5000;
    if (options.keytar) this.keytar = Promise.resolve(options.keytar);
  }

  async get(account: string): Promise<string | undefined> {
    const value = await this.call(account, (k) => k.getPassword(this.service, account));
    return value ?? undefined;
  }

  async set(account: string, value: string): Promise<void> {
    if (!value) throw new Error('KeytarSecretStore.set: empty value');
    await this.call(account, (k) => k.setPassword(this.service, account, value), value);
  }

  delete(account: string): Promise<boolean> {
    return this.call(account, (k) => k.deletePassword(this.service, account));
  }

  /** keytar can only list items with their values; the values are dropped here at once. */
  async list(): Promise<string[]> {
    const found = await this.call('*', (k) => k.findCredentials(this.service));
    return found.map((c) => c.account).sort();
  }

  private async call<T>(account: string, fn: (keytar: Keytar) => Promise<T>, secret?: string): Promise<T> {
    if (!account) throw new Error('KeytarSecretStore: empty item name');
    // A hung keychain call holds one of libuv's few worker threads until it returns; piling more
    // onto it would starve file I/O too, so while one is stuck the others fail at once.
    if (stuckCalls > 0) throw keychainUnavailable('an earlier keychain call has not returned');
    const keytar = await this.load();
    const call = fn(keytar);
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        stuckCalls++;
        reject(keychainUnavailable(`no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    call.then(
      () => timedOut && stuckCalls--,
      () => timedOut && stuckCalls--,
    );
    try {
      return await Promise.race([call, timeout]);
    } catch (err) {
      if (err instanceof AppFailure) throw err;
      throw keychainUnavailable(scrub(err instanceof Error ? err.message : String(err), secret));
    } finally {
      clearTimeout(timer);
    }
  }

  /** keytar is a native module: loaded on first use, so hosts without a keychain still start. */
  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then(
      (mod) => ((mod as { default?: Keytar }).default ?? mod) as Keytar,
      (err: unknown) => {
        throw keychainUnavailable(`keytar could not be loaded (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      },
    );
    return this.keytar;
  }
}

function scrub(text: string, secret?: string): string {
  const line = text.split('\n')[0].slice(0, 300);
  return secret ? line.split(secret).join('***') : line;
}

/** The keychain failure every store reports, with what went wrong. */
export function keychainUnavailable(detail: string): AppFailure {
  const base = appError('keychain_unavailable');
  return new AppFailure({ ...base, message: withDetail(base.message, detail) });
}
