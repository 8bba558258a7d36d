/** `account add|edit` options that say where the token comes from (issue 8): share, observe, observe-url, paste. */
import type { AccountSource } from '../../../../shared/models';
import { OBSERVE_FORMATS } from '../../../../shared/redis';
import { appError } from '../../../../shared/errors/errors';
import { AppFailure } from '../../../../shared/result';
import type { Context } from '../../context';
import { L } from '../../lang';
import { flag, stringValue, UsageFailure, type CommandSpec, type OptionSpec, type ParsedArgs } from '../../spec';

export const sourceOptions: Record<string, OptionSpec> = {
  share: { type: 'string', arg: 'REDIS', values: 'redis', help: L('通过团队 Redis 共享 token：整个团队只获取一次（无 AppSecret 的成员读取团队的 token）', "share the token through a team Redis: one fetch for the whole team (a member without the AppSecret reads the team's token)") },
  observe: { type: 'string', arg: 'REDIS', values: 'redis', help: L('从生产服务保存 token 的 Redis 读取，从不获取（不需要 AppSecret）', 'read the token production keeps in this Redis; never fetch (no AppSecret needed)') },
  format: { type: 'string', arg: 'F', values: OBSERVE_FORMATS, help: L(`--observe 的格式：${OBSERVE_FORMATS.join(' | ')}`, `the --observe layout: ${OBSERVE_FORMATS.join(' | ')}`) },
  key: { type: 'string', arg: 'TEMPLATE', help: L('--observe 的键模板，可用 {appid} {corpid} {agentid}（覆盖格式的默认键）', "the --observe key template, with {appid} {corpid} {agentid} (overrides the format's default key)") },
  agentid: { type: 'string', arg: 'ID', help: L('企业微信应用的 agentid（--share 与 wxjava-cp 需要）', 'the WeCom app\'s agentid (for --share and wxjava-cp)') },
  'component-appid': { type: 'string', arg: 'ID', help: L('wxjava-open 的第三方平台 AppID', "the third-party platform's AppID for wxjava-open") },
  'observe-url': { type: 'string', arg: 'URL', help: L('从另一个中控服务器的地址读取 token，从不获取', 'read the token from another central-control server at this URL; never fetch') },
  header: { type: 'string', arg: 'NAME', help: L('--observe-url 带上的请求头名；值从标准输入读取，保存在钥匙串', 'a header to send with --observe-url; its value is read from stdin and kept in the keychain') },
  paste: { type: 'boolean', help: L('token 手动设置（`wxtoken token NAME --set`），从不获取', 'the token is set by hand (`wxtoken token NAME --set`); never fetched') },
};

/** `account edit` only: back to fetching on this machine. */
export const localOption: OptionSpec = { type: 'boolean', help: L('改回由本机用 AppSecret 获取 token', 'back to fetching the token on this machine with the AppSecret') };
export const noShareOption: OptionSpec = { type: 'boolean', help: L('不再通过 Redis 共享（改回本机获取）', 'stop sharing through Redis (fetch on this machine again)') };

const OBSERVE_ONLY = ['format', 'key', 'component-appid'];

/** The source the options describe: undefined = none given; null = back to local (edit only). */
export function sourceFrom(parsed: ParsedArgs, spec: CommandSpec): AccountSource | null | undefined {
  const share = stringValue(parsed, 'share');
  const observe = stringValue(parsed, 'observe');
  const url = stringValue(parsed, 'observe-url');
  const local = flag(parsed, 'local') || flag(parsed, 'no-share');
  const chosen = [share !== undefined, observe !== undefined, url !== undefined, flag(parsed, 'paste'), local].filter(Boolean).length;
  if (chosen > 1) throw new UsageFailure(L('--share、--observe、--observe-url、--paste、--local 只能选一个', 'use one of --share, --observe, --observe-url, --paste, --local'), spec);
  const stray = OBSERVE_ONLY.find((o) => parsed.values[o] !== undefined);
  if (stray && observe === undefined) throw new UsageFailure(L(`--${stray} 只用于 --observe`, `--${stray} goes with --observe only`), spec);
  if (parsed.values.header !== undefined && url === undefined) throw new UsageFailure(L('--header 只用于 --observe-url', '--header goes with --observe-url only'), spec);
  const agentid = stringValue(parsed, 'agentid');
  if (agentid !== undefined && share === undefined && observe === undefined) throw new UsageFailure(L('--agentid 只用于 --share 或 --observe', '--agentid goes with --share or --observe only'), spec);
  if (share !== undefined) return { type: 'share', redis: share, ...(agentid ? { agentid } : {}) };
  if (url !== undefined) {
    const header = stringValue(parsed, 'header');
    return { type: 'observe-url', url, ...(header ? { header } : {}) };
  }
  if (flag(parsed, 'paste')) return { type: 'paste' };
  if (local) return null;
  if (observe === undefined) return undefined;
  const format = stringValue(parsed, 'format');
  if (format === undefined) throw new UsageFailure(L(`--observe 需要 --format（${OBSERVE_FORMATS.join('、')}）`, `--observe needs --format (${OBSERVE_FORMATS.join(', ')})`), spec);
  const key = stringValue(parsed, 'key');
  const componentAppid = stringValue(parsed, 'component-appid');
  return {
    type: 'observe',
    redis: observe,
    format: format as Extract<AccountSource, { type: 'observe' }>['format'],
    ...(key ? { key } : {}),
    ...(agentid ? { agentid } : {}),
    ...(componentAppid ? { componentAppid } : {}),
  };
}

/** Whether adding an account with this source asks for the AppSecret, and whether it may be empty. */
export function secretWanted(source: AccountSource | undefined): 'required' | 'optional' | 'none' {
  if (!source) return 'required';
  if (source.type === 'observe') return source.format.startsWith('easywechat') ? 'required' : 'none';
  if (source.type === 'share') return 'optional';
  return 'none';
}

/** The Redis a source names must be a saved connection: said before anything is asked or saved. */
export async function checkRedisExists(ctx: Context, source: AccountSource | null | undefined): Promise<void> {
  if (!source || (source.type !== 'share' && source.type !== 'observe')) return;
  const list = await ctx.call('listRedis', {});
  if (!list.some((c) => c.name === source.redis)) {
    throw new AppFailure(
      appError('not_found', {
        message: L(`没有 Redis 连接 ${source.redis}`, `No Redis connection named ${source.redis}`),
        next: L('先用 `wxtoken redis add NAME --url …` 添加', 'Add it first with `wxtoken redis add NAME --url …`'),
      }),
    );
  }
}

/** The value of `--header` (stdin, or a no-echo prompt): never an argument, kept in the keychain. */
export async function readHeaderValue(ctx: Context, spec: CommandSpec, header: string): Promise<string> {
  let value: string | undefined;
  if (ctx.io.stdinIsTTY) {
    value = await ctx.io.promptHidden(ctx.t(L(`请求头 ${header} 的值（输入时不显示）：`, `Value of the header ${header} (not shown as you type): `)));
    if (value === undefined) throw new AppFailure(appError('cancelled'));
  } else {
    value = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  }
  if (!value || /[\r\n]/.test(value)) throw new UsageFailure(L(`请求头 ${header} 的值应为一行，从标准输入传入`, `the value of the header ${header} must be one line on stdin`), spec);
  return value;
}
