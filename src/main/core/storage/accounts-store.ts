/** The accounts in `<home>/accounts.json`: names, AppIDs and settings — never a secret or a token. */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { appError, withDetail } from '../../../shared/errors/errors';
import { defaultApiBase, type Account, type AccountInput, type AccountPatch } from '../../../shared/models';
import { fail, ok, type Result } from '../../../shared/result';
import type { z } from 'zod';
import { appidProblem, sourceProblem } from '../../../shared/account-rules';
import type { accountInput } from '../../../shared/schemas';
import { canonicalAccount } from './canonical-account';
import { readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from './atomic-file';
import { FileFreshness, fileSignature } from './file-freshness';
import { guardStorage, invalid, validationError } from './store-result';
import type { ProcessLock } from '../types';

export const ACCOUNTS_LOCK = 'accounts';

/** The schemas, loaded only when needed: zod's start-up is a good part of a CLI cache hit's. */
const schemas = () => import('../../../shared/schemas');

/** Keeps every entry that is still a valid account; the rest is reported as damage. */
const validateFile: Validate<Account[]> = async (raw) => {
  if (raw === undefined) return { value: [] };
  const file = raw as { version?: unknown; accounts?: unknown };
  if (typeof raw !== 'object' || raw === null || !Array.isArray(file.accounts)) return { value: [], damage: 'no accounts list' };
  const entries: unknown[] = file.accounts;
  const canonical = entries.map(canonicalAccount);
  const { storedAccount } = canonical.includes(undefined) ? await schemas() : { storedAccount: undefined };
  const kept: Account[] = [];
  const lost: string[] = [];
  entries.forEach((entry, i) => {
    const parsed = canonical[i] ? { success: true as const, data: canonical[i] } : storedAccount!.safeParse(entry);
    const label = `#${i + 1}${typeof (entry as Account)?.name === 'string' ? ` "${(entry as Account).name}"` : ''}`;
    if (!parsed.success) return lost.push(`${label}: ${parsed.error.issues[0].path.join('.') || 'entry'} invalid`);
    const account = parsed.data as Account;
    const problem = appidProblem(account.kind, account.appid);
    if (problem) return lost.push(`${label}: ${problem}`);
    if (kept.some((a) => sameName(a.name, account.name))) return lost.push(`${label}: duplicate name`);
    kept.push(account);
  });
  if (file.version !== 1) lost.unshift(`unknown version ${JSON.stringify(file.version)}`);
  return { value: kept, damage: lost.length ? lost.join('; ') : undefined };
};

/** The account an input describes, defaults filled in (without its creation time). */
function fromInput(data: z.output<typeof accountInput>): Omit<Account, 'createdAt'> {
  const kind = data.kind ?? 'oa';
  return {
    name: data.name,
    kind,
    appid: data.appid,
    mode: data.mode ?? 'stable',
    apiBase: data.apiBase ?? defaultApiBase(kind),
    ...(data.proxy ? { proxy: data.proxy } : {}),
    ...(data.note ? { note: data.note } : {}),
    ...(data.source ? { source: data.source } : {}),
  };
}

/** Names are compared without case: they become file names, and "Prod" next to "prod" misleads. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class AccountsStore {
  readonly file: string;
  private snapshot?: { signature: string | null; accounts: Account[] };
  private readonly freshness: FileFreshness;

  /** `watch`: see FileFreshness. */
  constructor(private readonly opts: { home: string; lock: ProcessLock; now?: () => Date; report?: ReportProblem; watch?: boolean }) {
    this.file = path.join(opts.home, 'accounts.json');
    this.freshness = new FileFreshness(this.file, opts.watch);
  }

  close(): void {
    this.freshness.close();
  }


  list(): Promise<Result<Account[]>> {
    return guardStorage(this.file, async () => ok(await this.load()));
  }

  /** The account from the in-memory copy when it may be used without looking at the file (the token hot path); else undefined. */
  peek(name: string): Account | undefined {
    if (!this.snapshot || !this.freshness.trusted()) return undefined;
    return this.snapshot.accounts.find((a) => a.name === name);
  }

  get(name: string): Promise<Result<Account>> {
    return guardStorage(this.file, async () => {
      const account = (await this.load()).find((a) => a.name === name);
      return account ? ok(account) : fail(notFound(name));
    });
  }

  async add(input: AccountInput): Promise<Result<Account>> {
    const parsed = (await schemas()).accountInput.safeParse(input);
    if (!parsed.success) return fail(validationError(parsed.error));
    const account: Account = { ...fromInput(parsed.data), createdAt: (this.opts.now?.() ?? new Date()).toISOString() };
    const problem = appidProblem(account.kind, account.appid);
    if (problem) return fail(invalid('appid', problem));
    const sourceIssue = sourceProblem(account.kind, account.source);
    if (sourceIssue) return fail(invalid('source', sourceIssue));
    return this.change((accounts) => {
      if (accounts.some((a) => sameName(a.name, account.name))) return fail(conflict(account.name));
      return ok({ accounts: [...accounts, account], result: account });
    });
  }

  /** The stored account exactly as `add(input)` would have made it (its time aside), if there is one. */
  async addedAs(input: AccountInput): Promise<Account | undefined> {
    const parsed = (await schemas()).accountInput.safeParse(input);
    const stored = parsed.success ? await this.get(parsed.data.name) : undefined;
    if (!parsed.success || !stored?.ok) return undefined;
    const { createdAt: _, ...fields } = stored.value;
    return isDeepStrictEqual(fields, fromInput(parsed.data)) ? stored.value : undefined;
  }

  /** Applies an edit; `name` renames (callers move the secret, token and history along). */
  async edit(name: string, patch: AccountPatch): Promise<Result<Account>> {
    const parsed = (await schemas()).accountPatch.safeParse(patch);
    if (!parsed.success) return fail(validationError(parsed.error));
    const p = parsed.data;
    return this.change((accounts) => {
      const index = accounts.findIndex((a) => a.name === name);
      if (index < 0) return fail(notFound(name));
      const old = accounts[index];
      if (p.name !== undefined && accounts.some((a, i) => i !== index && sameName(a.name, p.name!))) return fail(conflict(p.name));
      const kind = p.kind ?? old.kind;
      // Switching kind moves an account still on the old kind's default host to the new default.
      const keptBase = old.apiBase === defaultApiBase(old.kind) ? defaultApiBase(kind) : old.apiBase;
      const next: Account = {
        ...old,
        name: p.name ?? old.name,
        kind,
        appid: p.appid ?? old.appid,
        mode: p.mode ?? old.mode,
        apiBase: p.apiBase ?? keptBase,
      };
      if (p.proxy === null) delete next.proxy;
      else if (p.proxy !== undefined) next.proxy = p.proxy;
      if (p.note === null || p.note === '') delete next.note;
      else if (p.note !== undefined) next.note = p.note;
      if (p.source === null) delete next.source;
      else if (p.source !== undefined) next.source = p.source;
      const problem = appidProblem(next.kind, next.appid);
      if (problem) return fail(invalid('appid', problem));
      const sourceIssue = sourceProblem(next.kind, next.source);
      if (sourceIssue) return fail(invalid('source', sourceIssue));
      const updated = accounts.slice();
      updated[index] = next;
      return ok({ accounts: updated, result: next });
    });
  }

  /** Removes the account and returns it (its secret, token and history are the caller's to remove). */
  remove(name: string): Promise<Result<Account>> {
    return this.change((accounts) => {
      const account = accounts.find((a) => a.name === name);
      if (!account) return fail(notFound(name));
      return ok({ accounts: accounts.filter((a) => a !== account), result: account });
    });
  }

  /**
   * A lock-free read, from memory while the file is unchanged (every token request looks its account up);
   * a corrupt file is repaired under the lock (moved aside, the rest written back).
   */
  private async load(): Promise<Account[]> {
    if (this.snapshot && this.freshness.trusted()) return this.snapshot.accounts;
    const signature = fileSignature(this.file);
    if (this.snapshot && this.snapshot.signature === signature) {
      this.freshness.checked();
      return this.snapshot.accounts;
    }
    const read = await readJsonFile(this.file, validateFile, false);
    if (!read.problem) {
      this.snapshot = { signature, accounts: read.value };
      this.freshness.checked();
      return read.value;
    }
    return this.opts.lock.withLock(ACCOUNTS_LOCK, () => this.loadForWrite());
  }

  private async loadForWrite(): Promise<Account[]> {
    const read = await readJsonFile(this.file, validateFile);
    if (read.problem) {
      this.opts.report?.(read.problem);
      await this.write(read.value);
    }
    return read.value;
  }

  /** Re-reads the file under the lock (other processes write it too), applies `fn`, writes atomically. */
  private change<T>(fn: (accounts: Account[]) => Result<{ accounts: Account[]; result: T }>): Promise<Result<T>> {
    return guardStorage(this.file, () =>
      this.opts.lock.withLock(ACCOUNTS_LOCK, async () => {
        const outcome = fn(await this.loadForWrite());
        if (!outcome.ok) return outcome;
        await this.write(outcome.value.accounts);
        return ok(outcome.value.result);
      }),
    );
  }

  private write(accounts: Account[]): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`);
  }
}

function notFound(name: string) {
  const base = appError('not_found');
  return { ...base, message: withDetail(base.message, name) };
}

function conflict(name: string) {
  const base = appError('conflict');
  return { ...base, field: 'name', message: withDetail(base.message, name) };
}
