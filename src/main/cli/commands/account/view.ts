import { readOnlySource, type AccountView, type TokenStatus } from '../../../../shared/models';
import type { Context } from '../../context';
import { duration, fields, json, localTime, table } from '../../output/format';
import { accountJson, tokenStatusJson } from '../../output/json-views';
import { L } from '../../lang';
import { arg, flag, type CommandSpec } from '../../spec';
import { findAccount, jsonOption } from './options';
import { originText, sourceBrief, sourceText, sourceWhere } from '../../output/source-text';

export const accountList: CommandSpec = {
  name: 'account list',
  usage: 'wxtoken account list [--json]',
  summary: L('列出账号（不含 AppSecret）', 'List the accounts (never their AppSecrets)'),
  positionals: [],
  options: { json: jsonOption },
  async run(ctx, parsed) {
    const accounts = await ctx.call('listAccounts', {});
    if (flag(parsed, 'json')) {
      ctx.io.out(json(accounts.map((a) => ({ ...accountJson(a), token_source: sourceWhere(a) }))));
      return 0;
    }
    if (accounts.length === 0) {
      ctx.note(L('还没有账号：用 `wxtoken account add NAME --appid ID` 添加', 'No accounts yet: add one with `wxtoken account add NAME --appid ID`'));
      return 0;
    }
    const head = [L('名称', 'NAME'), L('类型', 'KIND'), L('AppID', 'APPID'), L('方式', 'MODE'), L('密钥', 'SECRET'), L('token 来源', 'TOKEN SOURCE'), L('API 地址', 'API BASE')].map((h) => ctx.t(h));
    const yes = ctx.t(L('已保存', 'stored'));
    const no = ctx.t(L('缺失', 'missing'));
    // An observed or pasted token is never fetched: no fetch mode to show.
    const rows = accounts.map((a) => [a.name, a.kind, a.appid, a.kind === 'wecom' || readOnlySource(a.source) ? '-' : a.mode, a.hasSecret === null ? '?' : a.hasSecret ? yes : no, ctx.t(sourceBrief(a)), a.apiBase]);
    ctx.say(table([head, ...rows]));
    return 0;
  },
};

export const accountShow: CommandSpec = {
  name: 'account show',
  usage: 'wxtoken account show NAME [--json]',
  summary: L('查看一个账号及其 token 状态（token 只显示掩码）', 'Show one account and its token status (the token masked)'),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: { json: jsonOption },
  async run(ctx, parsed) {
    const account = await findAccount(ctx, arg(parsed, 'NAME'));
    const token = await ctx.call('tokenStatus', { name: account.name });
    if (flag(parsed, 'json')) {
      ctx.io.out(json({ ...accountJson(account), token: tokenStatusJson(token) }));
      return 0;
    }
    ctx.say(showText(ctx, account, token));
    return 0;
  },
};

function showText(ctx: Context, a: AccountView, token: TokenStatus): string {
  const t = (zh: string, en: string) => ctx.t(L(zh, en));
  const left = token.expiresAt !== undefined ? Math.floor((token.expiresAt - Date.now()) / 1000) : undefined;
  return fields([
    [t('名称', 'name'), a.name],
    [t('类型', 'kind'), a.kind],
    [a.kind === 'wecom' ? 'corpid' : 'AppID', a.appid],
    [t('获取方式', 'mode'), a.kind === 'wecom' ? 'wecom' : a.mode],
    [t('token 来源', 'token source'), ctx.t(sourceText(a.source))],
    [t('API 地址', 'API base'), a.apiBase],
    [t('代理', 'proxy'), a.proxy],
    [t('备注', 'note'), a.note],
    ['AppSecret', a.hasSecret === null ? t('未知（钥匙串不可用）', 'unknown (keychain unavailable)') : a.hasSecret ? t('已保存在系统钥匙串', 'stored in the OS keychain') : t('缺失', 'missing')],
    [t('创建时间', 'created'), a.createdAt],
    ['token', `${token.state}${token.masked ? `  ${token.masked}` : ''}`],
    [t('过期时间', 'expires'), token.expiresAt !== undefined ? `${localTime(token.expiresAt)} (${left! > 0 ? t(`剩余 ${duration(left!)}`, `${duration(left!)} left`) : t('已过期', 'expired')})` : undefined],
    [t('token 出处', 'token from'), token.origin ? ctx.t(originText(token.origin)) : undefined],
    [t('获取时间', 'fetched'), token.fetchedAt !== undefined ? localTime(token.fetchedAt) : undefined],
    [t('强制刷新', 'force refreshes'), token.forceLeft !== undefined ? t(`今日剩余 ${token.forceLeft} 次`, `${token.forceLeft} left today`) : undefined],
    [t('获取已暂停', 'fetching paused'), token.fetchBlocked ? t('是（45009），用 `wxtoken resume` 恢复', 'yes (45009): `wxtoken resume` turns it back on') : undefined],
    [t('上次错误', 'last error'), token.lastError ? ctx.t(token.lastError.message) : undefined],
  ]);
}
