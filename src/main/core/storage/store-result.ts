/** Turns storage failures and schema issues into the `Result` values the stores return. */
import type { z } from 'zod';
import { appError, withDetail } from '../../../shared/errors/errors';
import { AppFailure, fail, type AppError, type Result } from '../../../shared/result';
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

const FRIENDLY: Record<string, string> = {
  kind: 'kind must be one of oa, mp, wecom',
  mode: 'mode must be stable or classic',
  language: 'language must be system, zh-CN or en',
};

/** The first schema issue as a `validation` error naming the field. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys : undefined;
  const field = keys?.[0] ?? String(issue.path[0] ?? '');
  const message = keys
    ? `unknown field "${keys.join('", "')}"`
    : (issue.code === 'invalid_value' && FRIENDLY[field]) || `${field ? `${field}: ` : ''}${issue.message}`;
  return invalid(field, message);
}

export function invalid(field: string, detail: string): AppError {
  const base = appError('validation');
  return { ...base, field, message: withDetail(base.message, detail) };
}
