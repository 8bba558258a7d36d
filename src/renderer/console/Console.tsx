import type { AccountView } from '../../shared/models';
import { useT } from '../i18n/use-t';
import { EndpointPicker } from './EndpointPicker';
import { HistoryList } from './HistoryList';
import { RequestEditor } from './RequestEditor';
import { ResponseView } from './ResponseView';

/** The request console for the selected account. */
export function Console({ account }: { account: AccountView }) {
  const { t } = useT();
  return (
    <section className="card console" aria-labelledby="console-title">
      <h2 id="console-title" className="card-title">{t('console.title')}</h2>
      <div className="console-grid">
        <EndpointPicker kind={account.kind} />
        <div className="console-main">
          <RequestEditor account={account.name} />
          <ResponseView account={account} />
        </div>
      </div>
      <HistoryList account={account.name} />
    </section>
  );
}
