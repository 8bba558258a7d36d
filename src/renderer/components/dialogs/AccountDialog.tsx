import { useEffect, useId, useState } from 'react';
import { API_BASE_PRESETS, DEFAULT_WECOM_API_BASE, defaultApiBase, type AccountKind, type AccountView, type CredentialCheck } from '../../../shared/models';
import type { AppError } from '../../../shared/result';
import { accountName, apiBaseUrl, appidProblem, note, proxyUrl, secret } from '../../../shared/schemas';
import { headerName } from '../../../shared/redis';
import { draftMovesSecret, fieldOf, type AccountDraft } from '../../store/accounts-slice';
import { useAppShallow } from '../../store/hooks';
import { type MessageKey } from '../../i18n';
import { localize } from '../../../shared/errors/errors';
import { useT } from '../../i18n/use-t';
import { formatCountdown } from '../../lib/format';
import { ErrorView } from '../ErrorView';
import { Field } from '../Field';
import { KIND_LABEL } from '../labels';
import { Modal } from './Modal';
import { TokenSourceField } from '../../sources/TokenSourceField';
import { sourceNeedsSecret } from '../../sources/source-rules';

const KINDS: AccountKind[] = ['oa', 'mp', 'wecom'];
const FIELDS = ['name', 'appid', 'secret', 'apiBase', 'proxy', 'note'];

function draftOf(a?: AccountView): AccountDraft {
  return {
    name: a?.name ?? '',
    kind: a?.kind ?? 'oa',
    appid: a?.appid ?? '',
    mode: a?.mode ?? 'stable',
    apiBase: a?.apiBase ?? '',
    proxy: a?.proxy ?? '',
    note: a?.note ?? '',
    secret: '',
    ...(a?.source ? { source: a.source } : {}),
  };
}

/**
 * Checks in the page what the contract would refuse, so every problem shows next to its field at once.
 * `moves`: the edit points the account at another API base or proxy, which needs the secret again.
 */
export function draftProblems(d: AccountDraft, isNew: boolean, moves = false, kept = false): Partial<Record<string, MessageKey>> {
  const out: Partial<Record<string, MessageKey>> = {};
  if (!accountName.safeParse(d.name).success) out.name = 'valid.name';
  if (appidProblem(d.kind, d.appid.trim())) out.appid = d.kind === 'wecom' ? 'valid.corpid' : 'valid.appid';
  if (isNew && !d.secret && sourceNeedsSecret(d.source)) out.secret = 'valid.secretEmpty';
  else if (moves && !d.secret) out.secret = 'valid.secretToMove';
  else if (d.secret && !secret.safeParse(d.secret).success) out.secret = 'valid.secret';
  if (d.apiBase.trim() && !apiBaseUrl.safeParse(d.apiBase).success) out.apiBase = 'valid.apiBase';
  if (d.proxy.trim() && !proxyUrl.safeParse(d.proxy).success) out.proxy = 'valid.proxy';
  if (!note.safeParse(d.note.trim()).success) out.note = 'valid.note';
  const header = headerProblem(d, kept);
  if (header) out.header = header;
  return out;
}

/** observe-url's header: a valid name, and a value unless the keychain already holds one for that same header. */
function headerProblem(d: AccountDraft, kept: boolean): MessageKey | undefined {
  if (d.source?.type !== 'observe-url' || !d.source.header) return undefined;
  if (!headerName.safeParse(d.source.header).success) return 'valid.headerName';
  if (d.headerValue ? /[\r\n]/.test(d.headerValue) : !kept) return 'valid.headerValue';
  return undefined;
}

/** The saved account already keeps a value for the header the draft names. */
const headerKept = (d: AccountDraft, a: AccountView | undefined): boolean =>
  a?.source?.type === 'observe-url' && d.source?.type === 'observe-url' && !!a.source.header && a.source.header === d.source.header;

/** Add or edit an account. The secret is write-only: it can be replaced, never read back. */
export function AccountDialog({ name }: { name?: string }) {
  const { t, lang } = useT();
  const { accounts, saveAccount, checkDraft, closeDialog, toast } = useAppShallow((s) => ({
    accounts: s.accounts,
    saveAccount: s.saveAccount,
    checkDraft: s.checkDraft,
    closeDialog: s.closeDialog,
    toast: s.toast,
  }));
  const [savedName, setSavedName] = useState(name);
  const account = accounts.find((a) => a.name === savedName);
  const [draft, setDraft] = useState(() => draftOf(account));
  const [replacing, setReplacing] = useState(!account?.hasSecret);
  const [error, setError] = useState<AppError>();
  const [problems, setProblems] = useState<Partial<Record<string, MessageKey>>>({});
  const [busy, setBusy] = useState<'save' | 'test'>();
  const [tested, setTested] = useState<{ check?: CredentialCheck; classic?: boolean; error?: AppError }>();
  const named = error?.code === 'validation' ? fieldOf(error.field) : error?.code === 'conflict' ? 'name' : undefined;
  const field = named && FIELDS.includes(named) ? named : undefined;

  // A new API base or proxy: the secret goes with it, typed in again (the field stays open from then on).
  const moves = account !== undefined && draftMovesSecret(draft, account);
  useEffect(() => {
    if (moves) setReplacing(true);
  }, [moves]);

  const set = (patch: Partial<AccountDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A test result describes the draft it tested.
    setTested(undefined);
    const touched = Object.keys(patch);
    if (touched.includes('source') || touched.includes('headerValue')) touched.push('header');
    if (touched.some((f) => problems[f])) setProblems((p) => Object.fromEntries(Object.entries(p).filter(([f]) => !touched.includes(f))));
    if (error && fieldOf(error.field) && touched.includes(fieldOf(error.field)!)) setError(undefined);
  };

  async function save(): Promise<string | undefined> {
    const found = draftProblems(draft, !account, moves, headerKept(draft, account));
    setProblems(found);
    if (Object.keys(found).length) return undefined;
    const result = await saveAccount(draft, account?.name);
    if (!result.ok) return void setError(result.error);
    setError(undefined);
    setSavedName(result.value.name);
    setDraft((d) => ({ ...d, secret: '', headerValue: '' }));
    setReplacing(false);
    return result.value.name;
  }

  async function onSave() {
    setBusy('save');
    const saved = await save();
    setBusy(undefined);
    if (saved) {
      closeDialog();
      toast({ key: 'account.saved', params: { name: saved } });
    }
  }

  /** A dry run: nothing is stored until Save (the stored secret is used when none is typed on edit). */
  async function onTest() {
    const found = draftProblems(draft, !account, moves, headerKept(draft, account));
    delete found.note;
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy('test');
    setTested(undefined);
    const result = await checkDraft(draft, account?.name);
    setTested(result.ok ? { check: result.value, classic: draft.kind !== 'wecom' && draft.mode === 'classic' } : { error: result.error });
    setBusy(undefined);
  }

  const fieldError = (f: string) => {
    const key = problems[f];
    if (key) return t(key);
    return field === f && error ? localize(error.message, lang) : undefined;
  };
  const defaultBase = defaultApiBase(draft.kind);
  const listId = useId();

  return (
    <Modal title={account ? t('account.editTitle', { name: account.name }) : t('account.addTitle')} onClose={closeDialog} wide>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <Field label={t('field.name')} error={fieldError('name')} hint={t('field.nameHint')}>
          {(p) => <input {...p} value={draft.name} onChange={(e) => set({ name: e.target.value })} autoFocus />}
        </Field>
        <fieldset className="field">
          <legend>{t('field.kind')}</legend>
          <div className="segmented">
            {KINDS.map((k) => (
              <label key={k}>
                <input type="radio" name="kind" checked={draft.kind === k} onChange={() => set({ kind: k })} />
                {t(KIND_LABEL[k])}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={draft.kind === 'wecom' ? t('field.corpid') : t('field.appid')} error={fieldError('appid')}>
          {(p) => <input {...p} className="mono" spellCheck={false} value={draft.appid} onChange={(e) => set({ appid: e.target.value })} />}
        </Field>
        <Field label={draft.kind === 'wecom' ? t('field.corpsecret') : t('field.secret')} error={fieldError('secret')} hint={moves ? t('field.secretToMoveHint') : replacing ? t('field.secretHint') : undefined}>
          {(p) =>
            replacing ? (
              <input {...p} type="password" autoComplete="off" spellCheck={false} value={draft.secret} onChange={(e) => set({ secret: e.target.value })} />
            ) : (
              <div className="secret-stored">
                <span className="muted" id={p.id}>
                  {t('field.secretStored')}
                </span>
                <button type="button" className="small" onClick={() => setReplacing(true)}>
                  {t('field.replaceSecret')}
                </button>
              </div>
            )
          }
        </Field>
        {draft.kind !== 'wecom' ? (
          <fieldset className="field">
            <legend>{t('field.mode')}</legend>
            <div className="segmented">
              <label>
                <input type="radio" name="mode" checked={draft.mode === 'stable'} onChange={() => set({ mode: 'stable' })} />
                {t('mode.stable')}
              </label>
              <label>
                <input type="radio" name="mode" checked={draft.mode === 'classic'} onChange={() => set({ mode: 'classic' })} />
                {t('mode.classic')}
              </label>
            </div>
            <p className="hint">{draft.mode === 'stable' ? t('field.modeStableHint') : t('field.modeClassicHint')}</p>
          </fieldset>
        ) : null}
        <TokenSourceField
          value={draft.source}
          onChange={(source) => set({ source })}
          kind={draft.kind}
          header={{ value: draft.headerValue ?? '', onChange: (headerValue) => set({ headerValue }), kept: headerKept(draft, account), error: problems.header ? t(problems.header) : undefined }}
        />
        <Field label={t('field.apiBase')} error={fieldError('apiBase')} hint={t('field.apiBaseHint')}>
          {(p) => <input {...p} className="mono" list={listId} placeholder={defaultBase} value={draft.apiBase} onChange={(e) => set({ apiBase: e.target.value })} />}
        </Field>
        <datalist id={listId}>
          {(draft.kind === 'wecom' ? [DEFAULT_WECOM_API_BASE] : API_BASE_PRESETS).map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
        <Field label={t('field.proxy')} error={fieldError('proxy')}>
          {(p) => <input {...p} className="mono" placeholder="http://127.0.0.1:8888" value={draft.proxy} onChange={(e) => set({ proxy: e.target.value })} />}
        </Field>
        <Field label={t('field.note')} error={fieldError('note')}>
          {(p) => <input {...p} value={draft.note} onChange={(e) => set({ note: e.target.value })} />}
        </Field>

        {error && !field ? <ErrorView error={error} /> : null}
        <div className="test-result" aria-live="polite">
          {tested?.check ? (
            <>
              <p className="success">{t('account.testOk', { masked: tested.check.masked, time: formatCountdown(tested.check.expiresAt - Date.now()) })}</p>
              <p className="hint">{t(tested.classic ? 'account.testClassicNote' : 'account.testNothingSaved')}</p>
            </>
          ) : null}
          {tested?.error ? <ErrorView error={tested.error} title={t('account.testFailed')} /> : null}
        </div>

        <div className="modal-actions">
          <button type="button" onClick={onTest} disabled={busy !== undefined}>
            {busy === 'test' ? t('account.testing') : t('account.test')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={closeDialog}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy !== undefined}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
