/**
 * Says which part of a page's wx.config is wrong (the official JS-SDK FAQ's list): it re-signs what was pasted
 * with every ticket it knows and with the URL and timestamp as a page commonly gets them wrong, and names the
 * variant that reproduces the pasted signature.
 */
import type { JsapiCheck, JsapiFinding } from '../../../shared/toolbox/models';
import type { Localized } from '../../../shared/result';
import { jsapiSignature, sha1Hex, signedUrl } from './signature';

export interface PastedConfig {
  url: string;
  nonceStr: string;
  timestamp: string;
  signature: string;
}

/** A ticket the signature may have been made with. */
export interface KnownTicket {
  ticket: string;
  /** current: this account's ticket now; previous: the one it replaced; other: another account's. */
  kind: 'current' | 'previous' | 'other';
  /** For `other`: which account, which AppID. */
  account?: string;
  appid?: string;
}

interface Variant {
  /** The URL exactly as it went into the string to sign (not cut again). */
  url: string;
  timestamp: string;
  finding?: JsapiFinding;
}

const L = (zh: string, en: string): Localized => ({ zh, en });
const error = (code: JsapiFinding['code'], message: Localized): JsapiFinding => ({ code, severity: 'error', message });
const warning = (code: JsapiFinding['code'], message: Localized): JsapiFinding => ({ code, severity: 'warning', message });

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The URL and timestamp as the page may have signed them, each with what it would mean. */
function variants(pasted: PastedConfig): Variant[] {
  const { url, timestamp } = pasted;
  const list: Variant[] = [{ url: signedUrl(url), timestamp }];
  if (url.includes('#')) {
    list.push({ url, timestamp, finding: error('url_fragment', L('签名时 URL 带上了 # 及其后的部分：签名用的 URL 必须去掉 # 之后的内容', 'The URL was signed with its # part: sign the URL without the # and what follows it')) });
  }
  const decoded = safeDecode(url);
  if (decoded !== undefined && decoded !== url) {
    list.push({ url: signedUrl(decoded), timestamp, finding: error('url_encoded', L('页面传入的 URL 经过了 URL 编码（如 encodeURIComponent），而签名用的是原始 URL；两边必须一致，且不要编码', 'The URL the page passed was URL-encoded (encodeURIComponent, say) while the raw URL was signed; use the raw URL on both sides')) });
  }
  const encoded = encodeURIComponent(signedUrl(url));
  if (encoded !== signedUrl(url)) {
    list.push({ url: encoded, timestamp, finding: error('url_encoded', L('签名时 URL 经过了 URL 编码：签名字符串里的值必须是原样的 URL，不做任何转义', 'The URL was URL-encoded before signing: the string to sign holds the raw URL, nothing escaped')) });
  }
  if (/^\d{13}$/.test(timestamp)) {
    list.push({ url: signedUrl(url), timestamp: String(Math.floor(Number(timestamp) / 1000)), finding: error('nonce_or_timestamp', L('签名用的是秒级时间戳，wx.config 里却是毫秒：两边的 timestamp 必须相同（秒）', 'The signature used the timestamp in seconds but wx.config got milliseconds: use the same timestamp (seconds) on both sides')) });
  }
  if (/^\d{10}$/.test(timestamp)) {
    list.push({ url: signedUrl(url), timestamp: `${timestamp}000`, finding: error('nonce_or_timestamp', L('签名用的是毫秒时间戳，wx.config 里却是秒：两边的 timestamp 必须相同（秒）', 'The signature used the timestamp in milliseconds but wx.config got seconds: use the same timestamp (seconds) on both sides')) });
  }
  return list;
}

function ticketFinding(t: KnownTicket): JsapiFinding | undefined {
  if (t.kind === 'previous') {
    return error('previous_ticket', L('签名用的是已被替换（过期）的 jsapi_ticket：服务器缓存 ticket 的时间超过了它的有效期，或另有程序重新获取了它', 'The signature was made with a jsapi_ticket that has since been replaced (expired): the server keeps the ticket longer than it lives, or something else fetched a new one'));
  }
  if (t.kind === 'other') {
    const who = [t.account, t.appid].filter(Boolean).join(', ');
    return error('other_account', L(`签名用的是另一个 AppID 的 jsapi_ticket（${who}）：wx.config 的 appId 和签名用的 ticket 必须属于同一个公众号`, `The signature was made with another AppID's jsapi_ticket (${who}): wx.config's appId and the ticket signed with must belong to the same account`));
  }
  return undefined;
}

/** Checks the pasted fields alone, whatever the signature says. */
function formFindings(pasted: PastedConfig): JsapiFinding[] {
  const found: JsapiFinding[] = [];
  if (!/^\d+$/.test(pasted.timestamp)) {
    found.push(error('timestamp_format', L('timestamp 必须是整数秒（Unix 时间戳）', 'timestamp must be whole seconds (a Unix timestamp)')));
  } else if (pasted.timestamp.length === 13) {
    found.push(warning('timestamp_ms', L('timestamp 看起来是毫秒：JS-SDK 用秒', 'timestamp looks like milliseconds: the JS-SDK takes seconds')));
  }
  if (!/^[0-9a-f]{40}$/.test(pasted.signature)) {
    found.push(warning('signature_format', L('signature 应为 40 位小写十六进制（sha1）', 'signature should be 40 lower-case hex digits (sha1)')));
  }
  if (pasted.url.includes('#')) {
    found.push({ code: 'url_fragment', severity: 'info', message: L('URL 中 # 及之后的部分不参与签名', 'The # part of the URL is not signed') });
  }
  return found;
}

export function checkJsapiConfig(pasted: PastedConfig, tickets: KnownTicket[]): JsapiCheck {
  const current = tickets.find((t) => t.kind === 'current');
  const expected = current
    ? jsapiSignature({ ticket: current.ticket, nonceStr: pasted.nonceStr, timestamp: pasted.timestamp, url: pasted.url })
    : { signature: '', stringToSign: '' };
  const wanted = pasted.signature.trim().toLowerCase();
  const form = formFindings(pasted);
  for (const ticket of tickets) {
    for (const v of variants(pasted)) {
      // Built here rather than by jsapiSignature, which would cut the `#` variant's URL again.
      const signature = sha1Hex(`jsapi_ticket=${ticket.ticket}&noncestr=${pasted.nonceStr}&timestamp=${v.timestamp}&url=${v.url}`);
      if (signature !== wanted) continue;
      const why = [ticketFinding(ticket), v.finding].filter((f): f is JsapiFinding => f !== undefined);
      const valid = why.length === 0 && ticket.kind === 'current';
      const findings = valid
        ? [{ code: 'ok' as const, severity: 'info' as const, message: L('签名正确', 'The signature is right') }, ...form.filter((f) => f.severity !== 'error')]
        : [...why, ...form.filter((f) => f.code !== 'url_fragment' || !why.some((w) => w.code === 'url_fragment'))];
      return { valid, findings, expected };
    }
  }
  const none = current
    ? error('no_match', L(
        '用已知的任何 ticket 和常见错误都无法复现这个签名：多半是 wx.config 的 nonceStr / timestamp 与签名时用的不同，或用了其他 AppID 的 ticket；对照下面的待签名字符串检查',
        'No known ticket or common mistake reproduces this signature: most likely wx.config got a different nonceStr / timestamp than was signed, or another AppID\'s ticket was used; compare with the string to sign below',
      ))
    : error('no_match', L('还没有这个账号的 jsapi_ticket，无法核对', 'There is no jsapi_ticket for this account yet to check against'));
  return { valid: false, findings: [none, ...form], expected };
}
