/** The seams of the core: each is implemented by one file here and passed to constructors. */
import type { FetchMode, TokenOrigin } from '../../shared/models';

/** The OS keychain (keytar) behind a small interface; every call is bounded in time. */
export interface SecretStore {
  get(account: string): Promise<string | undefined>;
  set(account: string, value: string): Promise<void>;
  /** Resolves true if something was deleted. */
  delete(account: string): Promise<boolean>;
  /** The item names stored (one keychain call, so listing accounts needs no call per account). */
  list(): Promise<string[]>;
  /** Releases what the store holds (a helper process), so the host can exit. */
  close?(): Promise<void>;
}

/** A token as persisted between runs. A credential: stored encrypted, never in plaintext. */
export interface StoredToken {
  accessToken: string;
  /** Epoch ms: local receipt time + expires_in. */
  expiresAt: number;
  fetchedAt: number;
  mode: FetchMode;
  /** The appid (corpid) and API base it was fetched for: an edit that changes either drops it. */
  appid: string;
  apiBase: string;
  /** The token this one replaced, kept (encrypted, like this one) so an echo of it can be masked too. */
  previousToken?: string;
  /** Set for a token that was not fetched on this machine (read from Redis or a URL, pasted, shared). */
  origin?: TokenOrigin;
  /** The account's token source as it was when this token was read (see tokens/sources/source-key.ts). */
  sourceKey?: string;
}

/** Non-secret per-account fetch bookkeeping, shared by every process on the machine. */
export interface FetchState {
  /** Set when WeChat said 45009 (daily quota): no fetch until the user resumes. */
  blockedAt?: number;
  /** Stable force refreshes, epoch ms, today's only (20 a day, 30 s apart). */
  forceTimes?: number[];
}

export interface TokenCache {
  /** `fresh`: as the file is now, not as a moment ago (for reads under a lock). */
  read(account: string, options?: { fresh?: boolean }): Promise<StoredToken | undefined>;
  /** The entry `read` would give, synchronously, when that needs neither the file nor the keychain; else undefined. */
  peek?(account: string): StoredToken | undefined;
  write(account: string, token: StoredToken): Promise<void>;
  delete(account: string): Promise<void>;
  readState(account: string): Promise<FetchState>;
  writeState(account: string, state: FetchState): Promise<void>;
}

/** A cross-process lock: the holder runs `fn`; others wait (bounded) for their turn. */
export interface ProcessLock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export type Clock = () => number;
