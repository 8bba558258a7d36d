import { EXIT_FAILURE } from '../exit-codes';
import { json } from '../output/format';
import { tokenJson, tokenStatusJson } from '../output/json-views';
import { appError } from '../../../shared/errors/errors';
import { AppFailure } from '../../../shared/result';
import type { Context } from '../context';
import { L } from '../lang';
import { confirm } from '../secret-input';
import { arg, flag, stringValue, UsageFailure, type CommandSpec, type ParsedArgs } from '../spec';
import { jsonOption, yesOption } from './account/options';

export const tokenCommand: CommandSpec = {
  name: 'token',
  usage: 'wxtoken token NAME [--refresh|--force [--yes]|--set [--expires-in S]] [--json]',
  summary: L(
    '输出一个有效的 access_token（优先用缓存），便于 `$(wxtoken token NAME)`。--json 输出过期时间等信息。',
    'Print a valid access_token (from the cache when it can), so `$(wxtoken token NAME)` works. --json adds its expiry and origin.',
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {
    refresh: { type: 'boolean', help: L('向微信重新获取（stable 安全；classic 只在快过期时才真正获取）', 'ask WeChat again (safe for stable; classic only fetches once the token is due)') },
    force: {
      type: 'boolean',
      help: L(
        '强制换新 token：classic 会让旧 token 5 分钟后失效（终端中先确认，非终端环境必须加 --yes）；stable 每天最多 20 次',
        'force a new token: classic kills the previous one 5 minutes later (asks first on a terminal; elsewhere --yes is required); stable allows 20 a day',
      ),
    },
    yes: yesOption,
    json: jsonOption,
    set: { type: 'boolean', help: L('手动设置 token（从标准输入读取），用到过期为止，不会自动重新获取', 'set the token by hand (read from stdin); used until it expires, never refetched by itself') },
    'expires-in': { type: 'string', arg: 'S', help: L('--set 的 token 还能用多少秒（默认 7200）', 'seconds the --set token has left (default 7200)') },
  },
  async run(ctx, parsed) {
    const name = arg(parsed, 'NAME');
    if (flag(parsed, 'set')) return setToken(ctx, parsed, name);
    if (stringValue(parsed, 'expires-in') !== undefined) throw new UsageFailure(L('--expires-in 只用于 --set', '--expires-in goes with --set only'), tokenCommand);
    const force = flag(parsed, 'force');
    const refresh = flag(parsed, 'refresh');
    if (force && refresh) throw new UsageFailure(L('--refresh 和 --force 只能选一个', 'use either --refresh or --force, not both'), tokenCommand);
    const started = Date.now();

    if (force) {
      const { mode } = await ctx.call('tokenStatus', { name });
      if (mode === 'classic') {
        const yes = flag(parsed, 'yes');
        const what = L(
          'classic 模式强制刷新会签发新 token，旧 token（包括正在使用此 AppID 的服务器手中的 token）将在 5 分钟后失效。',
          'A forced classic refresh issues a new token; the previous one (including the one any server using this AppID holds) stops working 5 minutes later.',
        );
        if (!yes && !ctx.io.stdinIsTTY) {
          throw new UsageFailure(L(`没有终端，无法确认。${what.zh}确定要刷新请加 --yes`, `cannot ask for confirmation without a terminal. ${what.en} Add --yes to refresh it`), tokenCommand);
        }
        ctx.note(L(`警告：${what.zh}`, `Warning: ${what.en}`));
        if (!yes && !(await confirm(ctx, ctx.t(L('继续？', 'Go ahead?'))))) {
          ctx.note(L('未刷新', 'Not refreshed'));
          return EXIT_FAILURE;
        }
      }
      const status = await ctx.call('refreshToken', { name, force: true });
      if (status.mode === 'stable' && status.forceLeft !== undefined) {
        ctx.note(L(`stable 强制刷新今日还剩 ${status.forceLeft} 次（每天 20 次，间隔至少 30 秒）`, `${status.forceLeft} stable force refreshes left today (20 a day, at least 30 s apart)`));
      }
    } else if (refresh) {
      await ctx.call('refreshToken', { name });
    }

    const info = await ctx.call('revealToken', { name });
    if (!flag(parsed, 'json')) {
      ctx.io.out(`${info.accessToken}\n`);
      return 0;
    }
    const source = info.fetchedAt >= started ? 'fetch' : info.source;
    ctx.io.out(json(tokenJson(info, source)));
    return 0;
  },
};

/** `token NAME --set`: the token from stdin (or a no-echo prompt), never an argument. */
async function setToken(ctx: Context, parsed: ParsedArgs, name: string): Promise<number> {
  if (flag(parsed, 'refresh') || flag(parsed, 'force')) throw new UsageFailure(L('--set 不能与 --refresh 或 --force 同用', '--set cannot go with --refresh or --force'), tokenCommand);
  const given = stringValue(parsed, 'expires-in');
  const expiresIn = given === undefined ? undefined : Number(given);
  if (expiresIn !== undefined && !(Number.isInteger(expiresIn) && expiresIn > 0 && expiresIn <= 86_400)) {
    throw new UsageFailure(L('--expires-in 应为 1 到 86400 之间的整数秒', '--expires-in must be whole seconds from 1 to 86400'), tokenCommand);
  }
  let token: string | undefined;
  if (ctx.io.stdinIsTTY) {
    token = await ctx.io.promptHidden(ctx.t(L(`${name} 的 access_token（输入时不显示）：`, `access_token for ${name} (not shown as you type): `)));
    if (token === undefined) throw new AppFailure(appError('cancelled'));
  } else {
    token = await ctx.io.readStdin();
  }
  token = token.trim();
  if (!token) throw new UsageFailure(L('token 为空：请通过标准输入传入', 'the token is empty: pipe it on stdin'), tokenCommand);
  const status = await ctx.call('setToken', { name, token, ...(expiresIn !== undefined ? { expiresIn } : {}) });
  if (flag(parsed, 'json')) {
    ctx.io.out(json(tokenStatusJson(status)));
    return 0;
  }
  const left = status.expiresAt !== undefined ? Math.max(0, Math.round((status.expiresAt - Date.now()) / 1000)) : 0;
  ctx.say(L(`已为 ${name} 设置 token（${status.masked ?? ''}），${left} 秒后过期；不会自动重新获取`, `Set the token of ${name} (${status.masked ?? ''}); it expires in ${left} s and is never refetched by itself`));
  return 0;
}

export const resumeCommand: CommandSpec = {
  name: 'resume',
  usage: 'wxtoken resume NAME',
  summary: L(
    '遇到 45009（今日获取次数用完）后，获取会暂停；在微信后台重置配额（clear_quota）或次日后，用它恢复获取。',
    'After 45009 (daily quota used up) fetching is paused; once the quota is reset (clear_quota) or a new day starts, this turns it back on.',
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {},
  async run(ctx, parsed) {
    const status = await ctx.call('resumeFetching', { name: arg(parsed, 'NAME') });
    ctx.say(L(`已恢复 ${status.account} 的 token 获取`, `Fetching tokens for ${status.account} is on again`));
    return 0;
  },
};
