import { useState } from 'react';
import { useApi } from '../api-context';
import { copyText } from '../lib/clipboard';
import { useT } from '../i18n/use-t';

/**
 * Copies a text and says so in place for a moment. `secret`: the text holds a token, so it goes through
 * the api's copySecretText, which clears the clipboard after the user's setting.
 */
export function CopyButton({
  text,
  label,
  className,
  secret = false,
}: {
  text: string | (() => Promise<string | undefined>);
  label: string;
  className?: string;
  secret?: boolean;
}) {
  const { t } = useT();
  const api = useApi();
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  async function copy() {
    const value = typeof text === 'string' ? text : await text();
    if (value === undefined) return;
    const copied = secret ? (await api.copySecretText(value)).ok : await copyText(value);
    setState(copied ? 'done' : 'failed');
    setTimeout(() => setState('idle'), 1500);
  }
  return (
    <button type="button" className={className ?? 'small'} aria-label={label} onClick={copy}>
      {state === 'done' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : label}
    </button>
  );
}
