import type { AccountKind, AccountView } from '../../../shared/models';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n';

/** "This endpoint is for a Mini Program, and X is an Official Account". */
export function KindMismatch({ account, kinds }: { account: AccountView; kinds: AccountKind[] }) {
  const { t } = useT();
  const long = (k: AccountKind) => t(`console.kindLong.${k}` as MessageKey);
  return (
    <p className="notice warn" role="note">
      {t('console.kindMismatch', { kinds: kinds.map(long).join(` ${t('console.kindOr')} `), account: account.name, kind: long(account.kind) })}
    </p>
  );
}
