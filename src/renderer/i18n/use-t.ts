import { useMemo } from 'react';
import { useApp } from '../store/hooks';
import { resolveLanguage } from '../../shared/models';
import { translator, type Translate, type UiLang } from '.';

/** The UI language (settings, or the OS's) and its translator. */
export function useT(): { t: Translate; lang: UiLang } {
  const setting = useApp((s) => s.settings.language);
  const lang = resolveLanguage(setting, navigator.language);
  return useMemo(() => ({ t: translator(lang), lang }), [lang]);
}
