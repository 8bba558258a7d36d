/** Turns storage failures and schema issues into the `Result` values the stores return. */
import type { z } from 'zod';
import { appError } from '../../../shared/errors/errors';
import { zhIssue, zhMessage } from '../../../shared/errors/validation-zh';
import { AppFailure, fail, type AppError, type Localized, type Result } from '../../../shared/result';
import { errnoCode, storageFailure } from './atomic-file';

/** Runs a store operation: an AppFailure or a file-system error becomes a failed Result. */
export async function guardStorage<T>(file: string, fn: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppFailure) return fail(err.error);
    if (errnoCode(err)) return fail(storageFailure(err, file).error);
    throw err;
  }
}

const FRIENDLY: Record<string, Localized> = {
  kind: { zh: 'kind 只能是 oa、mp、wecom', en: 'kind must be one of oa, mp, wecom' },
  mode: { zh: 'mode 只能是 stable 或 classic', en: 'mode must be stable or classic' },
  language: { zh: 'language 只能是 system、zh-CN 或 en', en: 'language must be system, zh-CN or en' },
};

/** The first schema issue as a `validation` error naming the field, in both languages. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys : undefined;
  const field = keys?.[0] ?? String(issue.path[0] ?? '');
  const friendly = issue.code === 'invalid_value' ? FRIENDLY[field] : undefined;
  if (keys) return invalid(field, { zh: `不认识的字段 "${keys.join('", "')}"`, en: `unknown field "${keys.join('", "')}"` });
  return invalid(field, friendly ?? { zh: `${field ? `${field}：` : ''}${zhIssue(issue)}`, en: `${field ? `${field}: ` : ''}${issue.message}` });
}

/** A `validation` error; an English detail is put into Chinese when it is one of the rules' known sentences. */
export function invalid(field: string, detail: string | Localized): AppError {
  const base = appError('validation');
  const text = typeof detail === 'string' ? { zh: zhMessage(detail), en: detail } : detail;
  return { ...base, field, message: { zh: `${base.message.zh}：${text.zh}`, en: `${base.message.en}: ${text.en}` } };
}
