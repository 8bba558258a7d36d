/** Saved console requests, one file per account: `<home>/saved/<safe-name>.json`. Secret values are masked on the way in. */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SavedRequest } from '../../../shared/models';
import { redactJsonText, redactQuery } from '../../../shared/redact';
import { ok, type Result } from '../../../shared/result';
import { errnoCode, readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from '../storage/atomic-file';
import { safeFileName } from '../storage/paths';
import { guardStorage } from '../storage/store-result';
import type { ProcessLock } from '../types';

const isSaved = (v: unknown): v is SavedRequest => {
  const s = v as SavedRequest;
  return typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.name === 'string' && (s.method === 'GET' || s.method === 'POST') && typeof s.path === 'string' && Array.isArray(s.query);
};

const validateFile: Validate<SavedRequest[]> = (raw) => {
  if (raw === undefined) return { value: [] };
  const entries = (raw as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return { value: [], damage: 'no entries list' };
  const kept = entries.filter(isSaved);
  return { value: kept, damage: kept.length < entries.length ? `${entries.length - kept.length} invalid entries` : undefined };
};

export class SavedStore {
  private readonly dir: string;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: { home: string; lock?: ProcessLock; report?: ReportProblem }) {
    this.dir = path.join(opts.home, 'saved');
  }

  list(account: string): Promise<Result<SavedRequest[]>> {
    return guardStorage(this.fileOf(account), async () => ok(await this.load(account)));
  }

  /** Adds or replaces (same id) a saved request, newest first. */
  save(account: string, request: SavedRequest): Promise<Result<SavedRequest>> {
    const clean: SavedRequest = {
      ...request,
      query: redactQuery(request.query),
      ...(request.body !== undefined ? { body: redactJsonText(request.body) } : {}),
    };
    return this.change(account, (list) => [clean, ...list.filter((s) => s.id !== clean.id)], clean);
  }

  /**
   * Follows an account rename: the saved requests move to the new name (any there are replaced). Both names
   * are locked, always in the same order; a rename that changes only case takes one lock (one file on macOS).
   */
  rename(from: string, to: string): Promise<Result<void>> {
    if (from === to) return Promise.resolve(ok(undefined));
    const move = async () => {
      const entries = await this.load(from);
      await this.unlinkOf(from);
      // None to move: whatever an earlier, interrupted life of the new name left there goes too.
      if (entries.length) await writeFileAtomic(this.fileOf(to), JSON.stringify({ version: 1, account: to, entries }));
      else await this.unlinkOf(to);
      return ok(undefined);
    };
    const [first, second] = [from, to].sort();
    const locked = from.toLowerCase() === to.toLowerCase() ? () => this.locked(from, move) : () => this.locked(first!, () => this.locked(second!, move));
    return guardStorage(this.fileOf(from), locked);
  }

  remove(account: string, id: string): Promise<Result<void>> {
    return this.change(account, (list) => list.filter((s) => s.id !== id), undefined);
  }

  /** Every saved request of a removed account: a new account of the same name starts with none. */
  forget(account: string): Promise<Result<void>> {
    return guardStorage(this.fileOf(account), () => this.locked(account, async () => (await this.unlinkOf(account), ok(undefined))));
  }

  private async unlinkOf(account: string): Promise<void> {
    await unlink(this.fileOf(account)).catch((err) => {
      if (errnoCode(err) !== 'ENOENT') throw err;
    });
  }

  private change<T>(account: string, fn: (list: SavedRequest[]) => SavedRequest[], result: T): Promise<Result<T>> {
    return guardStorage(this.fileOf(account), () =>
      this.locked(account, async () => {
        const entries = fn(await this.load(account));
        await writeFileAtomic(this.fileOf(account), JSON.stringify({ version: 1, account, entries }));
        return ok(result);
      }),
    );
  }

  private async load(account: string): Promise<SavedRequest[]> {
    const read = await readJsonFile(this.fileOf(account), validateFile);
    if (read.problem) this.opts.report?.(read.problem);
    return read.value;
  }

  private fileOf(account: string): string {
    return path.join(this.dir, `${safeFileName(account)}.json`);
  }

  private locked<T>(account: string, fn: () => Promise<T>): Promise<T> {
    const run = () => (this.opts.lock ? this.opts.lock.withLock(`saved:${account}`, fn) : fn());
    const next = (this.queues.get(account) ?? Promise.resolve()).then(run, run);
    this.queues.set(account, next.catch(() => undefined));
    return next;
  }
}
