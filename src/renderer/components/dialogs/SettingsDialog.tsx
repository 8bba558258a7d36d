import { useEffect, useId, useState } from 'react';
import { serverUiUrl, type Language, type Theme } from '../../../shared/models';
import type { AppError } from '../../../shared/result';
import { useAppShallow } from '../../store/hooks';
import { useT } from '../../i18n/use-t';
import { CopyButton } from '../CopyButton';
import { ErrorView } from '../ErrorView';
import { Modal } from './Modal';
import { RedisSettings } from '../../sources/RedisSettings';

/** Language, theme, clipboard clearing, and the loopback server (switch and key in the desktop app; its URL everywhere). */
export function SettingsDialog() {
  const { t } = useT();
  const { settings, server, appInfo, updateSettings, closeDialog } = useAppShallow((s) => ({
    settings: s.settings,
    server: s.server,
    appInfo: s.appInfo,
    updateSettings: s.updateSettings,
    closeDialog: s.closeDialog,
  }));
  const [error, setError] = useState<AppError>();
  const [seconds, setSeconds] = useState(String(settings.clipboardClearSeconds));
  // Changed elsewhere (another window, the CLI) while this is open: show the stored value.
  useEffect(() => setSeconds(String(settings.clipboardClearSeconds)), [settings.clipboardClearSeconds]);
  const ids = { lang: useId(), clear: useId(), server: useId(), theme: useId() };
  const desktop = appInfo?.host === 'electron';

  async function update(patch: Parameters<typeof updateSettings>[0]) {
    const result = await updateSettings(patch);
    setError(result.ok ? undefined : result.error);
  }

  function commitSeconds() {
    const value = Number(seconds);
    if (!Number.isInteger(value) || value < 0 || value > 3600) {
      setError({ code: 'validation', field: 'clipboardClearSeconds', message: { zh: '请输入 0 到 3600 之间的整数', en: 'Enter a whole number from 0 to 3600' } });
      return;
    }
    if (value !== settings.clipboardClearSeconds) void update({ clipboardClearSeconds: value });
  }

  const serverUrl = server ? serverUiUrl(server) : undefined;

  return (
    <Modal title={t('settings.title')} onClose={closeDialog}>
      <div className="form">
        <div className="field">
          <label htmlFor={ids.lang}>{t('settings.language')}</label>
          <select id={ids.lang} value={settings.language} onChange={(e) => void update({ language: e.target.value as Language })}>
            <option value="system">{t('settings.langSystem')}</option>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.theme}>{t('settings.theme')}</label>
          <select id={ids.theme} value={settings.theme ?? 'system'} onChange={(e) => void update({ theme: e.target.value as Theme })}>
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.clear}>{t('settings.clipboardClear')}</label>
          <input
            id={ids.clear}
            type="number"
            min={0}
            max={3600}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
            onBlur={commitSeconds}
            onKeyDown={(e) => e.key === 'Enter' && commitSeconds()}
          />
          <p className="hint">{t('settings.clipboardHint')}</p>
        </div>
        <fieldset className="field">
          <legend>{t('settings.server')}</legend>
          {desktop ? (
            <>
              <label className="check">
                <input id={ids.server} type="checkbox" checked={settings.serverEnabled} onChange={(e) => void update({ serverEnabled: e.target.checked })} />
                {t('settings.serverEnable')}
              </label>
              <p className="hint">{t('settings.serverHint')}</p>
              {server?.running && serverUrl ? (
                <div className="server-info">
                  <code className="mono wrap">{server.url}</code>
                  <CopyButton text={serverUrl} label={t('settings.copyServerUrl')} />
                  <span className="muted">{t('settings.serverKey')}</span>
                  <code className="mono">{`${server.key!.slice(0, 4)}…`}</code>
                  <CopyButton text={server.key!} label={t('settings.copyServerKey')} />
                </div>
              ) : settings.serverEnabled ? (
                <p className="muted">{t('settings.serverStarting')}</p>
              ) : null}
            </>
          ) : (
            <>
              <p>{t('settings.browserServer')}</p>
              <div className="server-info" aria-label={t('settings.serveUrl')} role="group">
                <code className="mono wrap">{server?.url ?? `${location.origin}/`}</code>
                {serverUrl ? <CopyButton text={serverUrl} label={t('settings.copyPageUrl')} /> : null}
              </div>
              <p className="hint">{t('settings.serveUrl')}</p>
            </>
          )}
        </fieldset>
        <RedisSettings />
        {error ? <ErrorView error={error} /> : null}
        <div className="modal-actions">
          <button type="button" className="primary" onClick={closeDialog}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
