/** The app settings in `<home>/settings.json`, over DEFAULT_SETTINGS. */
import path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/models';
import { ok, fail, type Result } from '../../../shared/result';
import { readJsonFile, writeFileAtomic, type ReportProblem, type Validate } from './atomic-file';
import { guardStorage, validationError } from './store-result';
import type { ProcessLock } from '../types';

export const SETTINGS_LOCK = 'settings';

/** The schemas, loaded only when settings are read or written: zod's start-up is a good part of a CLI run's. */
const schemas = () => import('../../../shared/schemas');

/** Keeps each setting that is still valid on its own; the rest fall back to the defaults. */
const validateFile: Validate<Partial<Settings>> = async (raw) => {
  if (raw === undefined) return { value: {} };
  const { settingsPatch } = await schemas();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { value: {}, damage: 'not an object' };
  const { version, ...fields } = raw as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  const lost: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const one = settingsPatch.safeParse({ [key]: value });
    if (one.success) Object.assign(kept, one.data);
    else lost.push(key);
  }
  if (version !== 1) lost.unshift(`unknown version ${JSON.stringify(version)}`);
  return { value: kept as Partial<Settings>, damage: lost.length ? `invalid: ${lost.join(', ')}` : undefined };
};

export class SettingsStore {
  readonly file: string;

  constructor(private readonly opts: { home: string; lock: ProcessLock; report?: ReportProblem }) {
    this.file = path.join(opts.home, 'settings.json');
  }


  get(): Promise<Result<Settings>> {
    return guardStorage(this.file, async () => {
      const read = await readJsonFile(this.file, validateFile, false);
      const saved = read.problem ? await this.opts.lock.withLock(SETTINGS_LOCK, () => this.loadForWrite()) : read.value;
      return ok({ ...DEFAULT_SETTINGS, ...saved });
    });
  }

  async update(patch: Partial<Settings>): Promise<Result<Settings>> {
    const parsed = (await schemas()).settingsPatch.safeParse(patch);
    if (!parsed.success) return fail(validationError(parsed.error));
    return guardStorage(this.file, () =>
      this.opts.lock.withLock(SETTINGS_LOCK, async () => {
        const saved = { ...(await this.loadForWrite()), ...parsed.data };
        await this.write(saved);
        return ok({ ...DEFAULT_SETTINGS, ...saved });
      }),
    );
  }

  private async loadForWrite(): Promise<Partial<Settings>> {
    const read = await readJsonFile(this.file, validateFile);
    if (read.problem) {
      this.opts.report?.(read.problem);
      await this.write(read.value);
    }
    return read.value;
  }

  private write(saved: Partial<Settings>): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify({ version: 1, ...saved }, null, 2)}\n`);
  }
}
