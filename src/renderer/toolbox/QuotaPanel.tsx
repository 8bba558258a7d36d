/** An API's daily quota (openapi/quota/get) for any catalogue path, and clear_quota behind a confirmation. */
import { useEffect, useState, type FormEvent } from 'react';
import type { AccountView } from '../../shared/models';
import type { AppError } from '../../shared/result';
import type { QuotaInfo } from '../../shared/toolbox/models';
import { useApi } from '../api-context';
import { ErrorView } from '../components/ErrorView';
import { Field } from '../components/Field';
import { useT } from '../i18n/use-t';
import { ClearQuotaConfirm } from './quota/ClearQuota';

export function QuotaPanel({ account }: { account: AccountView }) {
  const { t } = useT();
  const api = useApi();
  const [paths, setPaths] = useState<string[]>([]);
  const [cgiPath, setCgiPath] = useState('/cgi-bin/message/custom/send');
  const [quota, setQuota] = useState<QuotaInfo>();
  const [error, setError] = useState<AppError>();
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState(false);

  useEffect(() => {
    void api.listEndpoints({}).then((got) => {
      if (got.ok) setPaths([...new Set(got.value.filter((e) => e.kinds.includes(account.kind)).map((e) => e.path))].sort());
    });
  }, [api, account.kind]);

  async function look(e: FormEvent) {
    e.preventDefault();
    const got = await api.getQuota({ name: account.name, cgiPath });
    setQuota(got.ok ? got.value : undefined);
    setError(got.ok ? undefined : got.error);
  }

  return (
    <div className="toolbox-panel">
      <form className="toolbox-form" onSubmit={look}>
        <Field label={t('toolbox.quota.path')}>
          {(p) => <input {...p} list="toolbox-quota-paths" value={cgiPath} onChange={(e) => setCgiPath(e.target.value)} required />}
        </Field>
        <datalist id="toolbox-quota-paths">
          {paths.map((path) => <option key={path} value={path} />)}
        </datalist>
        <button type="submit" className="primary">{t('toolbox.quota.run')}</button>
      </form>
      {quota ? (
        <section aria-label={t('toolbox.quota.result')} className="toolbox-result">
          <dl className="toolbox-fields">
            <dt>{t('toolbox.quota.limit')}</dt>
            <dd>{quota.dailyLimit}</dd>
            <dt>{t('toolbox.quota.used')}</dt>
            <dd>{quota.used}</dd>
            <dt>{t('toolbox.quota.remain')}</dt>
            <dd>{quota.remain}</dd>
          </dl>
        </section>
      ) : null}
      {error ? <ErrorView error={error} /> : null}
      {cleared ? <p role="status">{t('toolbox.quota.cleared')}</p> : null}
      {confirming ? (
        <ClearQuotaConfirm
          name={account.name}
          onClose={() => setConfirming(false)}
          onCleared={() => {
            setConfirming(false);
            setCleared(true);
          }}
        />
      ) : (
        <button type="button" onClick={() => { setCleared(false); setConfirming(true); }}>{t('toolbox.quota.clear')}</button>
      )}
    </div>
  );
}
