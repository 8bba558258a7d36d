/**
 * Sends the developer's own callback server what WeChat would (the URL check, a message, an event), in plain,
 * compat or safe mode, and judges the answer as WeChat would. Only ever to the URL the user typed.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { appError } from '../../../shared/errors/errors';
import type { Account } from '../../../shared/models';
import { fail, ok, type Localized, type Result } from '../../../shared/result';
import type { PushMode, PushProblem, PushReport, PushRequestView } from '../../../shared/toolbox/models';
import type { ValidInput } from '../../../shared/contract';
import { httpRequest } from '../wechat/http-client';
import { judgeReply, type Judgement } from './judge-reply';
import { eventMessage, textMessage, xmlOf } from './push-xml';
import { aesKeyOf, encryptMessage, pushSignature } from './wx-crypto';

export type PushInput = ValidInput<'pushMessage'>;

/** The server configuration: Token, and EncodingAESKey ('' when the account uses plain mode only). */
export interface CallbackConfig {
  token: string;
  aesKey: string;
}

/** WeChat gives a callback server 5 seconds. */
export const REPLY_WITHIN_MS = 5_000;
const MAX_REPLY_BYTES = 1024 * 1024;

const L = (zh: string, en: string): Localized => ({ zh, en });
const digits = (n: number) => Array.from({ length: n }, (_, i) => randomInt(i === 0 ? 1 : 0, 10)).join('');

export async function runPush(account: Account, config: CallbackConfig, input: PushInput, now = Date.now()): Promise<Result<PushReport>> {
  const wecom = account.kind === 'wecom';
  const mode: PushMode = wecom ? 'safe' : (input.mode ?? (config.aesKey ? 'safe' : 'plain'));
  if (wecom && input.mode && input.mode !== 'safe') {
    return fail(appError('validation', { field: 'mode', message: L('企业微信的回调总是加密的：只能用 safe 模式', 'WeCom callbacks are always encrypted: only safe mode applies') }));
  }
  if (mode !== 'plain' && !config.aesKey) {
    return fail(appError('validation', { field: 'mode', message: L(`${mode} 模式需要 EncodingAESKey：用 \`wxtoken callback set ${account.name}\` 保存`, `${mode} mode needs the EncodingAESKey: store it with \`wxtoken callback set ${account.name}\``) }));
  }
  const key = config.aesKey ? aesKeyOf(config.aesKey) : undefined;
  const timestamp = String(Math.floor(now / 1000));
  const nonce = digits(10);
  const url = new URL(input.to);
  const toUser = input.toUser ?? (wecom ? account.appid : `gh_${account.appid.slice(2, 14)}`);
  const fromUser = input.from ?? (wecom ? 'zhangsan' : `o${randomBytes(21).toString('base64url').slice(0, 27)}`);

  if (input.verify) {
    let expected: string;
    if (wecom) {
      expected = digits(19);
      const echostr = encryptMessage(expected, account.appid, key!);
      setQuery(url, { msg_signature: pushSignature(config.token, timestamp, nonce, echostr), timestamp, nonce, echostr });
    } else {
      expected = digits(19);
      setQuery(url, { signature: pushSignature(config.token, timestamp, nonce), timestamp, nonce, echostr: expected });
    }
    const request: PushRequestView = { method: 'GET', url: url.toString(), headers: { 'user-agent': 'Mozilla/4.0' } };
    return ok(await exchange(request, input.timeoutMs, (body) => judgeEcho(body, expected, wecom)));
  }

  const parties = { toUser, fromUser, createTime: Number(timestamp) };
  const plain = input.text !== undefined ? textMessage(parties, input.text, digits(19)) : eventMessage(parties, input.event!, input.eventKey);
  let body = plain;
  if (mode === 'plain') {
    setQuery(url, { signature: pushSignature(config.token, timestamp, nonce), timestamp, nonce, ...(wecom ? {} : { openid: fromUser }) });
  } else {
    const encrypted = encryptMessage(plain, account.appid, key!);
    const msgSignature = pushSignature(config.token, timestamp, nonce, encrypted);
    // Compat mode sends the plain fields and the ciphertext together.
    body = mode === 'compat' ? plain.replace(/<\/xml>$/, `<Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`) : xmlOf([['ToUserName', toUser], ['Encrypt', encrypted]]);
    setQuery(url, wecom
      ? { msg_signature: msgSignature, timestamp, nonce }
      : { signature: pushSignature(config.token, timestamp, nonce), timestamp, nonce, openid: fromUser, encrypt_type: 'aes', msg_signature: msgSignature });
  }
  const request: PushRequestView = {
    method: 'POST',
    url: url.toString(),
    headers: { 'content-type': 'text/xml', 'user-agent': 'Mozilla/4.0' },
    body,
    ...(mode !== 'plain' ? { plainBody: plain } : {}),
  };
  const encryptedReply = mode === 'plain' ? undefined : { token: config.token, key: key!, receiverId: account.appid, required: mode === 'safe' };
  return ok(await exchange(request, input.timeoutMs, (reply) => judgeReply(reply, { toUser, fromUser, encrypted: encryptedReply })));
}

function setQuery(url: URL, params: Record<string, string>): void {
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
}

function judgeEcho(body: string, expected: string, wecom: boolean): Judgement {
  if (body === expected) return { passed: true, verdict: L('URL 验证通过：原样返回了 echostr', 'URL check passed: echostr came back as is'), problems: [] };
  const problem = (message: Localized): Judgement => ({ passed: false, verdict: L('URL 验证失败', 'URL check failed'), problems: [{ code: 'echostr_mismatch', message }] });
  if (body.trim() === expected) return problem(L('返回的 echostr 前后多了空白或换行：必须一字不差', 'The echostr came back with extra whitespace or a newline: it must match exactly'));
  if (wecom) return problem(L(`应返回解密后的 echostr（${expected}），实际返回了：${clip(body)}`, `The decrypted echostr (${expected}) should come back; the reply was: ${clip(body)}`));
  return problem(L(`应原样返回 echostr（${expected}），实际返回了：${clip(body)}`, `echostr (${expected}) should come back as is; the reply was: ${clip(body)}`));
}

const clip = (text: string) => (text === '' ? '(empty)' : text.length > 80 ? `${text.slice(0, 80)}…` : text);

async function exchange(request: PushRequestView, timeoutMs: number | undefined, judge: (body: string) => Judgement): Promise<PushReport> {
  const started = performance.now();
  const limit = timeoutMs ?? REPLY_WITHIN_MS;
  const res = await httpRequest({ method: request.method, url: request.url, headers: request.headers, body: request.body, timeoutMs: limit, maxBytes: MAX_REPLY_BYTES });
  const timeMs = Math.round(performance.now() - started);
  const rejected = (p: PushProblem): PushReport => ({ passed: false, request, reply: { timeMs }, verdict: L('不会被接受', 'Would be rejected'), problems: [p] });
  if (!res.ok) {
    if (res.error.code === 'timeout') {
      return rejected({ code: 'too_slow', message: L(`${limit / 1000} 秒内没有回复：微信会断开并重试三次，然后提示用户“该公众号暂时无法提供服务”`, `No reply within ${limit / 1000} s: WeChat would drop the connection, retry three times, then tell the user "this account cannot provide service right now"`) });
    }
    return rejected({ code: 'unreachable', message: L(`无法连接回调地址：${res.error.message.zh}`, `The callback URL could not be reached: ${res.error.message.en}`) });
  }
  const body = res.value.body.toString('utf8');
  const reply = { status: res.value.status, headers: res.value.headers, body, timeMs };
  if (res.value.status !== 200) {
    return { ...rejected({ code: 'http_status', message: L(`回调服务器返回 HTTP ${res.value.status}：微信只接受 200`, `The callback server answered HTTP ${res.value.status}: WeChat only takes 200`) }), reply };
  }
  const judged = judge(body);
  return { passed: judged.passed, request, reply: { ...reply, ...(judged.decrypted !== undefined ? { decrypted: judged.decrypted } : {}) }, verdict: judged.verdict, problems: judged.problems };
}
