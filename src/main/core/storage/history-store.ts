/** The request console's history, one file per account: `<home>/history/<safe-name>.json` (see AccountEntries). */
import type { HistoryEntry } from '../../../shared/models';
import { redactJsonText, redactQuery } from '../../../shared/redact';
import type { Result } from '../../../shared/result';
import { AccountEntries } from './account-entries';
import type { ReportProblem, Validate } from './atomic-file';
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

export class HistoryStore extends AccountEntries<HistoryEntry> {
  private readonly limit: number;

  /** `lock`, when given, also orders writes across processes (key `history:<account>`). */
  constructor(opts: { home: string; limit?: number; lock?: ProcessLock; report?: ReportProblem }) {
    super({ home: opts.home, folder: 'history', validate: validateFile, lock: opts.lock, report: opts.report });
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

  clear(account: string): Promise<Result<void>> {
    return this.remove(account);
  }
}
