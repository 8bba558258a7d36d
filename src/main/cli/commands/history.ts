import { clip, json, localTime, table } from '../output/format';
import { historyJson } from '../output/json-views';
import { L } from '../lang';
import { arg, flag, type CommandSpec } from '../spec';
import { jsonOption } from './account/options';

// A failed request's STATUS is its error text; long ones are cut so every row keeps its columns (--json has them whole).
const STATUS_WIDTH = 24;
const PATH_WIDTH = 60;

export const historyCommand: CommandSpec = {
  name: 'history',
  usage: 'wxtoken history NAME [--json] [--clear]',
  summary: L(
    '查看账号的请求历史（已去除 token 和密钥），--clear 清空。表格中过长的路径和错误会被截断，--json 输出完整内容。',
    "Show an account's request history (tokens and secrets removed); --clear empties it. Long paths and errors are cut in the table; --json has them whole.",
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: { json: jsonOption, clear: { type: 'boolean', help: L('清空历史', 'empty the history') } },
  async run(ctx, parsed) {
    const name = arg(parsed, 'NAME');
    if (flag(parsed, 'clear')) {
      await ctx.call('clearHistory', { name });
      ctx.say(L(`已清空 ${name} 的请求历史`, `Cleared the request history of ${name}`));
      return 0;
    }
    const entries = await ctx.call('listHistory', { name });
    if (flag(parsed, 'json')) {
      ctx.io.out(json(entries.map(historyJson)));
      return 0;
    }
    if (entries.length === 0) {
      ctx.note(L(`${name} 还没有请求历史`, `No request history for ${name} yet`));
      return 0;
    }
    const head = [L('时间', 'TIME'), L('方法', 'METHOD'), L('路径', 'PATH'), L('状态', 'STATUS'), 'ERRCODE', L('耗时', 'TIME_MS'), L('大小', 'SIZE')].map((h) =>
      typeof h === 'string' ? h : ctx.t(h),
    );
    const rows = entries.map((e) => [
      localTime(e.at),
      e.method,
      clip(e.path + (e.query.length ? `?${e.query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''), PATH_WIDTH),
      e.status !== undefined ? String(e.status) : clip(e.error ?? '-', STATUS_WIDTH),
      e.errcode !== undefined ? String(e.errcode) : '-',
      `${e.timeMs} ms`,
      String(e.size),
    ]);
    ctx.say(table([head, ...rows]));
    return 0;
  },
};
