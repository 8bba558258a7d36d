/** Reads a token from another central-control server over HTTP (step 4 of issue 8; not built yet). */
import type { Account } from '../../../../shared/models';
import { fail, type Result } from '../../../../shared/result';
import type { Clock, SecretStore } from '../../types';
import type { SourceRead } from './observe-redis';
import { atUrl, unavailable } from './source-errors';

type UrlSource = Extract<NonNullable<Account['source']>, { type: 'observe-url' }>;

export async function readObservedUrl(_account: Account, source: UrlSource, _secrets: SecretStore, _now: Clock): Promise<Result<SourceRead>> {
  return fail(unavailable(atUrl(source.url)));
}
