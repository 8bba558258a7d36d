/** The toolbox for the selected account (issue 11): JS-SDK signatures and the checker, the push debugger, rid look-ups. */
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../shared/models';
import { useT } from '../i18n/use-t';
import { JssdkPanel } from './JssdkPanel';
import { PushPanel } from './PushPanel';
import { QuotaPanel } from './QuotaPanel';
import { RidPanel } from './RidPanel';
import { onRidLookup } from './rid-lookup';
import './toolbox.css';

type Tab = 'jssdk' | 'push' | 'rid' | 'quota';
const TABS: Tab[] = ['jssdk', 'push', 'rid', 'quota'];

export function Toolbox({ account }: { account: AccountView }) {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('jssdk');
  // A rid to look up at once, asked for by an error's "look it up"; the key remounts the panel for each one.
  const [asked, setAsked] = useState<{ rid: string; seq: number }>();
  const section = useRef<HTMLElement>(null);
  useEffect(
    () =>
      onRidLookup((rid) => {
        setTab('rid');
        setAsked((prev) => ({ rid, seq: (prev?.seq ?? 0) + 1 }));
        section.current?.scrollIntoView({ block: 'start' });
      }),
    [],
  );
  return (
    <section ref={section} className="card toolbox" aria-labelledby="toolbox-title">
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
        {tab === 'rid' ? <RidPanel key={asked?.seq ?? 0} account={account} initialRid={asked?.rid} autoRun={asked !== undefined} /> : null}
        {tab === 'quota' ? <QuotaPanel account={account} /> : null}
      </div>
    </section>
  );
}
