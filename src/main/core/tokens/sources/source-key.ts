/** Which token source a cached token was read for: an edit of the source (another key, Redis or URL) drops it. */
import type { Account } from '../../../../shared/models';

export const sourceKeyOf = (account: Pick<Account, 'source'>): string | undefined => (account.source ? JSON.stringify(account.source) : undefined);
