import { useMemo, useState } from 'react';
import type { AccountView, ConsoleResponse } from '../../shared/models';
import type { SentRequest } from '../store/console-slice';
import { useAppShallow } from '../store/hooks';
import { useT } from '../i18n/use-t';
import { formatBytes, formatMs } from '../lib/format';
import { checkJson, looksJson } from '../lib/json-text';
import { CopyButton } from '../components/CopyButton';
import { ErrorView } from '../components/ErrorView';
import { downloadName, useBlobUrl } from './body-blob';
import { JsonTree } from './JsonTree';
import { queryPairs } from '../store/console-slice';
import { requestLine, sameRequest } from './request/request-line';

/** The last response: status line, WeChat error explained, JSON tree or raw text, images, downloads, copy. */
export function ResponseView({ account }: { account: AccountView }) {
  const { t } = useT();
  const { response, error, inFlight } = useAppShallow((s) => ({
    response: s.response?.account === account.name ? s.response : undefined,
    error: s.responseError?.account === account.name ? s.responseError : undefined,
    inFlight: s.inFlight?.account === account.name ? s.inFlight : undefined,
  }));
  if (inFlight) return <section className="response muted" aria-label={t('console.response')} aria-busy="true">{t('console.waiting')}</section>;
  if (error) {
    return (
      <section className="response" aria-label={t('console.response')}>
        {error.request ? <AnsweredRequest request={error.request} /> : null}
        <ErrorView error={error.error} />
      </section>
    );
  }
  if (!response) return <section className="response muted" aria-label={t('console.response')}>{t('console.noResponse')}</section>;
  return <Loaded request={response.request} value={response.value} />;
}

/** Which request a response answers, always shown with it; said when the editor no longer holds that request. */
function AnsweredRequest({ request }: { request: SentRequest }) {
  const { t } = useT();
  const draft = useAppShallow((s) => s.draft);
  const changed = !sameRequest(request, { ...draft, query: queryPairs(draft.query) });
  return (
    <>
      <p className="answers">
        <span className="muted">{t('console.answers')}</span> <code className="mono">{requestLine(request)}</code>
      </p>
      {changed ? <p className="hint draft-changed">{t('console.draftChanged')}</p> : null}
    </>
  );
}

function Loaded({ request, value }: { request: SentRequest; value: ConsoleResponse }) {
  const { t } = useT();
  const [raw, setRaw] = useState(false);
  const isJson = !value.binary && looksJson(value.contentType, value.bodyText);
  // Parsed once per response; the tree renders lazily from it.
  const parsed = useMemo(() => (isJson && value.bodyText !== undefined ? checkJson(value.bodyText) : undefined), [isJson, value.bodyText]);
  const blobUrl = useBlobUrl(value.binary ? value.bodyBase64 : undefined, value.contentType);
  const isImage = value.binary && value.contentType.startsWith('image/');

  return (
    <section className="response" aria-label={t('console.response')}>
      <AnsweredRequest request={request} />
      <div className="response-line">
        {/* WeChat answers most errors with HTTP 200: the HTTP status and the errcode are two facts, each coloured by itself. */}
        <span className="status">
          <span className={`status-${value.status >= 400 ? 'bad' : 'good'}`}>HTTP {value.status}</span>
          {value.errcode ? (
            <>
              {' · '}
              <span className="status-bad">errcode {value.errcode}</span>
            </>
          ) : null}
        </span>
        <span>
          {t('console.time')} {formatMs(value.timeMs)}
        </span>
        <span>
          {t('console.size')} {formatBytes(value.size)}
        </span>
        <span className="muted mono">{value.contentType}</span>
        {value.retried ? <span className="muted">{t('console.retried')}</span> : null}
        <span className="spacer" />
        {value.bodyText !== undefined ? <CopyButton text={value.bodyText} label={t('console.copyResponse')} /> : null}
      </div>
      {value.error ? <ErrorView error={value.error} /> : null}

      <details className="headers">
        <summary>{t('console.headers', { n: Object.keys(value.headers).length })}</summary>
        <table>
          <tbody>
            {Object.entries(value.headers).map(([k, v]) => (
              <tr key={k}>
                <th scope="row" className="mono">{k}</th>
                <td className="mono wrap">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      {isImage && blobUrl ? (
        <figure className="response-image">
          <img src={blobUrl} alt={t('console.imageAlt')} />
          <figcaption>
            <a href={blobUrl} download={downloadName(value.headers, value.contentType)}>{t('console.saveAs')}</a>
          </figcaption>
        </figure>
      ) : null}
      {value.binary && !isImage && blobUrl ? (
        <p>
          {t('console.binary', { size: formatBytes(value.size) })}{' '}
          <a href={blobUrl} download={downloadName(value.headers, value.contentType)}>{t('console.saveAs')}</a>
        </p>
      ) : null}

      {value.bodyText !== undefined ? (
        <>
          {parsed?.ok ? (
            <div className="segmented view-toggle" role="group" aria-label={t('console.view')}>
              <button type="button" aria-pressed={!raw} onClick={() => setRaw(false)}>{t('console.tree')}</button>
              <button type="button" aria-pressed={raw} onClick={() => setRaw(true)}>{t('console.raw')}</button>
            </div>
          ) : null}
          {parsed?.ok && !raw ? (
            <JsonTree value={parsed.value} />
          ) : (
            <textarea className="raw mono" readOnly aria-label={t('console.rawBody')} value={value.bodyText} rows={16} spellCheck={false} />
          )}
        </>
      ) : null}
    </section>
  );
}

