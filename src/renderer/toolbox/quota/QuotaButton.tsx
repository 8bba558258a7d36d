/** "Quota" on a console endpoint's header: that API's daily limit, used and remaining for the selected account. */
import { useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { QuotaInfo } from '../../../shared/toolbox/models';
import { useApi } from '../../api-context';
import { ErrorView } from '../../components/ErrorView';
import { useT } from '../../i18n/use-t';
import { useAppShallow } from '../../store/hooks';
import '../toolbox.css';

export function QuotaButton({ path }: { path: string }) {
  const { name, kind } = useAppShallow((s) => ({ name: s.selected, kind: s.accounts.find((a) => a.name === s.selected)?.kind }));
  // quota/get exists for Official Accounts and Mini Programs only.
  if (!name || !kind || kind === 'wecom') return null;
  // A fresh look-up per account and path.
  return <QuotaLookup key={`${name}\n${path}`} name={name} path={path} />;
}

function QuotaLookup({ name, path }: { name: string; path: string }) {
  const { t } = useT();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [got, setGot] = useState<{ quota?: QuotaInfo; error?: AppError }>();

  async function toggle() {
    if (open) return setOpen(false);
    setOpen(true);
    setGot(undefined);
    const res = await api.getQuota({ name, cgiPath: path });
    setGot(res.ok ? { quota: res.value } : { error: res.error });
  }

  return (
    <span className="quota-anchor">
      <button type="button" className="small" aria-expanded={open} title={t('toolbox.quotaButton.title')} onClick={() => void toggle()}>
        {t('toolbox.quotaButton')}
      </button>
      {open ? (
        <section className="quota-pop" aria-label={t('toolbox.quotaButton.result', { path })} aria-busy={got === undefined}>
          {got?.quota ? (
            <dl className="toolbox-fields">
              <dt>{t('toolbox.quota.limit')}</dt>
              <dd>{got.quota.dailyLimit}</dd>
              <dt>{t('toolbox.quota.used')}</dt>
              <dd>{got.quota.used}</dd>
              <dt>{t('toolbox.quota.remain')}</dt>
              <dd>{got.quota.remain}</dd>
            </dl>
          ) : null}
          {got?.error ? <ErrorView error={got.error} /> : null}
          {got === undefined ? <p className="muted">…</p> : null}
        </section>
      ) : null}
    </span>
  );
}
