import { useState } from 'react';
import type { AppError } from '../../../shared/result';
import { useAppShallow } from '../../store/hooks';
import { useT } from '../../i18n/use-t';
import { ErrorView } from '../ErrorView';
import { Modal } from './Modal';

/** Asks once, and says what goes with the account. */
export function RemoveDialog({ name }: { name: string }) {
  const { t } = useT();
  const { removeAccount, closeDialog, toast } = useAppShallow((s) => ({
    removeAccount: s.removeAccount,
    closeDialog: s.closeDialog,
    toast: s.toast,
  }));
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  async function remove() {
    setBusy(true);
    const result = await removeAccount(name);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    closeDialog();
    toast({ key: 'remove.done', params: { name } });
  }
  return (
    <Modal title={t('remove.title', { name })} onClose={closeDialog}>
      <p>{t('remove.explain')}</p>
      <ul className="plain-list">
        <li>{t('remove.secret')}</li>
        <li>{t('remove.token')}</li>
        <li>{t('remove.history')}</li>
      </ul>
      <p className="muted">{t('remove.wechatUnaffected')}</p>
      {error ? <ErrorView error={error} /> : null}
      <div className="modal-actions">
        <button type="button" onClick={closeDialog}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={remove}>
          {t('remove.confirm')}
        </button>
      </div>
    </Modal>
  );
}
