/** The loopback server's own messages: the caller's language, else the settings', else (system) the server's LANG. */
import { describe, expect, it } from 'vitest';
import { answerLanguage } from '../../../src/main/server/answer-language';
import { DEFAULT_SETTINGS, type Language } from '../../../src/shared/models';
import { ok } from '../../../src/shared/result';

const settings = (language: Language) => async () => ok({ ...DEFAULT_SETTINGS, language });

describe('answerLanguage', () => {
  it('follows LANG (or WXTOKEN_LANG, LC_ALL) when the settings say system, and is not Chinese by default', async () => {
    expect(await answerLanguage(undefined, settings('system'), { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(await answerLanguage(undefined, settings('system'), {})).toBe('en');
    expect(await answerLanguage(undefined, settings('system'), { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(await answerLanguage(undefined, settings('system'), { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' })).toBe('en');
    expect(await answerLanguage(undefined, settings('system'), { LANG: 'en_US.UTF-8', WXTOKEN_LANG: 'zh' })).toBe('zh');
  });

  it('takes the settings over LANG, and an Accept-Language of zh or en over both', async () => {
    expect(await answerLanguage(undefined, settings('zh-CN'), { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(await answerLanguage(undefined, settings('en'), { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(await answerLanguage('en-US,en;q=0.9', settings('zh-CN'), {})).toBe('en');
    expect(await answerLanguage('zh-CN', settings('en'), {})).toBe('zh');
    expect(await answerLanguage('de-DE', settings('zh-CN'), {})).toBe('zh');
  });

  it('falls back to LANG when the settings cannot be read', async () => {
    expect(await answerLanguage(undefined, async () => Promise.reject(new Error('x')), { LANG: 'zh_CN' })).toBe('zh');
  });
});
