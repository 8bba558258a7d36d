/** The desktop host's `copyToken`: the token goes from the core to the clipboard without visiting the page. */
import type { ApiImpl } from '../../../shared/contract';
import type { CoreApi } from '../../core/core';
import { DEFAULT_SETTINGS } from '../../../shared/models';
import { appError } from '../../../shared/errors/errors';
import { fail, ok } from '../../../shared/result';
import type { ClipboardGuard } from './clipboard-guard';

/** Wayland, app in the background: nothing was written, because the compositor would drop it. */
export const copyNeedsFocus = () =>
  appError('unsupported', {
    message: {
      zh: 'Wayland 下只有 wxtoken 窗口在前台时才能写入剪贴板，未复制',
      en: 'On Wayland the clipboard can be written only while the wxtoken window is focused: nothing was copied',
    },
    next: { zh: '在 wxtoken 窗口里点击“复制”', en: 'Use the copy button in the wxtoken window' },
  });

export const copyNotTaken = () =>
  appError('internal', {
    message: { zh: '剪贴板没有收到 token，未复制', en: 'The clipboard did not take the token: nothing was copied' },
    next: { zh: '再试一次；若剪贴板管理器在拦截，请检查其设置', en: 'Try again; if a clipboard manager intercepts it, check its settings' },
  });

export function makeCopyToken(api: Pick<CoreApi, 'revealToken' | 'getSettings'>, guard: Pick<ClipboardGuard, 'copy'>): ApiImpl['copyToken'] {
  return async ({ name }) => {
    const token = await api.revealToken({ name });
    if (!token.ok) return token;
    const settings = await api.getSettings({});
    const seconds = settings.ok ? settings.value.clipboardClearSeconds : DEFAULT_SETTINGS.clipboardClearSeconds;
    const outcome = await guard.copy(token.value.accessToken, seconds);
    if (outcome === 'needs-focus') return fail(copyNeedsFocus());
    if (outcome === 'not-copied') return fail(copyNotTaken());
    return ok({ clearAfterSeconds: seconds });
  };
}
