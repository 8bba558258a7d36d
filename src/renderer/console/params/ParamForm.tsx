import { useId } from 'react';
import type { Endpoint, EndpointParam } from '../../../shared/catalogue/model';
import { localize } from '../../../shared/errors/errors';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n';
import { useAppShallow } from '../../store/hooks';
import { bodyObject, fieldText, typedValue, withField } from './body-fields';
import { isPlaceholder } from '../request/placeholders';
import { QuotaButton } from '../../toolbox/quota/QuotaButton'; // toolbox (issue 11): this API's quota

/**
 * The endpoint's parameters from the catalogue as a form: each query and top-level body field with its type,
 * required mark, description (in the UI language, the other one under it) and example, editing the query rows
 * and the JSON body in place. Objects and arrays are edited in the body itself.
 */
export function ParamForm({ endpoint }: { endpoint: Endpoint }) {
  const { t, lang } = useT();
  const s = useAppShallow((st) => ({ draft: st.draft, updateDraft: st.updateDraft, setQueryValue: st.setQueryValue }));
  const query = endpoint.query ?? [];
  const body = endpoint.method === 'POST' ? (endpoint.bodyParams ?? []) : [];
  if (!query.length && !body.length && !endpoint.docUrl) return null;
  const obj = bodyObject(s.draft.body);
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';

  const row = (p: EndpointParam, where: 'query' | 'body') => {
    const value = where === 'query' ? (s.draft.query.find((r) => r.key === p.name)?.value ?? '') : fieldText(obj?.[p.name]);
    const structured = where === 'body' && (p.type === 'object' || p.type === 'array');
    return (
      <Field
        key={`${where}.${p.name}`}
        param={p}
        where={where}
        value={value}
        disabled={where === 'body' && (!obj || structured)}
        description={p.description ? [localize(p.description, lang), localize(p.description, other)] : undefined}
        onChange={(text) => {
          if (where === 'query') return s.setQueryValue(p.name, text);
          const next = withField(s.draft.body, p.name, typedValue(p.type, text));
          if (next !== undefined) s.updateDraft({ body: next });
        }}
        typeLabel={t(`console.paramType.${p.type ?? 'string'}` as MessageKey)}
      />
    );
  };

  return (
    <section className="param-form" aria-label={t('console.params')}>
      <div className="section-head">
        <h4>{t('console.params')}</h4>
        <QuotaButton path={endpoint.path} />
        {endpoint.docUrl ? (
          <a href={endpoint.docUrl} target="_blank" rel="noreferrer noopener">
            {t('console.docLink')}
          </a>
        ) : null}
      </div>
      {query.length ? <h5>{t('console.query')}</h5> : null}
      {query.map((p) => row(p, 'query'))}
      {body.length ? <h5>{t('console.bodyFields')}</h5> : null}
      {body.length && !obj ? <p className="hint">{t('console.bodyNotObject')}</p> : null}
      {body.map((p) => row(p, 'body'))}
    </section>
  );
}

function Field(props: {
  param: EndpointParam;
  where: 'query' | 'body';
  value: string;
  disabled: boolean;
  description?: [string, string];
  typeLabel: string;
  onChange(text: string): void;
}) {
  const { t } = useT();
  const id = useId();
  const { param: p } = props;
  return (
    <div className="param-field">
      <label htmlFor={id} className="param-name">
        <code>{p.name}</code>
        {p.required ? (
          <abbr className="required" title={t('console.required')}>
            *
          </abbr>
        ) : null}
        <span className="param-type">{props.typeLabel}</span>
      </label>
      <input
        id={id}
        className={`mono${isPlaceholder(props.value.trim()) ? ' placeholder-value' : ''}`}
        value={props.value}
        disabled={props.disabled}
        placeholder={p.sample ?? ''}
        aria-required={p.required || undefined}
        aria-invalid={isPlaceholder(props.value.trim()) || undefined}
        aria-describedby={`${id}-d`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div id={`${id}-d`} className="param-doc">
        {props.description ? (
          <>
            <span>{props.description[0]}</span>
            <span className="muted param-doc-other">{props.description[1]}</span>
          </>
        ) : null}
        {p.sample ? (
          <span className="muted">
            {t('console.example')} <code>{p.sample}</code>
          </span>
        ) : null}
      </div>
    </div>
  );
}
