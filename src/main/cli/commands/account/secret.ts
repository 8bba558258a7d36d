import { EXIT_FAILURE } from '../../exit-codes';
import { L } from '../../lang';
import { confirm, readSecret } from '../../secret-input';
import { arg, flag, UsageFailure, type CommandSpec } from '../../spec';
import { findAccount, yesOption } from './options';

export const accountSetSecret: CommandSpec = {
  name: 'account set-secret',
  usage: 'wxtoken account set-secret NAME',
  summary: L(
    '更换账号的 AppSecret：从标准输入读取（管道），或在终端中不回显地输入。',
    "Replace an account's AppSecret: read from stdin when piped, or typed at a no-echo prompt.",
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {},
  async run(ctx, parsed) {
    const account = await findAccount(ctx, arg(parsed, 'NAME'));
    const secret = await readSecret(ctx, accountSetSecret, account.name);
    await ctx.call('setSecret', { name: account.name, secret });
    ctx.say(L(`已把 ${account.name} 的 AppSecret 保存到系统钥匙串`, `Stored the AppSecret for ${account.name} in the OS keychain`));
    return 0;
  },
};

export const accountRemove: CommandSpec = {
  name: 'account remove',
  usage: 'wxtoken account remove NAME [--yes]',
  summary: L(
    '删除账号，连同它在钥匙串中的 AppSecret、缓存的 token 和请求历史。在终端中会先确认；非终端环境必须加 --yes。',
    'Remove an account together with its AppSecret in the keychain, its cached token and its request history. Asks first on a terminal; elsewhere --yes is required.',
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: { yes: yesOption },
  async run(ctx, parsed) {
    const account = await findAccount(ctx, arg(parsed, 'NAME'));
    const what = L(
      `账号 ${account.name} 的 AppSecret（系统钥匙串）、缓存的 token 和请求历史将一并删除。`,
      `The AppSecret of ${account.name} (in the OS keychain), its cached token and its request history go with it.`,
    );
    if (!flag(parsed, 'yes')) {
      if (!ctx.io.stdinIsTTY) {
        throw new UsageFailure(L(`没有终端，无法确认。${what.zh}确定要删除请加 --yes`, `cannot ask for confirmation without a terminal. ${what.en} Add --yes to remove it`), accountRemove);
      }
      ctx.note(what);
      if (!(await confirm(ctx, ctx.t(L(`删除账号 ${account.name}？`, `Remove account ${account.name}?`))))) {
        ctx.note(L('未删除', 'Not removed'));
        return EXIT_FAILURE;
      }
    }
    await ctx.call('removeAccount', { name: account.name });
    ctx.say(L(`已删除账号 ${account.name}，以及它的 AppSecret、缓存的 token 和请求历史`, `Removed account ${account.name}, with its AppSecret, cached token and request history`));
    return 0;
  },
};
