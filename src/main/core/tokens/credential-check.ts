/**
 * The account dialog's "Test credentials": asks WeChat for a token with the credentials as typed and keeps
 * nothing. OA and MP ask for a stable token in normal mode whatever the account's mode: it hands out the
 * token already in use (or a new one without invalidating any), and stable and classic tokens are isolated,
 * so a dry run never knocks out a token a production server holds.
 */
import type { ValidInput } from '../../../shared/contract';
import { appError } from '../../../shared/errors/errors';
import { defaultApiBase, fetchModeOf, type Account, type CredentialCheck } from '../../../shared/models';
import { maskToken } from '../../../shared/redact';
import { fail, ok, type Result } from '../../../shared/result';
import { appidProblem } from '../../../shared/account-rules';
import { movesSecret, secretNeededToMove } from '../../../shared/secret-destination';
import { secretItem } from '../keychain/secret-items';
import type { SecretStore } from '../types';
import type { TokenGrant } from '../wechat/wechat-client';

export interface CredentialCheckDeps {
  accounts: { get(name: string): Promise<Result<Account>> };
  secrets: SecretStore;
  client: { fetchToken(account: Account, secret: string, force?: boolean): Promise<Result<TokenGrant>> };
  now?: () => number;
}

export function makeCredentialCheck(deps: CredentialCheckDeps) {
  const now = deps.now ?? Date.now;
  return async ({ account: input, secret: typed, storedOf }: ValidInput<'checkCredentials'>): Promise<Result<CredentialCheck>> => {
    const kind = input.kind ?? 'oa';
    const problem = appidProblem(kind, input.appid);
    if (problem) return fail(appError('validation', { field: 'appid', message: { zh: `输入无效：appid: ${problem}`, en: `Invalid input: appid: ${problem}` } }));
    const account: Account = {
      name: input.name,
      kind,
      appid: input.appid,
      mode: 'stable',
      apiBase: input.apiBase ?? defaultApiBase(kind),
      ...(input.proxy ? { proxy: input.proxy } : {}),
      createdAt: new Date(0).toISOString(),
    };
    let secret = typed;
    if (secret === undefined) {
      if (!storedOf) return fail(appError('validation', { field: 'secret', message: { zh: '请填写 AppSecret', en: 'Enter the AppSecret' } }));
      const stored = await deps.accounts.get(storedOf);
      if (!stored.ok) return stored;
      // The stored secret goes only where it was entered for (secret-destination.ts).
      if (movesSecret(stored.value, { kind, apiBase: account.apiBase, proxy: account.proxy ?? null })) return fail(secretNeededToMove());
      secret = await deps.secrets.get(secretItem(storedOf));
      if (secret === undefined) return fail(appError('secret_missing'));
    }
    const asked = now();
    const grant = await deps.client.fetchToken(account, secret, false);
    if (!grant.ok) return grant;
    return ok({ masked: maskToken(grant.value.accessToken), expiresAt: asked + grant.value.expiresIn * 1000, via: fetchModeOf(account) });
  };
}
