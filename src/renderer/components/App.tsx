import { useApp, useAppShallow } from '../store/hooks';
import { useT } from '../i18n/use-t';
import { Console } from '../console/Console';
import { Toolbox } from '../toolbox/Toolbox';
import { AccountDialog } from './dialogs/AccountDialog';
import { EmptyState } from './EmptyState';
import { ForceRefreshDialog } from './dialogs/ForceRefreshDialog';
import { RemoveDialog } from './dialogs/RemoveDialog';
import { SettingsDialog } from './dialogs/SettingsDialog';
import { Sidebar } from './Sidebar';
import { Toasts } from './Toasts';
import { TokenCard } from './TokenCard';
import { UnauthorizedScreen } from './UnauthorizedScreen';
import { Fragment, useEffect } from 'react';

export function App() {
  const { t, lang } = useT();
  const { unauthorized, loaded, count, account, dialog, openDialog } = useAppShallow((s) => ({
    unauthorized: s.unauthorized,
    loaded: s.accountsLoaded,
    count: s.accounts.length,
    account: s.accounts.find((a) => a.name === s.selected),
    dialog: s.dialog,
    openDialog: s.openDialog,
  }));
  const host = useApp((s) => s.appInfo?.host);
  const theme = useApp((s) => s.settings.theme);

  // app (issue 10): the theme setting pins the colour scheme; `system` leaves it to the OS (styles.css).
  useEffect(() => {
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }, [theme]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  if (unauthorized) return <UnauthorizedScreen />;

  return (
    <div className="app" aria-busy={!loaded}>
      <header className="topbar">
        <h1 className="brand">wxtoken</h1>
        <span className="muted">{t('app.tagline')}</span>
        <span className="spacer" />
        {host === 'http' ? <span className="host-badge">{t('app.browserHost')}</span> : null}
        <button type="button" onClick={() => openDialog({ type: 'settings' })}>
          {t('settings.open')}
        </button>
      </header>
      <div className="layout">
        <Sidebar />
        <main className="content">
          {loaded && count === 0 ? <EmptyState /> : null}
          {account ? (
            // Keyed by account: a revealed token or a pending confirmation never carries over to another account.
            <Fragment key={account.name}>
              <TokenCard account={account} />
              <Console account={account} />
              <Toolbox account={account} />
            </Fragment>
          ) : null}
        </main>
      </div>
      <Toasts />
      {dialog?.type === 'add' ? <AccountDialog /> : null}
      {dialog?.type === 'edit' ? <AccountDialog key={dialog.name} name={dialog.name} /> : null}
      {dialog?.type === 'remove' ? <RemoveDialog name={dialog.name} /> : null}
      {dialog?.type === 'force' ? <ForceRefreshDialog name={dialog.name} /> : null}
      {dialog?.type === 'settings' ? <SettingsDialog /> : null}
    </div>
  );
}
