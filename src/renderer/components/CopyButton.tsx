import { useState } from 'react';
import { copyText } from '../lib/clipboard';
import { useT } from '../i18n/use-t';

/** Copies a non-secret text and says so in place for a moment. */
export function CopyButton({ text, label, className }: { text: string | (() => Promise<string | undefined>); label: string; className?: string }) {
  const { t } = useT();
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  async function copy() {
    const value = typeof text === 'string' ? text : await text();
    if (value === undefined) return;
    setState((await copyText(value)) ? 'done' : 'failed');
    setTimeout(() => setState('idle'), 1500);
  }
  return (
    <button type="button" className={className ?? 'small'} aria-label={label} onClick={copy}>
      {state === 'done' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : label}
    </button>
  );
}
