/** The contract's push calls: the callback server config (write-only, in the keychain) and one push. */
import type { ApiImpl } from '../../../shared/contract';
import { appError } from '../../../shared/errors/errors';
import { fail, ok } from '../../../shared/result';
import { guard } from '../tokens/token-engine';
import { runPush, type CallbackConfig } from '../push/push-runner';
import type { SecretStore } from '../types';
import type { LookupDeps } from './lookups';
import type { PushHistoryStore } from '../push/push-history-store';

export type PushCalls = Pick<ApiImpl, 'setCallbackConfig' | 'pushMessage' | 'listPushHistory'>;

/** The keychain item holding an account's callback Token and EncodingAESKey (JSON). */
export const callbackItem = (accountName: string): string => `callback:${accountName}`;

export function createPushCalls(deps: Pick<LookupDeps, 'accounts' | 'secrets'> & { pushes: PushHistoryStore }): PushCalls {
  return {
    setCallbackConfig: ({ name, token, aesKey }) => guard(async () => {
      const account = await deps.accounts.get(name);
      if (!account.ok) return account;
      if (account.value.kind === 'wecom' && !aesKey) {
        return fail(appError('validation', { field: 'aesKey', message: { zh: '企业微信的回调必须加密：需要 EncodingAESKey', en: 'WeCom callbacks are always encrypted: the EncodingAESKey is needed' } }));
      }
      await deps.secrets.set(callbackItem(name), JSON.stringify({ token, aesKey } satisfies CallbackConfig));
      return ok(undefined);
    }),

    pushMessage: (input) => guard(async () => {
      const account = await deps.accounts.get(input.name);
      if (!account.ok) return account;
      const stored = await deps.secrets.get(callbackItem(input.name));
      const config = stored ? readConfig(stored) : undefined;
      if (!config?.token) {
        return fail(appError('secret_missing', {
          message: { zh: '钥匙串里没有这个账号的消息推送 Token', en: 'The keychain holds no message-push Token for this account' },
          next: { zh: `用 \`wxtoken callback set ${input.name}\` 保存（第 1 行 Token，第 2 行 EncodingAESKey）`, en: `Store it with \`wxtoken callback set ${input.name}\` (line 1 the Token, line 2 the EncodingAESKey)` },
        }));
      }
      const pushed = await runPush(account.value, config, input);
      if (!pushed.ok) return pushed;
      // Kept for the push history; a history that cannot be written does not undo the push (listing it says why).
      const what = input.verify ? 'verify' : input.text !== undefined ? 'text' : 'event';
      const mode = account.value.kind === 'wecom' ? 'safe' : (input.mode ?? (config.aesKey ? 'safe' : 'plain'));
      await deps.pushes.add(input.name, { what, ...(input.event ? { event: input.event } : {}), ...(what !== 'verify' ? { mode } : {}), report: pushed.value }, [config.token, config.aesKey]);
      return pushed;
    }),

    listPushHistory: ({ name }) => guard(async () => {
      const account = await deps.accounts.get(name);
      return account.ok ? deps.pushes.list(name) : account;
    }),
  };
}

/** An account's callback config follows it when it is renamed (toolbox, issue 11). */
export async function moveCallbackConfig(secrets: SecretStore, from: string, to: string): Promise<void> {
  const stored = await secrets.get(callbackItem(from));
  if (stored === undefined) return;
  await secrets.set(callbackItem(to), stored);
  await secrets.delete(callbackItem(from));
}

/** The stored item, or undefined when it is not what setCallbackConfig writes (then the user stores it again). */
function readConfig(text: string): CallbackConfig | undefined {
  try {
    const value = JSON.parse(text) as Partial<CallbackConfig>;
    return typeof value.token === 'string' && typeof value.aesKey === 'string' ? { token: value.token, aesKey: value.aesKey } : undefined;
  } catch {
    return undefined;
  }
}
