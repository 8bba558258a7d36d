/**
 * Judges a callback server's answer as WeChat would (wechat-api.md §9): within 5 s; `success` or an empty body is
 * accepted; otherwise XML with ToUserName / FromUserName swapped and a known MsgType with its fields. In safe mode
 * the reply must come encrypted, with a right MsgSignature, and must decrypt to this account's AppID.
 */
import type { Localized } from '../../../shared/result';
import type { PushProblem, PushProblemCode } from '../../../shared/toolbox/models';
import { decryptMessage, pushSignature } from './wx-crypto';
import { readXml } from './push-xml';

const L = (zh: string, en: string): Localized => ({ zh, en });
const problem = (code: PushProblemCode, message: Localized): PushProblem => ({ code, message });

/** The fields each reply MsgType must carry (nested elements count as present). */
const REPLY_FIELDS: Record<string, string[]> = {
  text: ['Content'],
  image: ['Image'],
  voice: ['Voice'],
  video: ['Video'],
  music: ['Music'],
  news: ['ArticleCount', 'Articles'],
  transfer_customer_service: [],
};

export interface ReplyContext {
  /** What was sent: the reply must swap these. */
  toUser: string;
  fromUser: string;
  /** Safe mode: the reply must be encrypted with this key and name this receiver (AppID / corpid). */
  encrypted?: { token: string; key: Buffer; receiverId: string; required: boolean };
}

export interface Judgement {
  passed: boolean;
  verdict: Localized;
  problems: PushProblem[];
  decrypted?: string;
}

export function judgeReply(body: string, ctx: ReplyContext): Judgement {
  if (body === '' || body === 'success') {
    return { passed: true, verdict: body ? L('已接受：回复 success（不回复用户）', 'Accepted: `success` (no reply to the user)') : L('已接受：空回复（不回复用户）', 'Accepted: an empty reply (no reply to the user)'), problems: [] };
  }
  const outer = readXml(body);
  if (!outer) {
    const hint = body.trim() === 'success' || body.trim() === '' ? L('（多了空白或换行）', ' (it has extra whitespace or a newline)') : L('', '');
    return fail(problem('not_xml', L(`回复既不是 success / 空，也不是 XML${hint.zh}：微信会提示用户“该公众号暂时无法提供服务”`, `The reply is neither \`success\` / empty nor XML${hint.en}: WeChat would show the user "this account cannot provide service right now"`)));
  }
  let inner = outer;
  let decrypted: string | undefined;
  const encrypt = outer.get('Encrypt');
  if (ctx.encrypted && encrypt !== undefined) {
    const { token, key, receiverId } = ctx.encrypted;
    const [sig, ts, nonce] = [outer.get('MsgSignature'), outer.get('TimeStamp'), outer.get('Nonce')];
    if (!sig || !ts || !nonce) return fail(problem('missing_field', L('加密回复缺少 MsgSignature、TimeStamp 或 Nonce', 'The encrypted reply lacks MsgSignature, TimeStamp or Nonce')));
    if (pushSignature(token, ts, nonce, encrypt) !== sig) {
      return fail(problem('bad_signature', L('加密回复的 MsgSignature 不对：应为 sha1(排序后的 Token、TimeStamp、Nonce、Encrypt 拼接)', 'The encrypted reply\'s MsgSignature is wrong: it must be sha1 of Token, TimeStamp, Nonce and Encrypt, sorted and joined')));
    }
    const opened = decryptMessage(encrypt, key);
    if (!opened.ok) {
      return fail(problem('bad_encryption', L(`加密回复无法解密（${opened.why}）：检查 EncodingAESKey、IV（密钥前 16 字节）和 32 字节的 PKCS#7 填充`, `The encrypted reply does not decrypt (${opened.why}): check the EncodingAESKey, the IV (the key's first 16 bytes) and the PKCS#7 padding to 32 bytes`)));
    }
    decrypted = opened.message;
    if (opened.receiverId !== receiverId) {
      return fail(problem('wrong_appid', L(`密文中的 AppID 是 ${opened.receiverId || '（空）'}，应为 ${receiverId}`, `The AppID in the ciphertext is ${opened.receiverId || '(empty)'}, it should be ${receiverId}`)), decrypted);
    }
    if (opened.message === '' || opened.message === 'success') return { passed: true, verdict: L('已接受：加密的空回复', 'Accepted: an encrypted empty reply'), problems: [], decrypted };
    const parsed = readXml(opened.message);
    if (!parsed) return fail(problem('not_xml', L('解密后的回复不是 XML', 'The decrypted reply is not XML')), decrypted);
    inner = parsed;
  } else if (ctx.encrypted?.required) {
    return fail(problem('not_encrypted', L('安全模式下回复必须加密（<Encrypt>、<MsgSignature>、<TimeStamp>、<Nonce>）', 'In safe mode the reply must be encrypted (<Encrypt>, <MsgSignature>, <TimeStamp>, <Nonce>)')));
  }
  const problems: PushProblem[] = [];
  if (inner.get('ToUserName') !== ctx.fromUser || inner.get('FromUserName') !== ctx.toUser) {
    problems.push(problem('not_swapped', L(
      `回复的 ToUserName / FromUserName 要和收到的对调：ToUserName 应为 ${ctx.fromUser}，FromUserName 应为 ${ctx.toUser}`,
      `The reply must swap ToUserName and FromUserName: ToUserName should be ${ctx.fromUser}, FromUserName ${ctx.toUser}`,
    )));
  }
  if (!/^\d+$/.test(inner.get('CreateTime') ?? '')) problems.push(problem('missing_field', L('回复缺少 CreateTime（整数秒）', 'The reply lacks CreateTime (whole seconds)')));
  const type = inner.get('MsgType') ?? '';
  const needed = REPLY_FIELDS[type];
  if (!needed) {
    problems.push(problem('unknown_msgtype', L(`未知的回复 MsgType：${type || '（空）'}；可用 text、image、voice、video、music、news、transfer_customer_service`, `Unknown reply MsgType: ${type || '(empty)'}; use text, image, voice, video, music, news or transfer_customer_service`)));
  } else {
    for (const field of needed) if (!inner.get(field)) problems.push(problem('missing_field', L(`${type} 回复缺少 ${field}`, `A ${type} reply needs ${field}`)));
  }
  if (problems.length) return { passed: false, verdict: L('不会被接受', 'Would be rejected'), problems, ...(decrypted !== undefined ? { decrypted } : {}) };
  const shown = type === 'text' ? `：${inner.get('Content')}` : '';
  return {
    passed: true,
    verdict: L(`已接受：${type} 回复${shown}`, `Accepted: a ${type} reply${shown ? `: ${inner.get('Content')}` : ''}`),
    problems: [],
    ...(decrypted !== undefined ? { decrypted } : {}),
  };
}

function fail(p: PushProblem, decrypted?: string): Judgement {
  return { passed: false, verdict: L('不会被接受', 'Would be rejected'), problems: [p], ...(decrypted !== undefined ? { decrypted } : {}) };
}
