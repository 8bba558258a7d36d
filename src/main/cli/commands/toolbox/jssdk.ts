/** `wxtoken ticket` and `wxtoken sign`: JS-SDK tickets, wx.config signatures, and the checker. */
import { TICKET_TYPES, type JsapiSignature, type TicketType } from '../../../../shared/toolbox/models';
import { EXIT_FAILURE } from '../../exit-codes';
import { duration, fields, json } from '../../output/format';
import { L } from '../../lang';
import { arg, flag, stringValue, UsageFailure, type CommandSpec } from '../../spec';
import { jsonOption } from '../account/options';
import { checkJson, signatureJson, ticketJson } from './toolbox-json';
import { cardOptions, runCardSign } from './card';

const typeOption = {
  type: 'string' as const,
  arg: 'jsapi|wx_card|agent_config',
  values: TICKET_TYPES,
  help: L('ticket 类型：jsapi（默认；企业微信为企业 ticket）、wx_card（卡券）、agent_config（企业微信应用）', 'ticket type: jsapi (default; the corp ticket for WeCom), wx_card (cards), agent_config (a WeCom app)'),
};

function ticketType(value: string | undefined, spec: CommandSpec): TicketType | undefined {
  if (value === undefined) return undefined;
  if ((TICKET_TYPES as readonly string[]).includes(value)) return value as TicketType;
  throw new UsageFailure(L(`未知的 ticket 类型：${value}`, `unknown ticket type: ${value}`), spec);
}

export const ticketCommand: CommandSpec = {
  name: 'ticket',
  usage: 'wxtoken ticket NAME [--type jsapi|wx_card|agent_config] [--json]',
  summary: L(
    '输出 JS-SDK ticket（jsapi_ticket、卡券 api_ticket、企业微信的企业/应用 ticket）：和 token 一样缓存并在进程间共享，有效期内不会重复获取。',
    'Print a JS-SDK ticket (jsapi_ticket, the card api_ticket, WeCom corp / agent tickets): cached and shared like tokens, never fetched twice in its lifetime.',
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: { type: typeOption, json: jsonOption },
  async run(ctx, parsed) {
    const type = ticketType(stringValue(parsed, 'type'), ticketCommand);
    const info = await ctx.call('getTicket', { name: arg(parsed, 'NAME'), ...(type ? { type } : {}) });
    if (flag(parsed, 'json')) ctx.io.out(json(ticketJson(info)));
    else {
      ctx.io.out(`${info.ticket}\n`);
      ctx.note(L(`${info.type} ticket，剩余 ${duration(info.expiresIn)}（${info.source === 'fetch' ? '刚获取' : '来自缓存'}）`, `${info.type} ticket, ${duration(info.expiresIn)} left (${info.source === 'fetch' ? 'just fetched' : 'from the cache'})`));
    }
    return 0;
  },
};

/** The snippet a page pastes: wx.config for jsapi, wx.agentConfig for a WeCom app. */
export function configSnippet(s: JsapiSignature): string {
  if (s.type === 'agent_config') {
    return `wx.agentConfig({\n  corpid: '${s.appId}',\n  agentid: 'AGENTID',\n  timestamp: ${s.timestamp},\n  nonceStr: '${s.nonceStr}',\n  signature: '${s.signature}',\n  jsApiList: [],\n});\n`;
  }
  return `wx.config({\n  debug: false,\n  appId: '${s.appId}',\n  timestamp: ${s.timestamp},\n  nonceStr: '${s.nonceStr}',\n  signature: '${s.signature}',\n  jsApiList: [],\n});\n`;
}

export const signCommand: CommandSpec = {
  name: 'sign',
  usage: 'wxtoken sign NAME (--url URL [--type jsapi|agent_config] [--check SIGNATURE] | --card --card-id ID [--code C] [--openid O]) [--nonce S] [--timestamp N] [--json]',
  summary: L(
    '为网页 URL 生成 wx.config 的签名（appId、timestamp、nonceStr、signature）并显示签名的原始字符串；--check 核对页面用的签名，指出哪一部分错了；--card 用 wx_card api_ticket 为 wx.addCard 的 cardExt 签名。',
    "Sign a page URL for wx.config (appId, timestamp, nonceStr, signature) and show the exact string signed; --check tells which part of a page's signature is wrong; --card signs wx.addCard's cardExt with the wx_card api_ticket.",
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {
    url: { type: 'string', arg: 'URL', help: L('页面完整 URL（# 之后的部分不参与签名）', 'the full page URL (the part after # is not signed)') },
    nonce: { type: 'string', arg: 'S', help: L('nonceStr（默认随机生成 16 位）', 'nonceStr (default: 16 random characters)') },
    timestamp: { type: 'string', arg: 'N', help: L('时间戳，秒（默认当前时间）', 'timestamp in seconds (default: now)') },
    type: typeOption,
    check: { type: 'string', arg: 'SIGNATURE', help: L('核对页面用的签名（需同时给出 --nonce 和 --timestamp）', "check a page's signature (give --nonce and --timestamp too)") },
    ...cardOptions,
    json: jsonOption,
  },
  async run(ctx, parsed) {
    if (flag(parsed, 'card')) return runCardSign(ctx, parsed, signCommand);
    for (const key of ['card-id', 'code', 'openid']) {
      if (stringValue(parsed, key) !== undefined) throw new UsageFailure(L(`--${key} 需要 --card`, `--${key} goes with --card`), signCommand);
    }
    const name = arg(parsed, 'NAME');
    const url = stringValue(parsed, 'url');
    if (url === undefined) throw new UsageFailure(L('缺少 --url', 'missing --url'), signCommand);
    const type = ticketType(stringValue(parsed, 'type'), signCommand);
    const nonce = stringValue(parsed, 'nonce');
    const timestamp = stringValue(parsed, 'timestamp');
    const check = stringValue(parsed, 'check');
    if (check !== undefined) {
      if (nonce === undefined || timestamp === undefined) throw new UsageFailure(L('--check 需要 --nonce 和 --timestamp', '--check needs --nonce and --timestamp'), signCommand);
      const result = await ctx.call('checkJsapi', { name, url, nonceStr: nonce, timestamp, signature: check, ...(type ? { type } : {}) });
      if (flag(parsed, 'json')) ctx.io.out(json(checkJson(result)));
      else {
        for (const f of result.findings) ctx.say(`${f.severity === 'error' ? '✗' : f.severity === 'warning' ? '!' : '✓'} ${ctx.t(f.message)}`);
        ctx.say(fields([[ctx.t(L('应为', 'expected')), result.expected.signature], [ctx.t(L('待签名字符串', 'string to sign')), result.expected.stringToSign]]));
      }
      return result.valid ? 0 : EXIT_FAILURE;
    }
    if (timestamp !== undefined && !/^\d{1,11}$/.test(timestamp)) throw new UsageFailure(L('--timestamp 是整数秒', '--timestamp is whole seconds'), signCommand);
    const signed = await ctx.call('signJsapi', {
      name,
      url,
      ...(type ? { type } : {}),
      ...(nonce !== undefined ? { nonceStr: nonce } : {}),
      ...(timestamp !== undefined ? { timestamp: Number(timestamp) } : {}),
    });
    if (flag(parsed, 'json')) {
      ctx.io.out(json(signatureJson(signed)));
      return 0;
    }
    ctx.say(fields([
      ['appId', signed.appId],
      ['timestamp', String(signed.timestamp)],
      ['nonceStr', signed.nonceStr],
      ['signature', signed.signature],
      ['url', signed.url],
      [ctx.t(L('签名字符串', 'signed')), signed.stringToSign],
    ]));
    ctx.say('');
    ctx.io.out(configSnippet(signed));
    return 0;
  },
};
