import type { Localized } from '../../shared/result';

export type CliLang = 'zh' | 'en';

/** zh when WXTOKEN_LANG, LC_ALL or LANG (first one set wins) starts with "zh", else en. */
export function cliLanguage(env: NodeJS.ProcessEnv): CliLang {
  const chosen = env.WXTOKEN_LANG || env.LC_ALL || env.LANG || '';
  return chosen.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function pick(lang: CliLang, text: Localized): string {
  return lang === 'zh' ? text.zh : text.en;
}

/** Shorthand for a message written inline in both languages. */
export const L = (zh: string, en: string): Localized => ({ zh, en });
