import { useState } from 'react';
import type { AccountView } from '../../../shared/models';
import { useApi } from '../../api-context';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n';
import { CopyButton } from '../../components/CopyButton';
import { buildSnippet, SNIPPET_LANGS, type SnippetInput, type SnippetLang } from './snippets';

/** "Copy as cURL" and code snippets, made from what the editor holds now (sent or not). */
export function CopyAs({ account, request }: { account: AccountView; request: Omit<SnippetInput, 'apiBase'> }) {
  const { t } = useT();
  const api = useApi();
  const [lang, setLang] = useState<SnippetLang>('fetch');
  const input: SnippetInput = { apiBase: account.apiBase, ...request };
  const code = buildSnippet(lang, input);
  return (
    <div className="copy-as">
      <div className="copy-as-buttons">
        <CopyButton text={buildSnippet('curl', input)} label={t('console.copyCurl')} />
        <CopyButton
          text={async () => {
            const token = await api.revealToken({ name: account.name });
            return token.ok ? buildSnippet('curl', input).replace('access_token=ACCESS_TOKEN', `access_token=${encodeURIComponent(token.value.accessToken)}`) : undefined;
          }}
          label={t('console.copyCurlToken')}
          secret
        />
      </div>
      <details className="snippets">
        <summary>{t('console.snippets')}</summary>
        <div className="segmented" role="group" aria-label={t('console.snippetLang')}>
          {SNIPPET_LANGS.filter((l) => l !== 'curl').map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)}>
              {t(`console.snippet.${l}` as MessageKey)}
            </button>
          ))}
        </div>
        <pre className="snippet mono" aria-label={t('console.snippetCode')}>{code}</pre>
        <CopyButton text={code} label={t('console.copySnippet')} />
        <p className="hint">{t('console.curlHint')}</p>
      </details>
    </div>
  );
}
