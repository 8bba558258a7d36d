/**
 * One contract call as every host makes it: validate the raw input, call the implementation, and turn an
 * unexpected throw into `internal` without a word of its text (it may hold a token or a secret).
 */
import { parseInput, type ApiImpl, type MethodName } from '../shared/contract';
import { appError } from '../shared/errors/errors';
import { fail, type Result } from '../shared/result';

export async function callContract(api: ApiImpl, name: MethodName, rawInput: unknown): Promise<Result<unknown>> {
  const input = parseInput(name, rawInput);
  if (!input.ok) return input;
  try {
    const call = api[name] as (input: unknown) => Promise<Result<unknown>>;
    return await call(input.value);
  } catch {
    return fail(appError('internal'));
  }
}
