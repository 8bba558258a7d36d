import { describe, expect, it } from 'vitest';
import { appError, wechatError } from '../../../src/shared/errors/errors';
import { EXIT_FAILURE, EXIT_KEYCHAIN, EXIT_NETWORK, EXIT_USAGE, EXIT_WECHAT, exitCodeFor } from '../../../src/main/cli/exit-codes';
import { cliLanguage } from '../../../src/main/cli/lang';
import { formatError } from '../../../src/main/cli/output/report';

describe('CLI error report', () => {
  it('shows the errcode, its meaning, the caller IP, the rid and the next step', () => {
    const error = wechatError(40164, 'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 65f0a1b2-1c2d3e4f-5a6b7c8d');
    const en = formatError(error, 'en');
    expect(en).toContain('[wechat 40164]');
    expect(en).toContain('caller IP: 203.0.113.7');
    expect(en).toContain('65f0a1b2-1c2d3e4f-5a6b7c8d');
    expect(en).toContain('IP whitelist');
    const zh = formatError(error, 'zh');
    expect(zh).toContain('调用方 IP：203.0.113.7');
    expect(zh).toContain('白名单');
  });

  it('maps each kind of failure to its documented exit code', () => {
    expect(exitCodeFor(appError('validation'))).toBe(EXIT_USAGE);
    expect(exitCodeFor(appError('conflict'))).toBe(EXIT_USAGE);
    expect(exitCodeFor(wechatError(40013))).toBe(EXIT_WECHAT);
    expect(exitCodeFor(appError('fetch_blocked'))).toBe(EXIT_WECHAT);
    for (const code of ['network', 'timeout', 'bad_response', 'truncated', 'http_status'] as const) expect(exitCodeFor(appError(code))).toBe(EXIT_NETWORK);
    expect(exitCodeFor(appError('keychain_unavailable'))).toBe(EXIT_KEYCHAIN);
    expect(exitCodeFor(appError('secret_missing'))).toBe(EXIT_KEYCHAIN);
    expect(exitCodeFor(appError('not_found'))).toBe(EXIT_USAGE); // no such account: a mistake in the command
    expect(exitCodeFor(appError('internal'))).toBe(EXIT_FAILURE);
  });

  it('speaks zh when WXTOKEN_LANG, LC_ALL or LANG says so, in that order', () => {
    expect(cliLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(cliLanguage({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(cliLanguage({ WXTOKEN_LANG: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en');
    // The settings' language wins over LANG (not over WXTOKEN_LANG); `system` leaves it to LANG.
    expect(cliLanguage({ LANG: 'en_US.UTF-8' }, 'zh-CN')).toBe('zh');
    expect(cliLanguage({ LANG: 'zh_CN.UTF-8' }, 'en')).toBe('en');
    expect(cliLanguage({ LANG: 'zh_CN.UTF-8' }, 'system')).toBe('zh');
    expect(cliLanguage({ WXTOKEN_LANG: 'en' }, 'zh-CN')).toBe('en');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage({})).toBe('en');
  });
});
