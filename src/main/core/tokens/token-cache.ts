/**
 * Cached tokens in `<home>/tokens.json`, each encrypted with AES-256-GCM.
 *
 * Why this design: the cache is consulted on every request, by several processes (app, CLI,
 * server). A stat of a file is cheap where a keychain round trip is not, so the tokens live in one
 * file that is re-read only when it changes; the 32-byte key lives in the keychain (item
 * `cache-key`) and in memory, and never touches the disk, so the file alone gives nothing away.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { byName, own, type ByName } from '../../../shared/by-name';
import { FileFreshness, fileSignature } from '../storage/file-freshness';
import { newerFormatFailure, readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from '../storage/atomic-file';
import { CACHE_KEY_ITEM } from '../keychain/secret-items';
import type { FetchState, ProcessLock, SecretStore, StoredToken, TokenCache } from '../types';

export const TOKENS_LOCK = 'tokens-file';
export { CACHE_KEY_ITEM };

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

interface TokenFile {
  version: 1;
  tokens: ByName<Sealed>;
  state: ByName<FetchState>;
}

const empty = (): TokenFile => ({ version: 1, tokens: byName(), state: byName() });

const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' && v !== null && ['iv', 'tag', 'data'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

const isState = (v: unknown): v is FetchState => {
  const s = v as FetchState;
  return (
    typeof s === 'object' && s !== null &&
    (s.blockedAt === undefined || typeof s.blockedAt === 'number') &&
    (s.forceTimes === undefined || (Array.isArray(s.forceTimes) && s.forceTimes.every((t) => typeof t === 'number')))
  );
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const validateFile: Validate<TokenFile> = (raw) => {
  if (raw === undefined) return { value: empty() };
  const file = raw as Partial<TokenFile>;
  if (typeof raw !== 'object' || raw === null || file.version !== 1) return { value: empty(), damage: 'unknown format' };
  const value = empty();
  const lost: string[] = [];
  for (const [name, sealed] of Object.entries(isRecord(file.tokens) ? file.tokens : {})) {
    if (isSealed(sealed)) value.tokens[name] = sealed;
    else lost.push(`token of ${name}`);
  }
  for (const [name, state] of Object.entries(isRecord(file.state) ? file.state : {})) {
    if (isState(state)) value.state[name] = state;
    else lost.push(`state of ${name}`);
  }
  return { value, damage: lost.length ? `invalid: ${lost.join(', ')}` : undefined };
};

export class EncryptedTokenCache implements TokenCache {
  readonly file: string;
  private current: TokenFile = empty();
  /** mtime/size/inode of the file `current` was read from; null = no file. */
  private seen?: string | null;
  /** Set when a newer wxtoken wrote the file: it is read, never written. */
  private newer?: number;
  private readonly freshness: FileFreshness;
  private key?: Buffer;
  /** Decrypted entries, valid while the sealed entry they came from is still the one in the file. */
  private readonly opened = new Map<string, { sealed: unknown; token: StoredToken }>();

  /** `fileName` / `lockKey`: another file of the same kind (tickets.json holds the JS-SDK tickets). `watch`: see FileFreshness. */
  constructor(
    private readonly opts: { home: string; secrets: SecretStore; lock: ProcessLock; report?: ReportProblem; fileName?: string; lockKey?: string; watch?: boolean },
  ) {
    this.file = path.join(opts.home, opts.fileName ?? 'tokens.json');
    this.freshness = new FileFreshness(this.file, opts.watch);
  }


  async read(account: string, options: { fresh?: boolean } = {}): Promise<StoredToken | undefined> {
    const sealed = own((await this.snapshot(options.fresh)).tokens, account);
    if (!sealed) return undefined;
    const opened = this.opened.get(account);
    if (opened?.sealed === sealed) return opened.token;
    const held = this.key;
    const token = held && unseal(sealed, held, account);
    if (token) {
      this.opened.set(account, { sealed, token });
      return token;
    }
    // First use in this process, or the key was replaced (another process lost and re-made it).
    const loaded = await this.loadKey();
    return loaded && !loaded.equals(held ?? Buffer.alloc(0)) ? unseal(sealed, loaded, account) : undefined;
  }

  peek(account: string): StoredToken | undefined {
    if (!this.freshness.trusted()) return undefined;
    const sealed = own(this.current.tokens, account);
    const opened = sealed && this.opened.get(account);
    return opened && opened.sealed === sealed ? opened.token : undefined;
  }

  async readState(account: string): Promise<FetchState> {
    // Fetch state decides whether to fetch at all (45009): always as the file says now.
    const file = await this.snapshot(true);
    // Read before a fetch: a token this build could not store must not be fetched (a classic one would
    // invalidate the token in use).
    if (this.newer !== undefined) throw newerFormatFailure(this.file, this.newer);
    const state = own(file.state, account);
    return state ? structuredClone(state) : {};
  }

  write(account: string, token: StoredToken): Promise<void> {
    return this.change(async (file) => {
      let key = this.key ?? (await this.loadKey());
      if (!key) {
        key = randomBytes(32);
        await this.opts.secrets.set(CACHE_KEY_ITEM, key.toString('base64'));
        this.key = key;
        file.tokens = byName(); // sealed under a key that is gone: nobody can read them any more
      }
      file.tokens[account] = seal(token, key, account);
    });
  }

  delete(account: string): Promise<void> {
    return this.change(async (file) => {
      delete file.tokens[account];
    });
  }

  writeState(account: string, state: FetchState): Promise<void> {
    return this.change(async (file) => {
      const clean = JSON.parse(JSON.stringify(state)) as FetchState;
      if (Object.keys(clean).length) file.state[account] = clean;
      else delete file.state[account];
    });
  }

  /** The parsed file, re-read only when another write changed it; `fresh` checks the file even so. */
  private async snapshot(fresh = false): Promise<TokenFile> {
    if (!fresh && this.freshness.trusted()) return this.current;
    const signature = fileSignature(this.file);
    if (signature !== this.seen) {
      // Lock-free: a corrupt file reads as empty here and is set aside by the next write.
      const read = await readJsonFile(this.file, validateFile, false);
      this.current = read.value;
      this.newer = read.newer;
      this.seen = signature;
    }
    this.freshness.checked();
    return this.current;
  }

  close(): void {
    this.freshness.close();
  }

  private change(fn: (file: TokenFile) => Promise<void>): Promise<void> {
    return this.opts.lock.withLock(this.opts.lockKey ?? TOKENS_LOCK, async () => {
      const read = await readJsonFile(this.file, validateFile);
      if (read.problem) {
        this.opts.report?.(read.problem);
      }
      const file = read.value;
      await fn(file);
      await writeFileAtomic(this.file, JSON.stringify(file), 0o600);
      this.current = file;
      this.newer = undefined;
      this.seen = fileSignature(this.file);
      this.freshness.checked();
    });
  }

  private async loadKey(): Promise<Buffer | undefined> {
    const text = await this.opts.secrets.get(CACHE_KEY_ITEM);
    const key = text ? Buffer.from(text, 'base64') : undefined;
    this.key = key?.length === 32 ? key : undefined;
    return this.key;
  }
}

/** The account name is bound in as associated data, so an entry cannot be moved to another account. */
function seal(token: StoredToken, key: Buffer, account: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`wxtoken:${account}`));
  const data = Buffer.concat([cipher.update(JSON.stringify(token), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function unseal(sealed: Sealed, key: Buffer, account: string): StoredToken | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(`wxtoken:${account}`));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    const token = JSON.parse(text) as StoredToken;
    return typeof token.accessToken === 'string' && typeof token.expiresAt === 'number' ? token : undefined;
  } catch {
    return undefined; // another key, or tampered with: a miss, and the next fetch overwrites it
  }
}
