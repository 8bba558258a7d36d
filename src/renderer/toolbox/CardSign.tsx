/** The JS-SDK panel's card section: wx.addCard's cardExt signed with the account's wx_card api_ticket. */
import { useId, useState, type FormEvent } from 'react';
import type { AccountView } from '../../shared/models';
import type { AppError } from '../../shared/result';
import type { CardSignature } from '../../shared/toolbox/models';
import { addCardSnippet } from '../../shared/toolbox/card-snippet';
import { useApi } from '../api-context';
import { CopyButton } from '../components/CopyButton';
import { ErrorView } from '../components/ErrorView';
import { Field } from '../components/Field';
import { useT } from '../i18n/use-t';

export function CardSign({ account }: { account: AccountView }) {
  const { t } = useT();
  const api = useApi();
  const titleId = useId();
  const [card, setCard] = useState({ cardId: '', code: '', openid: '' });
  const [signed, setSigned] = useState<CardSignature>();
  const [error, setError] = useState<AppError>();

  async function sign(e: FormEvent) {
    e.preventDefault();
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    const got = await api.signCard({ name: account.name, cardId: card.cardId.trim(), code: optional(card.code), openid: optional(card.openid) });
    setSigned(got.ok ? got.value : undefined);
    setError(got.ok ? undefined : got.error);
  }

  return (
    <>
      <form className="toolbox-form" onSubmit={sign} aria-labelledby={titleId}>
        <h3 id={titleId}>{t('toolbox.card.title')}</h3>
        <p className="hint">{t('toolbox.card.hint')}</p>
        <Field label={t('toolbox.card.cardId')}>{(p) => <input {...p} value={card.cardId} onChange={(e) => setCard({ ...card, cardId: e.target.value })} required spellCheck={false} />}</Field>
        <Field label={t('toolbox.card.code')}>{(p) => <input {...p} value={card.code} onChange={(e) => setCard({ ...card, code: e.target.value })} spellCheck={false} />}</Field>
        <Field label={t('toolbox.card.openid')}>{(p) => <input {...p} value={card.openid} onChange={(e) => setCard({ ...card, openid: e.target.value })} spellCheck={false} />}</Field>
        <button type="submit">{t('toolbox.card.sign')}</button>
      </form>
      {error ? <ErrorView error={error} /> : null}
      {signed ? (
        <section aria-label={t('toolbox.card.result')} className="toolbox-result">
          <dl className="toolbox-fields">
            <dt>{t('toolbox.jssdk.signature')}</dt>
            <dd><code data-testid="card-signature">{signed.signature}</code> <CopyButton text={signed.signature} label={t('toolbox.jssdk.signature')} /></dd>
            <dt>{t('toolbox.jssdk.stringToSign')}</dt>
            <dd><code className="wrap" data-testid="card-string">{signed.stringToSign}</code></dd>
            <dt>timestamp</dt>
            <dd><code>{signed.timestamp}</code></dd>
            <dt>nonce_str</dt>
            <dd><code>{signed.nonceStr}</code></dd>
          </dl>
          <h4>{t('toolbox.card.snippet')}</h4>
          <pre className="toolbox-pre" aria-label={t('toolbox.card.snippet')}>{addCardSnippet(signed)}</pre>
          <CopyButton text={addCardSnippet(signed)} label={t('toolbox.card.copySnippet')} />
        </section>
      ) : null}
    </>
  );
}
