/** The desktop host's `copyToken`: the token goes from the core to the clipboard without visiting the page. */
import type { ApiImpl } from '../../../shared/contract';
import type { CoreApi } from '../../core/core';
import { DEFAULT_SETTINGS } from '../../../shared/models';
import { ok } from '../../../shared/result';
import type { ClipboardGuard } from './clipboard-guard';

export function makeCopyToken(api: Pick<CoreApi, 'revealToken' | 'getSettings'>, guard: Pick<ClipboardGuard, 'copy'>): ApiImpl['copyToken'] {
  return async ({ name }) => {
    const token = await api.revealToken({ name });
    if (!token.ok) return token;
    const settings = await api.getSettings({});
    const seconds = settings.ok ? settings.value.clipboardClearSeconds : DEFAULT_SETTINGS.clipboardClearSeconds;
    await guard.copy(token.value.accessToken, seconds);
    return ok({ clearAfterSeconds: seconds });
  };
}
