/** `wxtoken callback set` and `wxtoken push`: the message-push debugger (消息接口调试) against the user's own server. */
import { PUSH_EVENTS, PUSH_MODES, type PushEvent, type PushMode } from '../../../../shared/toolbox/models';
import { EXIT_FAILURE } from '../../exit-codes';
import { json } from '../../output/format';
import { L } from '../../lang';
import { arg, flag, stringValue, UsageFailure, type CommandSpec } from '../../spec';
import { jsonOption } from '../account/options';
import { runPushHistory } from './push-history';
import { pushJson } from './toolbox-json';

export const callbackSetCommand: CommandSpec = {
  name: 'callback set',
  usage: 'wxtoken callback set NAME  < config.txt',
  summary: L(
    '从标准输入读取服务器配置：第 1 行 Token，第 2 行 EncodingAESKey（明文模式可留空），保存到系统钥匙串，不写入任何文件。',
    'Read the server configuration from stdin: line 1 the Token, line 2 the EncodingAESKey (may be empty in plain mode); kept in the OS keychain, never in a file.',
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {},
  async run(ctx, parsed) {
    const name = arg(parsed, 'NAME');
    if (ctx.io.stdinIsTTY) {
      ctx.note(L('输入 Token 和 EncodingAESKey 各一行，然后按 Ctrl-D：', 'Type the Token and the EncodingAESKey, one a line, then Ctrl-D:'));
    }
    const [token = '', aesKey = ''] = (await ctx.io.readStdin()).split(/\r?\n/).map((line) => line.trim());
    if (!token) throw new UsageFailure(L('第 1 行（Token）为空', 'line 1 (the Token) is empty'), callbackSetCommand);
    await ctx.call('setCallbackConfig', { name, token, aesKey });
    ctx.say(aesKey
      ? L(`已把 ${name} 的 Token 和 EncodingAESKey 保存到系统钥匙串`, `Stored the Token and EncodingAESKey of ${name} in the OS keychain`)
      : L(`已把 ${name} 的 Token 保存到系统钥匙串（没有 EncodingAESKey：只能用明文模式）`, `Stored the Token of ${name} in the OS keychain (no EncodingAESKey: plain mode only)`));
    return 0;
  },
};

export const pushCommand: CommandSpec = {
  name: 'push',
  usage: 'wxtoken push NAME (--to URL (--verify | --text CONTENT | --event subscribe|unsubscribe|SCAN|CLICK|VIEW|LOCATION [--key K]) [--mode plain|compat|safe] [--from OPENID] [--to-user GH_ID] | --history) [--json]',
  summary: L(
    '像微信一样向你自己的服务器推送：URL 验证、文本消息或事件（明文、兼容或安全模式），并按微信的规则判断回复（5 秒内、success/空或合法 XML、加密回复的签名和 AppID）。不通过时以非 0 退出。--history 列出这个账号以前的推送。',
    "Push to your own server as WeChat would: the URL check, a text message or an event (plain, compat or safe mode), and judge the reply by WeChat's rules (within 5 s; success / empty or valid XML; an encrypted reply's signature and AppID). Exits non-zero when it fails. --history lists the account's earlier pushes.",
  ),
  positionals: ['NAME'],
  complete: { NAME: 'account' },
  options: {
    to: { type: 'string', arg: 'URL', help: L('你的服务器的回调 URL', "your server's callback URL") },
    verify: { type: 'boolean', help: L('URL 验证（GET，带 echostr）', 'the URL check (GET with echostr)') },
    text: { type: 'string', arg: 'CONTENT', help: L('发送一条文本消息', 'send a text message') },
    event: { type: 'string', arg: 'EVENT', values: PUSH_EVENTS, help: L('发送一个事件', 'send an event') },
    key: { type: 'string', arg: 'K', help: L('事件的 EventKey（CLICK 的菜单 key、VIEW 的 URL、扫码的场景值）', "the event's EventKey (a CLICK menu key, a VIEW URL, a QR scene)") },
    mode: { type: 'string', arg: 'plain|compat|safe', values: PUSH_MODES, help: L('消息加解密方式（默认：有 EncodingAESKey 时 safe，否则 plain）', 'message encryption mode (default: safe when an EncodingAESKey is stored, else plain)') },
    from: { type: 'string', arg: 'OPENID', help: L('FromUserName（默认随机 openid）', 'FromUserName (default: a random openid)') },
    'to-user': { type: 'string', arg: 'GH_ID', help: L('ToUserName：公众号原始 ID（gh_…）', "ToUserName: the account's original id (gh_…)") },
    history: { type: 'boolean', help: L('列出这个账号以前的推送（最近 50 次，最新的在前）', "list the account's earlier pushes (the last 50, newest first)") },
    json: jsonOption,
  },
  async run(ctx, parsed) {
    if (flag(parsed, 'history')) return runPushHistory(ctx, parsed, pushCommand);
    const name = arg(parsed, 'NAME');
    const to = stringValue(parsed, 'to');
    if (!to) throw new UsageFailure(L('缺少 --to', 'missing --to'), pushCommand);
    const verify = flag(parsed, 'verify');
    const text = stringValue(parsed, 'text');
    const event = stringValue(parsed, 'event');
    if ([verify, text !== undefined, event !== undefined].filter(Boolean).length !== 1) {
      throw new UsageFailure(L('--verify、--text、--event 选一个', 'choose one of --verify, --text or --event'), pushCommand);
    }
    if (event !== undefined && !(PUSH_EVENTS as readonly string[]).includes(event)) throw new UsageFailure(L(`未知事件：${event}`, `unknown event: ${event}`), pushCommand);
    const mode = stringValue(parsed, 'mode');
    if (mode !== undefined && !(PUSH_MODES as readonly string[]).includes(mode)) throw new UsageFailure(L(`未知模式：${mode}`, `unknown mode: ${mode}`), pushCommand);
    const key = stringValue(parsed, 'key');
    const from = stringValue(parsed, 'from');
    const toUser = stringValue(parsed, 'to-user');
    const report = await ctx.call('pushMessage', {
      name,
      to,
      ...(verify ? { verify: true } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(event !== undefined ? { event: event as PushEvent } : {}),
      ...(key !== undefined ? { eventKey: key } : {}),
      ...(mode !== undefined ? { mode: mode as PushMode } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(toUser !== undefined ? { toUser } : {}),
    });
    if (flag(parsed, 'json')) {
      ctx.io.out(json(pushJson(report)));
      return report.passed ? 0 : EXIT_FAILURE;
    }
    const r = report.request;
    ctx.say(`> ${r.method} ${r.url}`);
    if (r.plainBody !== undefined) ctx.say(`> ${ctx.t(L('明文', 'plain'))}: ${r.plainBody}`);
    if (r.body !== undefined) ctx.say(`> ${r.body}`);
    const reply = report.reply;
    ctx.say(`< ${reply.status !== undefined ? `HTTP ${reply.status}, ` : ''}${reply.timeMs} ms`);
    if (reply.body !== undefined) ctx.say(`< ${reply.body === '' ? ctx.t(L('（空）', '(empty)')) : reply.body}`);
    if (reply.decrypted !== undefined) ctx.say(`< ${ctx.t(L('解密后', 'decrypted'))}: ${reply.decrypted}`);
    ctx.say(`${report.passed ? '✓' : '✗'} ${ctx.t(report.verdict)}`);
    for (const p of report.problems) ctx.say(`  - ${ctx.t(p.message)}`);
    return report.passed ? 0 : EXIT_FAILURE;
  },
};

