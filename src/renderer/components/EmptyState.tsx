import { useApp } from '../store/hooks';
import { useT } from '../i18n/use-t';

export const SANDBOX_URL = 'https://mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login';

/** First run: what to add, and where a developer gets a test account. */
export function EmptyState() {
  const { t } = useT();
  const openDialog = useApp((s) => s.openDialog);
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.what')}</p>
      <ul className="plain-list">
        <li>{t('empty.step1')}</li>
        <li>{t('empty.step2')}</li>
        <li>{t('empty.step3')}</li>
      </ul>
      <p>
        {t('empty.sandbox')}{' '}
        <a href={SANDBOX_URL} target="_blank" rel="noreferrer noopener">
          {t('empty.sandboxLink')}
        </a>
      </p>
      <button type="button" className="primary" onClick={() => openDialog({ type: 'add' })}>
        {t('account.addFirst')}
      </button>
    </section>
  );
}
