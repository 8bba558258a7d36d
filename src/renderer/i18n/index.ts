/** The UI languages: zh-CN first (most users read it first) and English, with the same keys. */
import type { UiLanguage } from '../../shared/models';
import { fill } from '../lib/format';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';
export type UiLang = UiLanguage;

export const dictionaries: Record<UiLang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: UiLang): Translate {
  const dict = dictionaries[lang];
  return (key, params) => fill(dict[key], params);
}
