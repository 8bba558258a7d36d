import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ENDPOINTS } from '../../../shared/catalogue/index';
import { appError, wechatError } from '../../../shared/errors/errors';
import type { ConsoleResponse, HttpMethod } from '../../../shared/models';
import { AppFailure } from '../../../shared/result';
import { MAX_REQUEST_TIMEOUT_MS } from '../../../shared/schemas';
import { splitRequestUrl } from '../../../shared/request-url';
import { errnoCode, writeFileAtomic } from '../../core/storage/atomic-file';
import type { Context } from '../context';
import { EXIT_NETWORK, EXIT_USAGE, EXIT_WECHAT } from '../exit-codes';
import { json } from '../output/format';
import { responseJson } from '../output/json-views';
import { L } from '../lang';
import { formatError } from '../output/report';
import { arg, flag, listValue, stringValue, UsageFailure, type CommandSpec } from '../spec';
import { jsonOption } from './account/options';

export const callCommand: CommandSpec = {
  name: 'call',
  usage: 'wxtoken call NAME METHOD PATH[?query] [--query k=v …] [--data JSON|@file|@-] [--out FILE] [--timeout SECONDS] [--json]',
  summary: L(
    '用账号的 access_token 调用一个微信接口（token 自动加入），输出响应体。二进制响应（如小程序码）在终端上需要 --out，输出重定向时原样写到标准输出。',
    "Call a WeChat endpoint with the account's access_token (added for you) and print the response body. A binary body (a Mini Program code, say) needs --out on a terminal and goes to stdout as is when stdout is redirected.",
  ),
  positionals: ['NAME', 'METHOD', 'PATH'],
  complete: { NAME: 'account', METHOD: ['GET', 'POST'], PATH: [...new Set(ENDPOINTS.map((e) => e.path))] },
  options: {
    query: { type: 'string', multiple: true, arg: 'k=v', help: L('查询参数，可重复', 'a query parameter; repeat for more') },
    data: { type: 'string', arg: 'JSON|@file|@-', help: L('POST 请求体（JSON），@file 从文件读取，@- 从标准输入读取', 'the POST body (JSON); @file reads it from a file, @- from stdin') },
    out: { type: 'string', arg: 'FILE', values: 'file', help: L('把响应体保存到文件', 'save the body to a file') },
    timeout: {
      type: 'string',
      arg: 'SECONDS',
      help: L(`整个调用（含获取 token）最多等待的秒数，超时则取消并以 4 退出（最多 ${MAX_REQUEST_TIMEOUT_MS / 1000}）`, `cancel the whole call (token included) after this many seconds, exit 4 (at most ${MAX_REQUEST_TIMEOUT_MS / 1000})`),
    },
    json: {
      ...jsonOption,
      help: L('输出 {status, content_type, headers, time_ms, size, body|body_base64|out, errcode, retried}', 'print {status, content_type, headers, time_ms, size, body|body_base64|out, errcode, retried}'),
    },
  },
  async run(ctx, parsed) {
    const method = arg(parsed, 'METHOD').toUpperCase();
    if (method !== 'GET' && method !== 'POST') throw new UsageFailure(L(`METHOD 只能是 GET 或 POST，而不是 "${method}"`, `METHOD must be GET or POST, not "${method}"`), callCommand);
    const target = requestTarget(arg(parsed, 'PATH'));
    const query = [...target.query, ...listValue(parsed, 'query').map((pair): [string, string] => {
      const at = pair.indexOf('=');
      if (at < 1) throw new UsageFailure(L(`--query 需要 k=v 的形式："${pair}"`, `--query takes k=v: "${pair}"`), callCommand);
      return [pair.slice(0, at), pair.slice(at + 1)];
    })];
    const timeoutMs = timeoutOf(stringValue(parsed, 'timeout'));
    const out = stringValue(parsed, 'out');
    const path = target.path;
    // Known to answer with bytes a terminal cannot show: said before anything is sent, so nothing is spent in vain.
    const toTerminal = out === undefined && !flag(parsed, 'json') && ctx.io.stdoutIsTTY;
    if (toTerminal && ENDPOINTS.some((e) => e.binary && e.method === method && e.path === path.trim())) {
      throw new UsageFailure(binaryNotice(method, path.trim()), callCommand);
    }
    const body = await readData(ctx, stringValue(parsed, 'data'), method);

    const res = await ctx.call('sendRequest', {
      account: arg(parsed, 'NAME'),
      method: method as HttpMethod,
      path,
      ...(query.length ? { query } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    }).catch((err: unknown) => {
      if (timeoutMs !== undefined && err instanceof AppFailure && err.error.code === 'timeout') {
        const s = timeoutMs / 1000;
        throw new AppFailure({ ...err.error, message: L(`请求在 ${s} 秒内没有完成（--timeout ${s}），已取消`, `The request did not complete within ${s} s (--timeout ${s}) and was cancelled`) });
      }
      throw err;
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
    if (flag(parsed, 'json')) ctx.io.out(json(responseJson(res, out)));
    else if (out === undefined) {
      if (res.binary && ctx.io.stdoutIsTTY) {
        ctx.note(
          L(
            `wxtoken: 响应是二进制内容（${res.contentType || '未知类型'}，${res.size} 字节），不能输出到终端：请用 --out FILE 保存，或重定向标准输出`,
            `wxtoken: the response is binary (${res.contentType || 'unknown type'}, ${res.size} bytes) and is not printed on a terminal: save it with --out FILE, or redirect stdout`,
          ),
        );
        return EXIT_USAGE;
      }
      if (res.binary) ctx.io.outBytes(Buffer.from(res.bodyBase64 ?? '', 'base64'));
      else ctx.io.out(textBody(res.bodyText ?? '', ctx.io.stdoutIsTTY));
    }
    return explain(ctx, res);
  },
};

/**
 * PATH as the docs print it: `/cgi-bin/user/get?next_openid=` or the whole URL with access_token=ACCESS_TOKEN.
 * The query joins --query, access_token goes (the account's token is added), and the request still goes to
 * the account's API base: a URL on another host than WeChat's is refused rather than silently redirected.
 */
function requestTarget(text: string): { path: string; query: [string, string][] } {
  const split = splitRequestUrl(text);
  if (!split) return { path: text, query: [] };
  if (split.host && !split.wechatHost) {
    throw new UsageFailure(
      L(
        `${split.host} 不是微信的 API 域名：请求总是发往账号设置的 API 地址，请只写路径（如 ${split.path}）`,
        `${split.host} is not a WeChat API host: requests always go to the account's API base, so give the path only (e.g. ${split.path})`,
      ),
      callCommand,
    );
  }
  return { path: split.path, query: split.query };
}

async function readData(ctx: Context, data: string | undefined, method: string): Promise<string | undefined> {
  if (data === undefined) return undefined;
  if (method !== 'POST') throw new UsageFailure(L('--data 只能用于 POST', '--data goes with POST only'), callCommand);
  if (!data.startsWith('@')) return data;
  if (data === '@-') {
    if (ctx.io.stdinIsTTY) throw new UsageFailure(L('--data @- 从标准输入读取请求体：请用管道或重定向传入', '--data @- reads the body from stdin: pipe or redirect it in'), callCommand);
    return ctx.io.readStdin();
  }
  const file = data.slice(1);
  try {
    return await readFile(resolve(ctx.io.cwd, file), 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new AppFailure(appError('validation', { field: 'data', message: L(`无法读取 ${file}（${why}）`, `cannot read ${file} (${why})`) }));
  }
}

/** `--timeout SECONDS` as milliseconds: a positive number up to the contract's maximum. */
function timeoutOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  const max = MAX_REQUEST_TIMEOUT_MS / 1000;
  if (!(seconds > 0 && seconds <= max)) {
    throw new UsageFailure(L(`--timeout 需要大于 0、不超过 ${max} 的秒数，而不是 "${text}"`, `--timeout takes seconds above 0 and at most ${max}, not "${text}"`), callCommand);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

function binaryNotice(method: string, path: string) {
  return L(
    `${method} ${path} 成功时返回二进制内容（如图片），不能输出到终端：请用 --out FILE 保存，或重定向标准输出（> code.jpg）`,
    `${method} ${path} answers with binary content (an image, say) that a terminal cannot show: save it with --out FILE, or redirect stdout (> code.jpg)`,
  );
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
