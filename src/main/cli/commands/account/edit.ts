import type { AccountPatch } from '../../../../shared/models';
import { L } from '../../lang';
import { arg, flag, stringValue, UsageFailure, type CommandSpec } from '../../spec';
import { defined } from './add';
import { accountFieldOptions, findAccount } from './options';
import { checkRedisExists, localOption, noShareOption, readHeaderValue, sourceFrom, sourceOptions } from './source';

export const accountEdit: CommandSpec = {
  name: 'account edit',
  usage: 'wxtoken account edit NAME [--appid ID] [--kind oa|mp|wecom] [--mode stable|classic] [--api-base URL] [--proxy URL|--no-proxy] [--note TEXT|--no-note] [--rename NEW] [--share REDIS [--agentid ID]|--no-share | --observe REDIS --format F [--key T] | --observe-url URL | --paste | --local]',
  summary: L(
    '修改账号。更换 AppID、API 地址或获取方式后，旧的缓存 token 不再使用。AppSecret 用 `account set-secret` 修改。',
    'Change an account. After a new AppID, API base or mode the old cached token is no longer used. Change the AppSecret with `account set-secret`.',
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {
    ...accountFieldOptions,
    'no-proxy': { type: 'boolean', help: L('不再使用代理', 'stop using a proxy') },
    'no-note': { type: 'boolean', help: L('删除备注', 'remove the note') },
    rename: { type: 'string', arg: 'NEW', help: L('改名', 'rename the account') },
    ...sourceOptions,
    'no-share': noShareOption,
    local: localOption,
  },
  async run(ctx, parsed) {
    const name = arg(parsed, 'NAME');
    for (const field of ['proxy', 'note']) {
      if (stringValue(parsed, field) !== undefined && flag(parsed, `no-${field}`)) {
        throw new UsageFailure(L(`--${field} 和 --no-${field} 不能同时使用`, `--${field} and --no-${field} cannot be used together`), accountEdit);
      }
    }
    const patch: AccountPatch = defined({
      name: stringValue(parsed, 'rename'),
      appid: stringValue(parsed, 'appid'),
      kind: stringValue(parsed, 'kind') as AccountPatch['kind'],
      mode: stringValue(parsed, 'mode') as AccountPatch['mode'],
      apiBase: stringValue(parsed, 'api-base'),
      proxy: flag(parsed, 'no-proxy') ? null : stringValue(parsed, 'proxy'),
      note: flag(parsed, 'no-note') ? null : stringValue(parsed, 'note'),
      source: sourceFrom(parsed, accountEdit),
    });
    if (Object.keys(patch).length === 0) throw new UsageFailure(L('没有要修改的内容', 'nothing to change: give at least one option'), accountEdit);
    await findAccount(ctx, name);
    await checkRedisExists(ctx, patch.source);
    const header = patch.source?.type === 'observe-url' ? patch.source.header : undefined;
    const headerValue = header ? await readHeaderValue(ctx, accountEdit, header) : undefined;
    const edited = await ctx.call('editAccount', { name, patch });
    if (headerValue) await ctx.call('setObserveHeader', { name: edited.name, value: headerValue });
    ctx.say(L(`已更新账号 ${edited.name}`, `Updated account ${edited.name}`));
    return 0;
  },
};
