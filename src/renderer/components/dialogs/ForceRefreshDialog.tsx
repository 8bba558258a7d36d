import { useAppShallow } from '../../store/hooks';
import { useT } from '../../i18n/use-t';
import { fetchModeOf } from '../../../shared/models';
import { useNow } from '../../lib/use-now';
import { Modal } from './Modal';

/** Force refresh has a cost that depends on the mode: say it before doing it. */
export function ForceRefreshDialog({ name }: { name: string }) {
  const { t } = useT();
  const { status, account, refreshToken, closeDialog } = useAppShallow((s) => ({
    status: s.tokens[name],
    account: s.accounts.find((a) => a.name === name),
    refreshToken: s.refreshToken,
    closeDialog: s.closeDialog,
  }));
  // Re-rendered every second so Confirm enables itself when the 30 s wait is over.
  const now = useNow(1000);
  const mode = status?.mode ?? (account ? fetchModeOf(account) : 'stable');
  const left = status?.forceLeft;
  const waitUntil = status?.forceNextAt && status.forceNextAt > now ? status.forceNextAt : undefined;
  const blocked = mode === 'stable' && (left === 0 || waitUntil !== undefined);

  return (
    <Modal title={t('force.title', { name })} onClose={closeDialog}>
      {mode === 'classic' ? <p>{t('force.classic')}</p> : null}
      {mode === 'stable' ? (
        <>
          <p>{t('force.stable')}</p>
          <p>
            <strong>{left === undefined ? t('force.leftUnknown') : t('force.left', { left })}</strong>
          </p>
          {waitUntil ? <p className="notice">{t('force.waitIn', { seconds: Math.ceil((waitUntil - now) / 1000) })}</p> : null}
        </>
      ) : null}
      {mode === 'wecom' ? <p>{t('force.wecom')}</p> : null}
      <div className="modal-actions">
        <button type="button" onClick={closeDialog}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={blocked}
          onClick={() => {
            closeDialog();
            void refreshToken(name, true);
          }}
        >
          {t('force.confirm')}
        </button>
      </div>
    </Modal>
  );
}
