/** The UI's own wording in either language, so locators name elements the way the user sees them. */
import { translator, type Translate, type UiLang } from '../../../src/renderer/i18n';

export type { UiLang } from '../../../src/renderer/i18n';
export const textsFor = (lang: UiLang): Translate => translator(lang);

/** A RegExp that matches `text` literally. */
export const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
