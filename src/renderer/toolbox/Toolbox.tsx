/** The toolbox for the selected account (issue 11): JS-SDK signatures and the checker, the push debugger, rid look-ups. */
import { useState } from 'react';
import type { AccountView } from '../../shared/models';
import { useT } from '../i18n/use-t';
import { JssdkPanel } from './JssdkPanel';
import { PushPanel } from './PushPanel';
import { QuotaPanel } from './QuotaPanel';
import { RidPanel } from './RidPanel';
import './toolbox.css';

type Tab = 'jssdk' | 'push' | 'rid' | 'quota';
const TABS: Tab[] = ['jssdk', 'push', 'rid', 'quota'];

export function Toolbox({ account }: { account: AccountView }) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('jssdk');
  return (
    <section className="card toolbox" aria-labelledby="toolbox-title">
      <h2 id="toolbox-title" className="card-title">{t('toolbox.title')}</h2>
      <div role="tablist" aria-label={t('toolbox.tabs')} className="toolbox-tabs">
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`toolbox-tab-${id}`} aria-selected={tab === id} aria-controls={`toolbox-panel-${id}`} onClick={() => setTab(id)}>
            {t(`toolbox.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`toolbox-panel-${tab}`} aria-labelledby={`toolbox-tab-${tab}`}>
        {tab === 'jssdk' ? <JssdkPanel account={account} /> : null}
        {tab === 'push' ? <PushPanel account={account} /> : null}
        {tab === 'rid' ? <RidPanel account={account} /> : null}
        {tab === 'quota' ? <QuotaPanel account={account} /> : null}
      </div>
    </section>
  );
}
