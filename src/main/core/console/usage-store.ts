/**
 * When each account was last used, in `<home>/usage.json`: the sidebar's "recently used", the same for the desktop
 * app, every browser on `wxtoken serve` and the CLI (a console call from any of them counts). Kept apart from
 * accounts.json, which it would otherwise rewrite (and announce) on every selection.
 */
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from '../storage/atomic-file';
import { guardStorage } from '../storage/store-result';
import type { ProcessLock } from '../types';

/** Account name → ISO time of its last use. */
export type AccountUse = Record<string, string>;

const USAGE_LOCK = 'usage';

const validateFile: Validate<AccountUse> = (raw) => {
  if (raw === undefined) return { value: {} };
  const accounts = (raw as { accounts?: unknown })?.accounts;
  if (typeof accounts !== 'object' || accounts === null || Array.isArray(accounts)) return { value: {}, damage: 'no accounts map' };
  const entries = Object.entries(accounts as Record<string, unknown>);
  const kept = entries.filter((e): e is [string, string] => typeof e[1] === 'string' && !Number.isNaN(Date.parse(e[1])));
  return { value: Object.fromEntries(kept), damage: kept.length < entries.length ? `${entries.length - kept.length} invalid entries` : undefined };
};

export class UsageStore {
  readonly file: string;

  constructor(private readonly opts: { home: string; lock: ProcessLock; report?: ReportProblem; now?: () => number }) {
    this.file = path.join(opts.home, 'usage.json');
  }

  list(): Promise<Result<AccountUse>> {
    return guardStorage(this.file, async () => ok(await this.load()));
  }

  note(name: string): Promise<Result<void>> {
    const at = new Date((this.opts.now ?? Date.now)()).toISOString();
    return this.change((use) => ({ ...use, [name]: at }));
  }

  /** Follows an account rename. */
  rename(from: string, to: string): Promise<Result<void>> {
    return this.change(({ [from]: at, ...rest }) => (at === undefined ? rest : { ...rest, [to]: at }));
  }

  /** With a removed account: one added again under its name has never been used. */
  forget(name: string): Promise<Result<void>> {
    return this.change(({ [name]: _gone, ...rest }) => rest);
  }

  private change(fn: (use: AccountUse) => AccountUse): Promise<Result<void>> {
    return guardStorage(this.file, () =>
      this.opts.lock.withLock(USAGE_LOCK, async () => {
        await writeFileAtomic(this.file, JSON.stringify({ version: 1, accounts: fn(await this.load()) }));
        return ok(undefined);
      }),
    );
  }

  private async load(): Promise<AccountUse> {
    const read = await readJsonFile(this.file, validateFile);
    if (read.problem) this.opts.report?.(read.problem);
    return read.value;
  }
}
