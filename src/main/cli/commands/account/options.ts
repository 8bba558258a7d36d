/** Options shared by `account add` and `account edit`, and lookups both need. */
import { appError, withDetail } from '../../../../shared/errors/errors';
import { ACCOUNT_KINDS, TOKEN_MODES, type AccountView } from '../../../../shared/models';
import { AppFailure } from '../../../../shared/result';
import type { Context } from '../../context';
import { L } from '../../lang';
import type { OptionSpec } from '../../spec';

export const accountFieldOptions: Record<string, OptionSpec> = {
  appid: { type: 'string', arg: 'ID', help: L('AppID（企业微信为 corpid）', 'the AppID (the corpid for WeCom)') },
  kind: { type: 'string', arg: 'oa|mp|wecom', values: ACCOUNT_KINDS, help: L('账号类型：公众号 oa（默认）、小程序 mp、企业微信 wecom', 'account kind: Official Account oa (default), Mini Program mp, WeCom wecom') },
  mode: {
    type: 'string',
    arg: 'stable|classic',
    values: TOKEN_MODES,
    help: L('获取方式：stable（默认，不影响其他调用方）或 classic（会让旧 token 5 分钟后失效）', 'how tokens are fetched: stable (default, safe alongside other callers) or classic (the previous token dies 5 minutes later)'),
  },
  'api-base': { type: 'string', arg: 'URL', help: L('API 地址，如 https://api2.weixin.qq.com 或你的反向代理', 'API base URL, e.g. https://api2.weixin.qq.com or your reverse proxy') },
  proxy: { type: 'string', arg: 'URL', help: L('HTTP(S) 代理地址', 'HTTP(S) proxy URL') },
  note: { type: 'string', arg: 'TEXT', help: L('备注', 'a note') },
};

export const jsonOption: OptionSpec = { type: 'boolean', help: L('输出 JSON', 'print JSON') };
export const yesOption: OptionSpec = { type: 'boolean', short: 'y', help: L('不询问，直接执行', 'do not ask for confirmation') };

export async function findAccount(ctx: Context, name: string): Promise<AccountView> {
  const accounts = await ctx.call('listAccounts', {});
  const found = accounts.find((a) => a.name === name.trim());
  if (!found) throw new AppFailure(appError('not_found', { message: withDetail(appError('not_found').message, name) }));
  return found;
}
