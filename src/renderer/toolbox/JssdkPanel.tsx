/** URL in → signature, the string to sign and a wx.config snippet to copy; and the checker for a pasted config. */
import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../shared/models';
import type { AppError } from '../../shared/result';
import type { JsapiCheck, JsapiSignature, TicketType } from '../../shared/toolbox/models';
import { localize } from '../../shared/errors/errors';
import { useApi } from '../api-context';
import { CopyButton } from '../components/CopyButton';
import { ErrorView } from '../components/ErrorView';
import { Field } from '../components/Field';
import { useT } from '../i18n/use-t';
import { CardSign } from './CardSign';

/** The snippet a page pastes: wx.config, or wx.agentConfig for a WeCom app. */
export function configSnippet(s: JsapiSignature): string {
  const head = s.type === 'agent_config' ? `wx.agentConfig({\n  corpid: '${s.appId}',\n  agentid: 'AGENTID',` : `wx.config({\n  debug: false,\n  appId: '${s.appId}',`;
  return `${head}\n  timestamp: ${s.timestamp},\n  nonceStr: '${s.nonceStr}',\n  signature: '${s.signature}',\n  jsApiList: [],\n});`;
}

export function JssdkPanel({ account }: { account: AccountView }) {
  const { t, lang } = useT();
  const api = useApi();
  const types: TicketType[] = account.kind === 'wecom' ? ['jsapi', 'agent_config'] : ['jsapi'];
  const [url, setUrl] = useState('');
  const [type, setType] = useState<TicketType>('jsapi');
  const [signed, setSigned] = useState<JsapiSignature>();
  const [error, setError] = useState<AppError>();
  const [pasted, setPasted] = useState({ url: '', nonceStr: '', timestamp: '', signature: '' });
  const [check, setCheck] = useState<JsapiCheck>();
  const [checkError, setCheckError] = useState<AppError>();

  async function sign(e: FormEvent) {
    e.preventDefault();
    const got = await api.signJsapi({ name: account.name, url, type });
    setSigned(got.ok ? got.value : undefined);
    setError(got.ok ? undefined : got.error);
    if (got.ok) setPasted({ url, nonceStr: got.value.nonceStr, timestamp: String(got.value.timestamp), signature: '' });
  }

  async function runCheck(e: FormEvent) {
    e.preventDefault();
    const got = await api.checkJsapi({ name: account.name, type, ...pasted });
    setCheck(got.ok ? got.value : undefined);
    setCheckError(got.ok ? undefined : got.error);
  }

  return (
    <div className="toolbox-panel">
      <form className="toolbox-form" onSubmit={sign}>
        <Field label={t('toolbox.jssdk.url')} hint={t('toolbox.jssdk.urlHint')}>
          {(p) => <input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/page?x=1" required />}
        </Field>
        {types.length > 1 ? (
          <Field label={t('toolbox.jssdk.type')}>
            {(p) => (
              <select {...p} value={type} onChange={(e) => setType(e.target.value as TicketType)}>
                {types.map((k) => <option key={k} value={k}>{k}</option>)}
              </select>
            )}
          </Field>
        ) : null}
        <button type="submit" className="primary">{t('toolbox.jssdk.sign')}</button>
      </form>
      {error ? <ErrorView error={error} /> : null}
      {signed ? (
        <section aria-label={t('toolbox.jssdk.result')} className="toolbox-result">
          <dl className="toolbox-fields">
            <dt>{t('toolbox.jssdk.signature')}</dt>
            <dd><code data-testid="jssdk-signature">{signed.signature}</code> <CopyButton text={signed.signature} label={t('toolbox.jssdk.signature')} /></dd>
            <dt>{t('toolbox.jssdk.stringToSign')}</dt>
            <dd><code className="wrap" data-testid="jssdk-string">{signed.stringToSign}</code></dd>
          </dl>
          <h3>{t('toolbox.jssdk.snippet')}</h3>
          <pre className="toolbox-pre" aria-label={t('toolbox.jssdk.snippet')}>{configSnippet(signed)}</pre>
          <CopyButton text={configSnippet(signed)} label={t('toolbox.jssdk.copySnippet')} />
        </section>
      ) : null}

      <form className="toolbox-form" onSubmit={runCheck} aria-labelledby="jssdk-check-title">
        <h3 id="jssdk-check-title">{t('toolbox.check.title')}</h3>
        <p className="hint">{t('toolbox.check.hint')}</p>
        <Field label="url">{(p) => <input {...p} value={pasted.url} onChange={(e) => setPasted({ ...pasted, url: e.target.value })} required />}</Field>
        <Field label="nonceStr">{(p) => <input {...p} value={pasted.nonceStr} onChange={(e) => setPasted({ ...pasted, nonceStr: e.target.value })} />}</Field>
        <Field label="timestamp">{(p) => <input {...p} value={pasted.timestamp} onChange={(e) => setPasted({ ...pasted, timestamp: e.target.value })} />}</Field>
        <Field label={t('toolbox.check.signature')}>{(p) => <input {...p} value={pasted.signature} onChange={(e) => setPasted({ ...pasted, signature: e.target.value })} />}</Field>
        <button type="submit">{t('toolbox.check.run')}</button>
      </form>
      {checkError ? <ErrorView error={checkError} /> : null}
      {check ? (
        <section aria-label={t('toolbox.check.findings')} className="toolbox-result">
          <ul className="toolbox-findings">
            {check.findings.map((f, i) => (
              <li key={i} className={`finding-${f.severity}`} data-code={f.code}>
                {f.severity === 'error' ? '✗' : f.severity === 'warning' ? '!' : '✓'} {localize(f.message, lang)}
              </li>
            ))}
          </ul>
          {!check.valid && check.expected.signature ? (
            <dl className="toolbox-fields">
              <dt>{t('toolbox.check.expected')}</dt>
              <dd><code>{check.expected.signature}</code></dd>
              <dt>{t('toolbox.jssdk.stringToSign')}</dt>
              <dd><code className="wrap">{check.expected.stringToSign}</code></dd>
            </dl>
          ) : null}
        </section>
      ) : null}

      {/* Cards are an Official Account feature: only they have a wx_card api_ticket. */}
      {account.kind === 'oa' ? <CardSign account={account} /> : null}
    </div>
  );
}
