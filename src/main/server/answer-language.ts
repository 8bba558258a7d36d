/**
 * The language of the loopback server's own messages: what the caller asks for first (`Accept-Language`
 * starting with zh or en), else the language chosen in the settings, else (`system`) the server's
 * WXTOKEN_LANG, LC_ALL or LANG — as the CLI decides it.
 */
import type { Settings } from '../../shared/models';
import type { Result } from '../../shared/result';

export type AnswerLang = 'zh' | 'en';

export async function answerLanguage(
  acceptLanguage: string | undefined,
  settings: () => Promise<Result<Settings>>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AnswerLang> {
  const asked = /^\s*(zh|en)\b/i.exec(acceptLanguage ?? '')?.[1]?.toLowerCase();
  if (asked === 'zh' || asked === 'en') return asked;
  const saved = await settings().then((s) => (s.ok ? s.value.language : 'system'), () => 'system' as const);
  if (saved === 'zh-CN') return 'zh';
  if (saved === 'en') return 'en';
  return (env.WXTOKEN_LANG || env.LC_ALL || env.LANG || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
