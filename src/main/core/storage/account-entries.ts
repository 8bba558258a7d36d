/**
 * Lists of entries kept per account, one file each: `<home>/<folder>/<safe-name>.json`, newest first. Written
 * atomically, one write at a time per account in this process and, with `lock`, across processes; a corrupt
 * file is set aside and reported. They follow an account rename and go with a removed account. The console's
 * history and the push debugger's pushes are two of them.
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { errnoCode, readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from './atomic-file';
import { safeFileName } from './paths';
import { guardStorage } from './store-result';
import type { ProcessLock } from '../types';

export interface AccountEntriesOptions<E> {
  home: string;
  /** The folder under the data folder, and the prefix of the lock keys (`<folder>:<account>`). */
  folder: string;
  validate: Validate<E[]>;
  lock?: ProcessLock;
  report?: ReportProblem;
}

export class AccountEntries<E extends { account: string }> {
  readonly dir: string;
  /** Writes to one account's file, one at a time inside this process. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: AccountEntriesOptions<E>) {
    this.dir = path.join(options.home, options.folder);
  }

  list(account: string): Promise<Result<E[]>> {
    return guardStorage(this.fileOf(account), async () => {
      const read = await readJsonFile(this.fileOf(account), this.options.validate, false);
      // A corrupt file is set aside (and reported) under the lock, as a write would.
      return ok(read.problem ? await this.locked(account, () => this.load(account)) : read.value);
    });
  }

  /** Follows an account rename; entries under the new name are replaced. */
  rename(from: string, to: string): Promise<Result<void>> {
    if (from === to) return Promise.resolve(ok(undefined));
    // A rename that changes only case names one file on macOS and Windows: remove it before writing it
    // again, and take one lock, or it waits for itself.
    const caseOnly = from.toLowerCase() === to.toLowerCase();
    const move = async () => {
      const entries = (await this.load(from)).map((e) => ({ ...e, account: to }));
      if (caseOnly) await this.unlinkOf(from);
      // None to move: a file an earlier, interrupted life of the new name left there goes too.
      if (entries.length) await this.write(to, entries);
      else if (!caseOnly) await this.unlinkOf(to);
      if (!caseOnly) await this.unlinkOf(from);
      return ok(undefined);
    };
    if (caseOnly) return guardStorage(this.fileOf(from), () => this.locked(from, move));
    // Both files are locked, always in the same order, so crossed renames cannot wait on each other.
    const [first, second] = [from, to].sort();
    return guardStorage(this.fileOf(from), () => this.locked(first, () => this.locked(second, move)));
  }

  remove(account: string): Promise<Result<void>> {
    return guardStorage(this.fileOf(account), () =>
      this.locked(account, async () => {
        await this.unlinkOf(account);
        return ok(undefined);
      }),
    );
  }

  /** Rewrites the account's entries with `fn` (under its lock) and answers `result`. */
  change<T>(account: string, fn: (entries: E[]) => E[], result: T): Promise<Result<T>> {
    return guardStorage(this.fileOf(account), () =>
      this.locked(account, async () => {
        await this.write(account, fn(await this.load(account)));
        return ok(result);
      }),
    );
  }

  private async load(account: string): Promise<E[]> {
    const read = await readJsonFile(this.fileOf(account), this.options.validate);
    if (read.problem) {
      this.options.report?.(read.problem);
      await this.write(account, read.value);
    }
    return read.value;
  }

  private write(account: string, entries: E[]): Promise<void> {
    return writeFileAtomic(this.fileOf(account), JSON.stringify({ version: 1, account, entries }));
  }

  private async unlinkOf(account: string): Promise<void> {
    await unlink(this.fileOf(account)).catch((err) => {
      if (errnoCode(err) !== 'ENOENT') throw err;
    });
  }

  private fileOf(account: string): string {
    return path.join(this.dir, `${safeFileName(account)}.json`);
  }

  private locked<T>(account: string, fn: () => Promise<T>): Promise<T> {
    const run = () => (this.options.lock ? this.options.lock.withLock(`${this.options.folder}:${account}`, fn) : fn());
    const next = (this.queues.get(account) ?? Promise.resolve()).then(run, run);
    const tail = next.catch(() => undefined);
    this.queues.set(account, tail);
    void tail.then(() => this.queues.get(account) === tail && this.queues.delete(account));
    return next;
  }
}
