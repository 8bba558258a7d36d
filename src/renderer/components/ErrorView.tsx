import type { AppError } from '../../shared/result';
import { localize } from '../../shared/errors/errors';
import { useT } from '../i18n/use-t';
import { CopyButton } from './CopyButton';
import { RidLookupButton } from '../toolbox/rid-lookup'; // toolbox (issue 11)
import { ClearQuotaOffer } from '../toolbox/quota/ClearQuota'; // toolbox (issue 11): clear_quota on 45009

/** An AppError in the UI language: what happened, the WeChat code, what to do next, the caller IP. */
export function ErrorView({ error, title }: { error: AppError; title?: string }) {
  const { t, lang } = useT();
  return (
    <div className="error-view" role="alert">
      <p className="error-title">
        {title ? <strong>{title} </strong> : null}
        {error.errcode !== undefined ? <code className="errcode">{error.errcode}</code> : null} {localize(error.message, lang)}
      </p>
      {error.ip ? (
        <p className="error-ip">
          {t('error.callerIp')} <code>{error.ip}</code> <CopyButton text={error.ip} label={t('error.copyIp')} />
        </p>
      ) : null}
      {error.next ? <p className="error-next">{localize(error.next, lang)}</p> : null}
      {error.errmsg ? (
        <p className="error-meta">
          errmsg: <code>{error.errmsg}</code>
        </p>
      ) : null}
      {error.rid ? (
        <p className="error-meta">
          rid: <code>{error.rid}</code> <span className="muted">{t('error.ridHint')}</span> <RidLookupButton rid={error.rid} />
        </p>
      ) : null}
      <ClearQuotaOffer error={error} />
    </div>
  );
}
