import type { ApiImpl } from '../../../shared/contract';
import { appError } from '../../../shared/errors';
import { fail } from '../../../shared/result';
import type { LookupDeps } from './lookups';

export type PushCalls = Pick<ApiImpl, 'setCallbackConfig' | 'pushMessage'>;

export function createPushCalls(_deps: LookupDeps): PushCalls {
  return {
    setCallbackConfig: async () => fail(appError('unsupported')),
    pushMessage: async () => fail(appError('unsupported')),
  };
}
