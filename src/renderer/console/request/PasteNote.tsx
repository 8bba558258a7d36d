import type { AccountView } from '../../../shared/models';
import { useT } from '../../i18n/use-t';
import { useAppShallow } from '../../store/hooks';

/** After a pasted URL or cURL: the token it carried was dropped, and where the request really goes. */
export function PasteNote({ account }: { account: AccountView }) {
  const { t } = useT();
  const note = useAppShallow((s) => s.pasteNote);
  if (!note) return null;
  const base = account.apiBase;
  const sameHost = note.host !== undefined && base.replace(/^https?:\/\//, '').split(/[/:]/)[0] === note.host;
  return (
    <>
      {note.droppedToken ? <p className="hint paste-note">{t('console.pastedToken', { account: account.name })}</p> : null}
      {note.host && !note.wechatHost ? (
        <p className="notice warn paste-note" role="status">{t('console.pastedOtherHost', { host: note.host, account: account.name, base })}</p>
      ) : null}
      {note.host && note.wechatHost && !sameHost ? <p className="hint paste-note">{t('console.pastedWechatHost', { host: note.host, account: account.name, base })}</p> : null}
    </>
  );
}
