/** rid look-up: what WeChat received for a failed call (openapi/rid/get, 7 days, this account's calls only). */
import { useEffect, useState, type FormEvent } from 'react';
import type { AccountView } from '../../shared/models';
import type { AppError } from '../../shared/result';
import type { RidInfo } from '../../shared/toolbox/models';
import { useApi } from '../api-context';
import { ErrorView } from '../components/ErrorView';
import { Field } from '../components/Field';
import { useT } from '../i18n/use-t';

export function RidPanel({ account, initialRid = '', autoRun = false }: { account: AccountView; initialRid?: string; autoRun?: boolean }) {
  const { t } = useT();
  const api = useApi();
  const [rid, setRid] = useState(initialRid);
  const [info, setInfo] = useState<RidInfo>();
  const [error, setError] = useState<AppError>();

  async function lookUp(e?: FormEvent) {
    e?.preventDefault();
    const got = await api.lookUpRid({ name: account.name, rid });
    setInfo(got.ok ? got.value : undefined);
    setError(got.ok ? undefined : got.error);
  }

  useEffect(() => {
    if (autoRun && initialRid) void lookUp();
    // Once, for the rid this panel was opened with.
  }, []);

  return (
    <div className="toolbox-panel">
      <form className="toolbox-form" onSubmit={lookUp}>
        <Field label={t('toolbox.rid.rid')}>{(p) => <input {...p} value={rid} onChange={(e) => setRid(e.target.value)} required />}</Field>
        <button type="submit" className="primary">{t('toolbox.rid.run')}</button>
      </form>
      {error ? <ErrorView error={error} /> : null}
      {info ? (
        <section aria-label={t('toolbox.rid.result')} className="toolbox-result">
          <dl className="toolbox-fields">
            <dt>{t('toolbox.rid.invokeTime')}</dt>
            <dd>{new Date(info.invokeTime * 1000).toLocaleString()}</dd>
            <dt>{t('toolbox.rid.cost')}</dt>
            <dd>{info.costMs} ms</dd>
            <dt>{t('toolbox.rid.url')}</dt>
            <dd><code className="wrap">{info.requestUrl}</code></dd>
            <dt>{t('toolbox.rid.clientIp')}</dt>
            <dd><code>{info.clientIp}</code></dd>
            <dt>{t('toolbox.rid.requestBody')}</dt>
            <dd><pre className="toolbox-pre">{info.requestBody || '—'}</pre></dd>
            <dt>{t('toolbox.rid.responseBody')}</dt>
            <dd><pre className="toolbox-pre">{info.responseBody || '—'}</pre></dd>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
