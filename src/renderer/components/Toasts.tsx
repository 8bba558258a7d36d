import { useAppShallow } from '../store/hooks';
import { localize } from '../../shared/errors/errors';
import { useT } from '../i18n/use-t';

/** Short notices that go away on their own; errors stay a little longer. */
export function Toasts() {
  const { t, lang } = useT();
  const { toasts, dismiss } = useAppShallow((s) => ({ toasts: s.toasts, dismiss: s.dismissToast }));
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span>
            {'error' in toast.text
              ? `${localize(toast.text.error.message, lang)}${toast.text.error.next ? ` — ${localize(toast.text.error.next, lang)}` : ''}`
              : t(toast.text.key, toast.text.params)}
          </span>
          <button type="button" className="icon" aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
