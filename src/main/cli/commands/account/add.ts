import { appError } from '../../../../shared/errors/errors';
import { AppFailure } from '../../../../shared/result';
import { parseInput } from '../../../../shared/contract';
import { appidProblem } from '../../../../shared/schemas';
import { L } from '../../lang';
import { readSecret } from '../../secret-input';
import { arg, stringValue, UsageFailure, type CommandSpec } from '../../spec';
import { accountFieldOptions } from './options';
import { checkRedisExists, readHeaderValue, secretWanted, sourceFrom, sourceOptions } from './source';

export const accountAdd: CommandSpec = {
  name: 'account add',
  usage:
    'wxtoken account add NAME --appid ID [--kind oa|mp|wecom] [--mode stable|classic] [--api-base URL] [--proxy URL] [--note TEXT] [--share REDIS [--agentid ID] | --observe REDIS --format F [--key TEMPLATE] | --observe-url URL [--header NAME] | --paste]',
  summary: L(
    '添加账号。AppSecret 从标准输入读取（管道），或在终端中不回显地输入；不接受命令行参数，保存在系统钥匙串中。',
    'Add an account. The AppSecret is read from stdin when piped, or typed at a no-echo prompt; never an argument. It is kept in the OS keychain.',
  ),
  positionals: ['NAME'],
  options: { ...accountFieldOptions, ...sourceOptions },
  async run(ctx, parsed) {
    const appid = stringValue(parsed, 'appid');
    if (appid === undefined) throw new UsageFailure(L('缺少 --appid', 'missing --appid'), accountAdd);
    const source = sourceFrom(parsed, accountAdd) ?? undefined;
    const account = defined({
      name: arg(parsed, 'NAME'),
      appid,
      kind: stringValue(parsed, 'kind'),
      mode: stringValue(parsed, 'mode'),
      apiBase: stringValue(parsed, 'api-base'),
      proxy: stringValue(parsed, 'proxy'),
      note: stringValue(parsed, 'note'),
      source,
    });
    // Check what can be checked before asking for the secret, so nobody types it in vain.
    const shape = parseInput('addAccount', { account, secret: 'placeholder' });
    if (!shape.ok) throw new AppFailure(shape.error);
    const problem = appidProblem(shape.value.account.kind ?? 'oa', shape.value.account.appid);
    if (problem) throw new AppFailure(appError('validation', { field: 'appid', message: L(`输入无效：${problem}`, `Invalid input: ${problem}`) }));
    const existing = await ctx.call('listAccounts', {});
    // One without its secret may be what an add cut off half-way left: the core completes it if it matches.
    if (existing.some((a) => a.name === shape.value.account.name && a.hasSecret !== false)) throw new AppFailure(appError('conflict'));

    await checkRedisExists(ctx, source);

    const header = source?.type === 'observe-url' ? source.header : undefined;
    const headerValue = header ? await readHeaderValue(ctx, accountAdd, header) : undefined;
    const wanted = secretWanted(source);
    const secret = wanted === 'required' ? await readSecret(ctx, accountAdd, shape.value.account.name) : headerValue ? undefined : await readOptionalSecret(ctx, wanted === 'optional');
    const added = await ctx.call('addAccount', { account: shape.value.account, ...(secret ? { secret } : {}) });
    if (headerValue) await ctx.call('setObserveHeader', { name: added.name, value: headerValue });
    ctx.say(
      secret
        ? L(
            `已添加账号 ${added.name}（${added.kind}，${added.appid}，${added.mode}），AppSecret 已保存到系统钥匙串`,
            `Added account ${added.name} (${added.kind}, ${added.appid}, ${added.mode}); the AppSecret is in the OS keychain`,
          )
        : L(`已添加账号 ${added.name}（${added.kind}，${added.appid}），没有 AppSecret`, `Added account ${added.name} (${added.kind}, ${added.appid}) without an AppSecret`),
    );
    if (source?.type === 'observe' || source?.type === 'observe-url' || source?.type === 'paste') {
      ctx.note(L('wxtoken 不会为这个账号向微信获取 token', 'wxtoken never fetches a token from WeChat for this account'));
    }
    return 0;
  },
};

/** Leaves out the options that were not given, so the core's defaults apply. */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A secret the account can do without: whatever is piped on stdin (empty = none); on a terminal, asked for only if `ask`. */
async function readOptionalSecret(ctx: Parameters<CommandSpec['run']>[0], ask: boolean): Promise<string | undefined> {
  if (ctx.io.stdinIsTTY) {
    if (!ask) return undefined;
    const typed = await ctx.io.promptHidden(ctx.t(L('AppSecret（输入时不显示；没有就直接回车，读取团队的 token）：', "AppSecret (not shown as you type; Enter for none: read the team's token): ")));
    if (typed === undefined) throw new AppFailure(appError('cancelled'));
    return typed || undefined;
  }
  const text = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  return text || undefined;
}
