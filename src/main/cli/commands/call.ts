import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { appError, wechatError } from '../../../shared/errors';
import type { ConsoleResponse, HttpMethod } from '../../../shared/models';
import { AppFailure } from '../../../shared/result';
import { errnoCode, writeFileAtomic } from '../../core/storage/atomic-file';
import type { Context } from '../context';
import { EXIT_NETWORK, EXIT_USAGE, EXIT_WECHAT } from '../exit-codes';
import { json } from '../format';
import { L } from '../lang';
import { formatError } from '../report';
import { arg, flag, listValue, stringValue, UsageFailure, type CommandSpec } from '../spec';
import { jsonOption } from './account-options';

export const callCommand: CommandSpec = {
  name: 'call',
  usage: 'wxtoken call NAME METHOD PATH [--query k=v …] [--data JSON|@file] [--out FILE] [--json]',
  summary: L(
    '用账号的 access_token 调用一个微信接口（token 自动加入），输出响应体。二进制响应需要 --out。',
    "Call a WeChat endpoint with the account's access_token (added for you) and print the response body. Binary bodies need --out.",
  ),
  positionals: ['NAME', 'METHOD', 'PATH'],
  options: {
    query: { type: 'string', multiple: true, arg: 'k=v', help: L('查询参数，可重复', 'a query parameter; repeat for more') },
    data: { type: 'string', arg: 'JSON|@file', help: L('POST 请求体（JSON），@file 从文件读取', 'the POST body (JSON); @file reads it from a file') },
    out: { type: 'string', arg: 'FILE', help: L('把响应体保存到文件（二进制响应必需）', 'save the body to a file (needed for binary bodies)') },
    json: { ...jsonOption, help: L('输出 {status, headers, time_ms, size, body|body_base64, errcode}', 'print {status, headers, time_ms, size, body|body_base64, errcode}') },
  },
  async run(ctx, parsed) {
    const method = arg(parsed, 'METHOD').toUpperCase();
    if (method !== 'GET' && method !== 'POST') throw new UsageFailure(L(`METHOD 只能是 GET 或 POST，而不是 "${method}"`, `METHOD must be GET or POST, not "${method}"`), callCommand);
    const query = listValue(parsed, 'query').map((pair): [string, string] => {
      const at = pair.indexOf('=');
      if (at < 1) throw new UsageFailure(L(`--query 需要 k=v 的形式："${pair}"`, `--query takes k=v: "${pair}"`), callCommand);
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
    const body = await readData(ctx, stringValue(parsed, 'data'), method);
    const out = stringValue(parsed, 'out');

    const res = await ctx.call('sendRequest', {
      account: arg(parsed, 'NAME'),
      method: method as HttpMethod,
      path: arg(parsed, 'PATH'),
      ...(query.length ? { query } : {}),
      ...(body !== undefined ? { body } : {}),
    });
    // Sent, but not recorded: said on stderr, and the request's own outcome still decides the exit code.
    if (res.warning) ctx.io.err(formatError(res.warning, ctx.lang));
    if (out !== undefined) {
      const target = resolve(ctx.io.cwd, out);
      const bytes = res.binary ? Buffer.from(res.bodyBase64 ?? '', 'base64') : Buffer.from(res.bodyText ?? '', 'utf8');
      // Owner-only, like every file wxtoken writes: bodies often hold users' personal data.
      await writeFileAtomic(target, bytes).catch((err: unknown) => {
        const why = errnoCode(err) ?? 'error';
        throw new AppFailure(appError('storage', { message: L(`无法写入 ${out}（${why}）`, `Could not write ${out} (${why})`), next: L('检查路径和权限', 'Check the path and its permissions') }));
      });
      ctx.note(L(`已保存 ${bytes.length} 字节（${res.contentType || '未知类型'}）到 ${out}`, `Saved ${bytes.length} bytes (${res.contentType || 'unknown type'}) to ${out}`));
    }
    if (flag(parsed, 'json')) ctx.io.out(json(jsonView(res, out)));
    else if (out === undefined) {
      if (res.binary) {
        ctx.note(
          L(
            `wxtoken: 响应是二进制内容（${res.contentType || '未知类型'}，${res.size} 字节），不能输出到终端：请用 --out FILE 保存`,
            `wxtoken: the response is binary (${res.contentType || 'unknown type'}, ${res.size} bytes) and is not printed: save it with --out FILE`,
          ),
        );
        return EXIT_USAGE;
      }
      ctx.io.out(textBody(res.bodyText ?? '', ctx.io.stdoutIsTTY));
    }
    return explain(ctx, res);
  },
};

async function readData(ctx: Context, data: string | undefined, method: string): Promise<string | undefined> {
  if (data === undefined) return undefined;
  if (method !== 'POST') throw new UsageFailure(L('--data 只能用于 POST', '--data goes with POST only'), callCommand);
  if (!data.startsWith('@')) return data;
  const file = data.slice(1);
  try {
    return await readFile(resolve(ctx.io.cwd, file), 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new AppFailure(appError('validation', { field: 'data', message: L(`无法读取 ${file}（${why}）`, `cannot read ${file} (${why})`) }));
  }
}

/** JSON pretty on a terminal; otherwise exactly what the server sent. */
function textBody(text: string, tty: boolean): string {
  if (!tty) return text;
  try {
    return json(JSON.parse(text));
  } catch {
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}

function jsonView(res: ConsoleResponse, out: string | undefined) {
  const base = { status: res.status, headers: res.headers, time_ms: res.timeMs, size: res.size };
  const errcode = res.errcode ?? 0;
  if (out !== undefined) return { ...base, out, errcode };
  if (res.binary) return { ...base, body_base64: res.bodyBase64 ?? '', errcode };
  let body: unknown = res.bodyText ?? '';
  try {
    body = JSON.parse(res.bodyText ?? '');
  } catch {
    // not JSON: kept as text
  }
  return { ...base, body, errcode };
}

/** A WeChat errcode or an HTTP error status is explained on stderr and sets the exit code. */
function explain(ctx: Context, res: ConsoleResponse): number {
  if (res.retried) ctx.note(L('token 已失效，已换新 token 重试一次', 'the token was no longer valid: retried once with a fresh one'));
  if (res.errcode) {
    ctx.io.err(formatError(res.error ?? wechatError(res.errcode), ctx.lang));
    return EXIT_WECHAT;
  }
  if (res.status >= 400) {
    ctx.io.err(formatError(appError('http_status', { httpStatus: res.status }), ctx.lang));
    return EXIT_NETWORK;
  }
  return 0;
}
