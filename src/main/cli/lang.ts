import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../shared/models';
import type { Localized } from '../../shared/result';
import { dataHome } from '../core/storage/paths';

export type CliLang = 'zh' | 'en';

/**
 * WXTOKEN_LANG when set (one command's choice); else the language chosen in the settings, as the app shows it;
 * else (`system`) LC_ALL or LANG. zh when the winner starts with "zh", else en.
 */
export function cliLanguage(env: NodeJS.ProcessEnv, saved?: Language): CliLang {
  if (!env.WXTOKEN_LANG && (saved === 'zh-CN' || saved === 'en')) return saved === 'zh-CN' ? 'zh' : 'en';
  const chosen = env.WXTOKEN_LANG || env.LC_ALL || env.LANG || '';
  return chosen.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The language in `settings.json`, read without opening the core; anything unreadable counts as `system`. */
export function savedLanguage(env: NodeJS.ProcessEnv): Language | undefined {
  try {
    const language = (JSON.parse(readFileSync(join(dataHome(env), 'settings.json'), 'utf8')) as { language?: unknown }).language;
    return language === 'zh-CN' || language === 'en' ? language : undefined;
  } catch {
    return undefined;
  }
}

export function pick(lang: CliLang, text: Localized): string {
  return lang === 'zh' ? text.zh : text.en;
}

/** Shorthand for a message written inline in both languages. */
export const L = (zh: string, en: string): Localized => ({ zh, en });
