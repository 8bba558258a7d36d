/** `wxtoken push NAME --history`: the account's earlier pushes, newest first (kept by the core across restarts). */
import type { Context } from '../../context';
import { iso, json } from '../../output/format';
import { L } from '../../lang';
import { arg, flag, stringValue, UsageFailure, type CommandSpec, type ParsedArgs } from '../../spec';
import { pushHistoryJson } from './toolbox-json';

const PUSH_ONLY = ['to', 'text', 'event', 'key', 'mode', 'from', 'to-user'];

export async function runPushHistory(ctx: Context, parsed: ParsedArgs, spec: CommandSpec): Promise<number> {
  const extra = [...PUSH_ONLY.filter((k) => stringValue(parsed, k) !== undefined), ...(flag(parsed, 'verify') ? ['verify'] : [])];
  if (extra.length) throw new UsageFailure(L(`--history 只列出推送，不能和 --${extra[0]} 一起使用`, `--history only lists pushes: leave out --${extra[0]}`), spec);
  const entries = await ctx.call('listPushHistory', { name: arg(parsed, 'NAME') });
  if (flag(parsed, 'json')) {
    ctx.io.out(json(entries.map(pushHistoryJson)));
    return 0;
  }
  if (!entries.length) {
    ctx.note(L('还没有推送记录', 'No pushes yet'));
    return 0;
  }
  for (const e of entries) {
    const what = e.what === 'event' ? `event ${e.event ?? ''}`.trim() : e.what;
    const r = e.report.request;
    ctx.io.out(`${iso(e.at)}  ${e.report.passed ? '✓' : '✗'}  ${what}${e.mode ? ` (${e.mode})` : ''}  ${r.method} ${r.url.split('?')[0]}  ${ctx.t(e.report.verdict)}\n`);
  }
  return 0;
}
