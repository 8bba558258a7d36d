/** The UI languages: zh-CN first (most users read it first) and English, with the same keys. */
import type { Language } from '../../shared/models';
import type { Localized } from '../../shared/result';
import { localize } from '../../shared/errors';
import { fill } from '../lib/format';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';
export type UiLang = 'zh-CN' | 'en';

export const dictionaries: Record<UiLang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** `system` follows the OS language: any Chinese locale gets zh-CN, everything else English. */
export function resolveLanguage(setting: Language, systemLanguage: string | undefined): UiLang {
  if (setting !== 'system') return setting;
  return /^zh\b/i.test(systemLanguage ?? '') ? 'zh-CN' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: UiLang): Translate {
  const dict = dictionaries[lang];
  return (key, params) => fill(dict[key], params);
}

export function pick(text: Localized, lang: UiLang): string {
  return localize(text, lang);
}
