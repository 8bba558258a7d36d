import type { AccountKind, FetchMode, TokenState } from '../../shared/models';
import type { MessageKey } from '../i18n';

export const KIND_LABEL: Record<AccountKind, MessageKey> = { oa: 'kind.oa', mp: 'kind.mp', wecom: 'kind.wecom' };
export const KIND_SHORT_LABEL: Record<AccountKind, MessageKey> = { oa: 'kind.short.oa', mp: 'kind.short.mp', wecom: 'kind.short.wecom' };
export const MODE_LABEL: Record<FetchMode, MessageKey> = { stable: 'mode.stable', classic: 'mode.classic', wecom: 'mode.wecom' };
export const STATE_LABEL: Record<TokenState, MessageKey> = {
  none: 'state.none',
  fresh: 'state.fresh',
  expiring: 'state.expiring',
  expired: 'state.expired',
  error: 'state.error',
};
