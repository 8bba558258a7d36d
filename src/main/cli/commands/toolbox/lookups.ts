/** `wxtoken rid`, `wxtoken quota` and `wxtoken clear-quota`: WeChat's own diagnosis and quota endpoints. */
import { EXIT_FAILURE } from '../../exit-codes';
import { fields, json, localTime } from '../../output/format';
import { L } from '../../lang';
import { confirm } from '../../secret-input';
import { arg, flag, UsageFailure, type CommandSpec } from '../../spec';
import { jsonOption, yesOption } from '../account/options';
import { quotaJson, ridJson } from './toolbox-json';

export const ridCommand: CommandSpec = {
  name: 'rid',
  usage: 'wxtoken rid NAME RID [--json]',
  summary: L(
    '按错误信息里的 rid 查询微信收到的请求：调用时间、耗时、请求 URL（token 已遮盖）、请求和响应内容、调用方 IP。rid 保留 7 天，只能查本账号的调用。',
    "Look up what WeChat received for an error's rid: call time, cost, request URL (token masked), request and response bodies, client IP. Rids last 7 days and only this account's calls can be looked up.",
  ),
  positionals: ['NAME', 'RID'],
  complete: { NAME: 'account' },
  options: { json: jsonOption },
  async run(ctx, parsed) {
    const info = await ctx.call('lookUpRid', { name: arg(parsed, 'NAME'), rid: arg(parsed, 'RID') });
    if (flag(parsed, 'json')) {
      ctx.io.out(json(ridJson(info)));
      return 0;
    }
    ctx.say(fields([
      [ctx.t(L('调用时间', 'invoked at')), localTime(info.invokeTime * 1000)],
      [ctx.t(L('耗时', 'cost')), `${info.costMs} ms`],
      [ctx.t(L('请求 URL', 'request URL')), info.requestUrl],
      [ctx.t(L('调用方 IP', 'client IP')), info.clientIp],
      [ctx.t(L('请求内容', 'request body')), info.requestBody || '—'],
      [ctx.t(L('响应内容', 'response body')), info.responseBody || '—'],
    ]));
    return 0;
  },
};

export const quotaCommand: CommandSpec = {
  name: 'quota',
  usage: 'wxtoken quota NAME CGI_PATH [--json]',
  summary: L('查询一个接口今天的调用额度：上限、已用、剩余（openapi/quota/get）。', "Show an API's daily quota: limit, used, remaining (openapi/quota/get)."),
  positionals: ['NAME', 'CGI_PATH'],
  complete: { NAME: 'account' },
  options: { json: jsonOption },
  async run(ctx, parsed) {
    const quota = await ctx.call('getQuota', { name: arg(parsed, 'NAME'), cgiPath: arg(parsed, 'CGI_PATH') });
    if (flag(parsed, 'json')) ctx.io.out(json(quotaJson(quota)));
    else {
      ctx.say(fields([
        ['cgi_path', quota.cgiPath],
        [ctx.t(L('每日上限', 'daily limit')), String(quota.dailyLimit)],
        [ctx.t(L('已用', 'used')), String(quota.used)],
        [ctx.t(L('剩余', 'remaining')), String(quota.remain)],
      ]));
    }
    return 0;
  },
};

const RESET_WARNING = L(
  'clear_quota 会把这个账号所有接口今天的调用次数清零，并用掉每月 10 次清零机会中的 1 次。',
  "clear_quota resets today's call counts of every API of this account, and uses one of the account's 10 resets a month.",
);

export const clearQuotaCommand: CommandSpec = {
  name: 'clear-quota',
  usage: 'wxtoken clear-quota NAME [--v2] [--yes]',
  summary: L(
    '清零账号今天的接口调用次数（每月 10 次）；清零后恢复因 45009 暂停的 token 获取。token 额度本身用完时加 --v2（clear_quota/v2，用钥匙串里的 AppSecret）。',
    "Reset the account's daily API counts (10 times a month); fetching paused by 45009 resumes. When the token quota itself is spent, add --v2 (clear_quota/v2, with the stored AppSecret).",
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {
    v2: { type: 'boolean', help: L('调用 clear_quota/v2，用钥匙串里的 AppSecret（不需要 token）', 'call clear_quota/v2 with the AppSecret from the keychain (no token needed)') },
    yes: yesOption,
  },
  async run(ctx, parsed) {
    const name = arg(parsed, 'NAME');
    const yes = flag(parsed, 'yes');
    if (!yes && !ctx.io.stdinIsTTY) {
      throw new UsageFailure(L(`没有终端，无法确认。${RESET_WARNING.zh}确定要清零请加 --yes`, `cannot ask for confirmation without a terminal. ${RESET_WARNING.en} Add --yes to go ahead`), clearQuotaCommand);
    }
    ctx.note(L(`警告：${RESET_WARNING.zh}`, `Warning: ${RESET_WARNING.en}`));
    if (!yes && !(await confirm(ctx, ctx.t(L('继续？', 'Go ahead?'))))) {
      ctx.note(L('未清零', 'Nothing was reset'));
      return EXIT_FAILURE;
    }
    await ctx.call('clearQuota', { name, confirm: true, ...(flag(parsed, 'v2') ? { withSecret: true } : {}) });
    ctx.say(L(`已清零 ${name} 今天的调用次数`, `Reset today's call counts of ${name}`));
    return 0;
  },
};
