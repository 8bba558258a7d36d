/**
 * "Look it up" next to any error that carries a rid: asks the toolbox of the selected account to show what WeChat
 * received for it (the toolbox listens; the error's view needs to know nothing else).
 */
import { useT } from '../i18n/use-t';

type Listener = (rid: string) => void;
const listeners = new Set<Listener>();

export function onRidLookup(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function RidLookupButton({ rid }: { rid: string }) {
  const { t } = useT();
  // Without a toolbox on screen (a dialog before any account is chosen) there is nobody to ask.
  if (listeners.size === 0) return null;
  return (
    <button type="button" className="toolbox-link" onClick={() => listeners.forEach((l) => l(rid))}>
      {t('toolbox.rid.lookUp')}
    </button>
  );
}
