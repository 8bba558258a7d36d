import { useEffect } from 'react';
import type { AccountView } from '../../shared/models';
import { useT } from '../i18n/use-t';
import { useAppShallow } from '../store/hooks';
import { EndpointPicker } from './EndpointPicker';
import { HistoryList } from './HistoryList';
import { RequestEditor } from './RequestEditor';
import { ResponseView } from './ResponseView';
import './console.css';
import { saveDraft } from './history/saved-draft';
import { SavedRequests } from './saved/SavedRequests';

/** The request console for the selected account. */
export function Console({ account }: { account: AccountView }) {
  const { t } = useT();
  const { retargetDraft, draft } = useAppShallow((s) => ({ retargetDraft: s.retargetDraft, draft: s.draft }));
  // The draft survives a reload (secrets masked); written after React has rendered, not on every keystroke's path.
  useEffect(() => {
    const timer = setTimeout(() => saveDraft(draft), 300);
    return () => clearTimeout(timer);
  }, [draft]);
  // The editor keeps its request across accounts; the AppID the last account filled in follows the new one.
  useEffect(() => retargetDraft(account), [account, retargetDraft]);
  return (
    <section className="card console" aria-labelledby="console-title">
      <h2 id="console-title" className="card-title">{t('console.title')}</h2>
      <div className="console-grid">
        <EndpointPicker account={account} />
        <div className="console-main">
          <RequestEditor account={account} />
          <ResponseView account={account} />
        </div>
      </div>
      <SavedRequests account={account} />
      <HistoryList account={account.name} />
    </section>
  );
}
