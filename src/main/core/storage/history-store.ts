/** The request console's history, one file per account: `<home>/history/<safe-name>.json`. */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../../../shared/models';
import { redactJsonText, redactQuery } from '../../../shared/redact';
import { ok, type Result } from '../../../shared/result';
import { errnoCode, readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from './atomic-file';
import { safeFileName } from './paths';
import { guardStorage } from './store-result';
import type { ProcessLock } from '../types';

const isEntry = (v: unknown): v is HistoryEntry => {
  const e = v as HistoryEntry;
  return (
    typeof e === 'object' && e !== null &&
    typeof e.id === 'string' && typeof e.at === 'number' && typeof e.account === 'string' &&
    (e.method === 'GET' || e.method === 'POST') && typeof e.path === 'string' &&
    Array.isArray(e.query) && typeof e.timeMs === 'number' && typeof e.size === 'number'
  );
};

const validateFile: Validate<HistoryEntry[]> = (raw) => {
  if (raw === undefined) return { value: [] };
  const entries = (raw as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return { value: [], damage: 'no entries list' };
  const kept = entries.filter(isEntry);
  const lost = entries.length - kept.length;
  return { value: kept, damage: lost ? `${lost} invalid entries` : undefined };
};

export class HistoryStore {
  readonly dir: string;
  private readonly limit: number;
  /** Writes to one account's file, one at a time inside this process. */
  private readonly queues = new Map<string, Promise<unknown>>();

  /** `lock`, when given, also orders writes across processes (key `history:<account>`). */
  constructor(private readonly opts: { home: string; limit?: number; lock?: ProcessLock; report?: ReportProblem }) {
    this.dir = path.join(opts.home, 'history');
    this.limit = opts.limit ?? 200;
  }


  /** Adds an entry, newest first; tokens and secrets are redacted again in case a caller forgot. */
  add(entry: HistoryEntry): Promise<Result<HistoryEntry>> {
    const clean: HistoryEntry = {
      ...entry,
      query: redactQuery(entry.query ?? []),
      ...(entry.body !== undefined ? { body: redactJsonText(entry.body) } : {}),
      ...(entry.response?.text !== undefined ? { response: { ...entry.response, text: redactJsonText(entry.response.text) } } : {}),
    };
    return this.change(entry.account, (entries) => [clean, ...entries.filter((e) => e.id !== clean.id)].slice(0, this.limit), clean);
  }

  list(account: string): Promise<Result<HistoryEntry[]>> {
    return guardStorage(this.fileOf(account), async () => {
      const read = await readJsonFile(this.fileOf(account), validateFile, false);
      return ok(read.problem ? await this.locked(account, () => this.load(account)) : read.value);
    });
  }

  clear(account: string): Promise<Result<void>> {
    return this.remove(account);
  }

  /** Follows an account rename; an existing history under the new name is replaced. */
  rename(from: string, to: string): Promise<Result<void>> {
    if (from === to) return Promise.resolve(ok(undefined));
    // A rename that changes only case names one file on macOS and Windows: remove it before writing it
    // again, and take one lock, or it waits for itself.
    const caseOnly = from.toLowerCase() === to.toLowerCase();
    const move = async () => {
      const entries = (await this.load(from)).map((e) => ({ ...e, account: to }));
      if (caseOnly) await this.unlinkOf(from);
      // None to move: a history an earlier, interrupted life of the new name left there goes too.
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

  private change<T>(account: string, fn: (entries: HistoryEntry[]) => HistoryEntry[], result: T): Promise<Result<T>> {
    return guardStorage(this.fileOf(account), () =>
      this.locked(account, async () => {
        await this.write(account, fn(await this.load(account)));
        return ok(result);
      }),
    );
  }

  private async load(account: string): Promise<HistoryEntry[]> {
    const read = await readJsonFile(this.fileOf(account), validateFile);
    if (read.problem) {
      this.opts.report?.(read.problem);
      await this.write(account, read.value);
    }
    return read.value;
  }

  private write(account: string, entries: HistoryEntry[]): Promise<void> {
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
    const run = () => (this.opts.lock ? this.opts.lock.withLock(`history:${account}`, fn) : fn());
    const previous = this.queues.get(account) ?? Promise.resolve();
    const next = previous.then(run, run);
    const tail = next.catch(() => undefined);
    this.queues.set(account, tail);
    void tail.then(() => this.queues.get(account) === tail && this.queues.delete(account));
    return next;
  }
}
