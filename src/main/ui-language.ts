/** The menu language: the user's setting, or the OS locale when it says "system". */
import type { Language } from '../shared/models';

export type UiLang = 'zh-CN' | 'en';

export function uiLanguage(setting: Language | undefined, systemLocale: string): UiLang {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
