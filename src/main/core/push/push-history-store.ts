/**
 * The pushes of the message-push debugger, kept per account: `<home>/pushes/<safe-name>.json`, newest first,
 * at most 50. Written atomically under the account's lock; a corrupt file is set aside and reported. The
 * server-config Token and EncodingAESKey are cut out of everything before it is written.
 */
import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { MASK } from '../../../shared/redact';
import { ok, type Result } from '../../../shared/result';
import type { PushHistoryEntry, PushReport } from '../../../shared/toolbox/models';
import { errnoCode, readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from '../storage/atomic-file';
import { safeFileName } from '../storage/paths';
import { guardStorage } from '../storage/store-result';
import type { ProcessLock } from '../types';

export const PUSH_HISTORY_LIMIT = 50;
/** A body longer than this is cut: the history is for reading back, not a capture (a reply may be 1 MB). */
export const PUSH_BODY_LIMIT = 16 * 1024;

const isEntry = (v: unknown): v is PushHistoryEntry => {
  const e = v as PushHistoryEntry;
  return (
    typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.at === 'number' && typeof e.account === 'string' &&
    ['verify', 'text', 'event'].includes(e.what) && typeof e.report === 'object' && e.report !== null &&
    typeof e.report.passed === 'boolean' && typeof e.report.request?.url === 'string' && typeof e.report.verdict?.en === 'string'
  );
};

const validateFile: Validate<PushHistoryEntry[]> = (raw) => {
  if (raw === undefined) return { value: [] };
  const entries = (raw as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return { value: [], damage: 'no entries list' };
  const kept = entries.filter(isEntry);
  return { value: kept, damage: kept.length < entries.length ? `${entries.length - kept.length} invalid entries` : undefined };
};

/** Every string in the report with the secrets cut out and long ones shortened. */
function scrubbed(report: PushReport, secrets: readonly string[]): PushReport {
  const known = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') {
      let text = value;
      for (const secret of known) text = text.split(secret).join(MASK);
      return text.length > PUSH_BODY_LIMIT ? `${text.slice(0, PUSH_BODY_LIMIT)}\n… (${text.length - PUSH_BODY_LIMIT} more characters not kept)` : text;
    }
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  return clean(report) as PushReport;
}

export class PushHistoryStore {
  private readonly dir: string;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: { home: string; lock?: ProcessLock; report?: ReportProblem; now?: () => number }) {
    this.dir = path.join(opts.home, 'pushes');
  }

  /** Keeps one push; `secrets` (the callback Token and EncodingAESKey) never reach the file. */
  add(account: string, push: Omit<PushHistoryEntry, 'id' | 'at' | 'account'>, secrets: readonly string[]): Promise<Result<PushHistoryEntry>> {
    const entry: PushHistoryEntry = { ...push, id: randomUUID(), at: (this.opts.now ?? Date.now)(), account, report: scrubbed(push.report, secrets) };
    return guardStorage(this.fileOf(account), () =>
      this.locked(account, async () => {
        await this.write(account, [entry, ...(await this.load(account))].slice(0, PUSH_HISTORY_LIMIT));
        return ok(entry);
      }),
    );
  }

  list(account: string): Promise<Result<PushHistoryEntry[]>> {
    return guardStorage(this.fileOf(account), async () => {
      const read = await readJsonFile(this.fileOf(account), validateFile, false);
      // A corrupt file is set aside (and reported) under the lock, as a write would.
      return ok(read.problem ? await this.locked(account, () => this.load(account)) : read.value);
    });
  }

  /** Follows an account rename (a history under the new name is replaced). */
  rename(from: string, to: string): Promise<Result<void>> {
    if (from === to) return Promise.resolve(ok(undefined));
    const caseOnly = from.toLowerCase() === to.toLowerCase();
    const move = async () => {
      const entries = (await this.load(from)).map((e) => ({ ...e, account: to }));
      if (caseOnly) await this.unlinkOf(from);
      if (entries.length) await this.write(to, entries);
      if (!caseOnly) await this.unlinkOf(from);
      return ok(undefined);
    };
    if (caseOnly) return guardStorage(this.fileOf(from), () => this.locked(from, move));
    const [first, second] = [from, to].sort();
    return guardStorage(this.fileOf(from), () => this.locked(first!, () => this.locked(second!, move)));
  }

  remove(account: string): Promise<Result<void>> {
    return guardStorage(this.fileOf(account), () => this.locked(account, async () => (await this.unlinkOf(account), ok(undefined))));
  }

  private async load(account: string): Promise<PushHistoryEntry[]> {
    const read = await readJsonFile(this.fileOf(account), validateFile);
    if (read.problem) {
      this.opts.report?.(read.problem);
      await this.write(account, read.value);
    }
    return read.value;
  }

  private write(account: string, entries: PushHistoryEntry[]): Promise<void> {
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
    const run = () => (this.opts.lock ? this.opts.lock.withLock(`pushes:${account}`, fn) : fn());
    const next = (this.queues.get(account) ?? Promise.resolve()).then(run, run);
    const tail = next.catch(() => undefined);
    this.queues.set(account, tail);
    void tail.then(() => this.queues.get(account) === tail && this.queues.delete(account));
    return next;
  }
}
