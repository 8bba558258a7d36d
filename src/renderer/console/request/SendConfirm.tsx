import type { AccountView } from '../../../shared/models';
import { localize } from '../../../shared/errors/errors';
import { useT } from '../../i18n/use-t';
import { Modal } from '../../components/dialogs/Modal';
import type { SendChecks } from './send-checks';
import { KindMismatch } from './KindMismatch';

/** The one question before a request with a side effect, or one meant for another kind of account. */
export function SendConfirm({ account, checks, onSend, onClose }: { account: AccountView; checks: SendChecks; onSend(): void; onClose(): void }) {
  const { t, lang } = useT();
  const effect = checks.sideEffect;
  return (
    <Modal title={t('console.confirmTitle', { account: account.name })} onClose={onClose}>
      {checks.endpoint ? (
        <p>
          <span className={`method method-${checks.endpoint.method}`}>{checks.endpoint.method}</span> {localize(checks.endpoint.name, lang)}{' '}
          <code>{checks.endpoint.path}</code>
        </p>
      ) : null}
      {effect ? (
        <p className="notice warn">
          <strong>{t(effect.kind === 'destructive' ? 'console.confirmDestructive' : 'console.confirmQuota')}</strong> {localize(effect.note, lang)}
        </p>
      ) : null}
      {checks.otherKinds ? <KindMismatch account={account} kinds={checks.otherKinds} /> : null}
      <div className="modal-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onSend}>
          {t('console.confirmSend')}
        </button>
      </div>
    </Modal>
  );
}
