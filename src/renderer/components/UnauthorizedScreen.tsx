import { useT } from '../i18n/use-t';

/** The loopback server refused the key: the page must be opened from the URL `wxtoken serve` printed. */
export function UnauthorizedScreen() {
  const { t } = useT();
  return (
    <main className="unauthorized" aria-labelledby="unauth-title">
      <h1 id="unauth-title">{t('unauth.title')}</h1>
      <p>{t('unauth.explain')}</p>
      <pre className="mono">wxtoken serve</pre>
      <p className="muted">{t('unauth.hint')}</p>
    </main>
  );
}
