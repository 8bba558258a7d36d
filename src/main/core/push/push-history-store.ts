/**
 * The pushes of the message-push debugger, kept per account: `<home>/pushes/<safe-name>.json`, newest first,
 * at most 50 (see AccountEntries). The server-config Token and EncodingAESKey are cut out of everything before
 * it is written.
 */
import { randomUUID } from 'node:crypto';
import { MASK } from '../../../shared/redact';
import type { Result } from '../../../shared/result';
import type { PushHistoryEntry, PushReport } from '../../../shared/toolbox/models';
import { AccountEntries } from '../storage/account-entries';
import type { ReportProblem, Validate } from '../storage/atomic-file';
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

export class PushHistoryStore extends AccountEntries<PushHistoryEntry> {
  constructor(private readonly opts: { home: string; lock?: ProcessLock; report?: ReportProblem; now?: () => number }) {
    super({ home: opts.home, folder: 'pushes', validate: validateFile, lock: opts.lock, report: opts.report });
  }

  /** Keeps one push; `secrets` (the callback Token and EncodingAESKey) never reach the file. */
  add(account: string, push: Omit<PushHistoryEntry, 'id' | 'at' | 'account'>, secrets: readonly string[]): Promise<Result<PushHistoryEntry>> {
    const entry: PushHistoryEntry = { ...push, id: randomUUID(), at: (this.opts.now ?? Date.now)(), account, report: scrubbed(push.report, secrets) };
    return this.change(account, (entries) => [entry, ...entries].slice(0, PUSH_HISTORY_LIMIT), entry);
  }
}
