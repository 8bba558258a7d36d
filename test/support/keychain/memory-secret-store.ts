/** A SecretStore in memory, for pure unit tests only (integration tests use the real keychain). */
import type { SecretStore } from '../../../src/main/core/types';

export class MemorySecretStore implements SecretStore {
  readonly items = new Map<string, string>();

  async get(account: string): Promise<string | undefined> {
    return this.items.get(account);
  }

  async set(account: string, value: string): Promise<void> {
    this.items.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.items.delete(account);
  }

  async list(): Promise<string[]> {
    return [...this.items.keys()].sort();
  }
}
