import { describe, expect, it } from 'vitest';
import { dictionaries, translator } from '../../../src/renderer/i18n';
import { resolveLanguage } from '../../../src/shared/models';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('renderer i18n', () => {
  const zh = dictionaries['zh-CN'];
  const en = dictionaries.en;

  it('has the same keys in zh-CN and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('translates every string (none empty, none left identical by mistake in prose)', () => {
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), key).not.toBe('');
      expect(en[key as keyof typeof en].trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('follows the OS language unless the user picked one', () => {
    expect(resolveLanguage('system', 'zh-CN')).toBe('zh-CN');
    expect(resolveLanguage('system', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('system', 'en-US')).toBe('en');
    expect(resolveLanguage('system', 'de')).toBe('en');
    expect(resolveLanguage('system', undefined)).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('fills parameters', () => {
    expect(translator('zh-CN')('token.copiedClears', { seconds: 30 })).toBe('已复制 token，30 秒后自动清空剪贴板');
    expect(translator('en')('force.left', { left: 7 })).toBe('7 left today');
  });
});
