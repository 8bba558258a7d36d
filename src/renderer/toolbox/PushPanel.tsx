/**
 * The message-push debugger: the server config (into the keychain), a template (URL check, text, event), the exact
 * request (plain and encrypted), the reply (raw and decrypted) and the verdict; the account's push history below
 * (kept by the core, so pushes of earlier sessions and of other clients are there too).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AccountView } from '../../shared/models';
import type { AppError } from '../../shared/result';
import { PUSH_EVENTS, type PushEvent, type PushHistoryEntry, type PushMode, type PushReport } from '../../shared/toolbox/models';
import { localize } from '../../shared/errors/errors';
import { useApi } from '../api-context';
import { ErrorView } from '../components/ErrorView';
import { Field } from '../components/Field';
import { useT } from '../i18n/use-t';

type What = 'verify' | 'text' | 'event';

export function PushPanel({ account }: { account: AccountView }) {
  const { t, lang } = useT();
  const api = useApi();
  const [config, setConfig] = useState({ token: '', aesKey: '' });
  const [configState, setConfigState] = useState<{ saved?: boolean; error?: AppError }>({});
  const [to, setTo] = useState('');
  const [what, setWhat] = useState<What>('verify');
  const [text, setText] = useState('hello');
  const [event, setEvent] = useState<PushEvent>('subscribe');
  const [eventKey, setEventKey] = useState('');
  const [mode, setMode] = useState<PushMode | ''>('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<PushReport>();
  const [history, setHistory] = useState<PushHistoryEntry[]>([]);
  const [error, setError] = useState<AppError>();

  const loadHistory = useCallback(async () => {
    const got = await api.listPushHistory({ name: account.name });
    setHistory(got.ok ? got.value : []);
    if (!got.ok) setError(got.error);
  }, [api, account.name]);
  useEffect(() => {
    setShown(undefined);
    void loadHistory();
  }, [loadHistory]);

  async function saveConfig(e: FormEvent) {
    e.preventDefault();
    const saved = await api.setCallbackConfig({ name: account.name, token: config.token.trim(), aesKey: config.aesKey.trim() });
    setConfigState(saved.ok ? { saved: true } : { error: saved.error });
    if (saved.ok) setConfig({ token: '', aesKey: '' }); // write-only: the page keeps no copy
  }

  async function push(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const got = await api.pushMessage({
      name: account.name,
      to,
      ...(what === 'verify' ? { verify: true } : what === 'text' ? { text } : { event, ...(eventKey ? { eventKey } : {}) }),
      ...(mode ? { mode } : {}),
    });
    setBusy(false);
    setError(got.ok ? undefined : got.error);
    if (got.ok) setShown(got.value);
    await loadHistory();
  }

  return (
    <div className="toolbox-panel">
      <form className="toolbox-form" onSubmit={saveConfig} aria-labelledby="push-config-title">
        <h3 id="push-config-title">{t('toolbox.push.config')}</h3>
        <Field label={t('toolbox.push.token')}>{(p) => <input {...p} type="password" autoComplete="off" value={config.token} onChange={(e) => setConfig({ ...config, token: e.target.value })} required />}</Field>
        <Field label={t('toolbox.push.aesKey')}>{(p) => <input {...p} type="password" autoComplete="off" value={config.aesKey} onChange={(e) => setConfig({ ...config, aesKey: e.target.value })} />}</Field>
        <button type="submit">{t('toolbox.push.saveConfig')}</button>
        {configState.saved ? <p role="status">{t('toolbox.push.configSaved')}</p> : null}
        {configState.error ? <ErrorView error={configState.error} /> : null}
      </form>

      <form className="toolbox-form" onSubmit={push}>
        <Field label={t('toolbox.push.to')}>{(p) => <input {...p} type="url" value={to} onChange={(e) => setTo(e.target.value)} placeholder="http://127.0.0.1:8080/wechat" required />}</Field>
        <Field label={t('toolbox.push.what')}>
          {(p) => (
            <select {...p} value={what} onChange={(e) => setWhat(e.target.value as What)}>
              <option value="verify">{t('toolbox.push.verify')}</option>
              <option value="text">{t('toolbox.push.text')}</option>
              <option value="event">{t('toolbox.push.event')}</option>
            </select>
          )}
        </Field>
        {what === 'text' ? <Field label={t('toolbox.push.content')}>{(p) => <input {...p} value={text} onChange={(e) => setText(e.target.value)} />}</Field> : null}
        {what === 'event' ? (
          <>
            <Field label={t('toolbox.push.event')}>
              {(p) => (
                <select {...p} value={event} onChange={(e) => setEvent(e.target.value as PushEvent)}>
                  {PUSH_EVENTS.map((ev) => <option key={ev} value={ev}>{ev}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('toolbox.push.eventKey')}>{(p) => <input {...p} value={eventKey} onChange={(e) => setEventKey(e.target.value)} />}</Field>
          </>
        ) : null}
        {account.kind !== 'wecom' ? (
          <Field label={t('toolbox.push.mode')}>
            {(p) => (
              <select {...p} value={mode} onChange={(e) => setMode(e.target.value as PushMode | '')}>
                <option value="">{t('toolbox.push.modeDefault')}</option>
                <option value="plain">{t('toolbox.push.modePlain')}</option>
                <option value="compat">{t('toolbox.push.modeCompat')}</option>
                <option value="safe">{t('toolbox.push.modeSafe')}</option>
              </select>
            )}
          </Field>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>{t('toolbox.push.send')}</button>
      </form>
      {error ? <ErrorView error={error} /> : null}
      {shown ? <PushResult report={shown} /> : null}
      {history.length ? (
        <section aria-label={t('toolbox.push.history')}>
          <h3>{t('toolbox.push.history')}</h3>
          <ul className="toolbox-history">
            {history.map((e) => (
              <li key={e.id}>
                {e.report.passed ? '✓' : '✗'} {e.what === 'event' ? `event ${e.event ?? ''}` : e.what} {e.report.request.method} {e.report.request.url.split('?')[0]} — {localize(e.report.verdict, lang)}{' '}
                <span className="muted">{new Date(e.at).toLocaleString(lang)}</span>{' '}
                <button type="button" className="toolbox-link" onClick={() => setShown(e.report)}>{t('toolbox.push.showPush')}</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function PushResult({ report }: { report: PushReport }) {
  const { t, lang } = useT();
  const { request, reply } = report;
  return (
    <div className="toolbox-result">
      <section aria-label={t('toolbox.push.verdict')} className={report.passed ? 'verdict-pass' : 'verdict-fail'}>
        <p>
          <strong>{report.passed ? '✓' : '✗'} {localize(report.verdict, lang)}</strong>
        </p>
        {report.problems.length ? (
          <ul>
            {report.problems.map((p, i) => <li key={i} data-code={p.code}>{localize(p.message, lang)}</li>)}
          </ul>
        ) : null}
      </section>
      <section aria-label={t('toolbox.push.request')}>
        <h3>{t('toolbox.push.request')}</h3>
        <pre className="toolbox-pre">{`${request.method} ${request.url}\n${Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}${request.body ? `\n\n${request.body}` : ''}`}</pre>
        {request.plainBody ? (
          <>
            <h4>{t('toolbox.push.plainBody')}</h4>
            <pre className="toolbox-pre">{request.plainBody}</pre>
          </>
        ) : null}
      </section>
      <section aria-label={t('toolbox.push.reply')}>
        <h3>{t('toolbox.push.reply')}</h3>
        <p className="muted">{reply.status !== undefined ? t('toolbox.push.replyMeta', { status: reply.status, ms: reply.timeMs }) : t('toolbox.push.noReply', { ms: reply.timeMs })}</p>
        {reply.body !== undefined ? <pre className="toolbox-pre">{reply.body}</pre> : null}
        {reply.decrypted !== undefined ? (
          <>
            <h4>{t('toolbox.push.decrypted')}</h4>
            <pre className="toolbox-pre">{reply.decrypted}</pre>
          </>
        ) : null}
      </section>
    </div>
  );
}
