/** What the page checks about a token source before saving (the core checks it again). */
import type { AccountSource } from '../../shared/models';

/** Whether an account with this source needs an AppSecret: fetched here, or EasyWeChat (its key holds it). */
export const sourceNeedsSecret = (s: AccountSource | undefined): boolean => !s || (s.type === 'observe' && s.format.startsWith('easywechat'));
