/**
 * The platform's push XML: building a message or an event as WeChat sends it, and reading the flat `<xml>` a
 * callback server answers with (CDATA or plain text children; nested elements such as `<Image>` kept as raw text).
 */
import type { PushEvent } from '../../../shared/toolbox/models';

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function xmlOf(fields: [string, string | number][]): string {
  return `<xml>${fields.map(([k, v]) => `<${k}>${typeof v === 'number' ? v : cdata(v)}</${k}>`).join('')}</xml>`;
}

export interface PushParties {
  /** The account's original id (gh_…); WeCom: the corpid. */
  toUser: string;
  /** An openid (WeCom: a userid). */
  fromUser: string;
  createTime: number;
}

export function textMessage(p: PushParties, content: string, msgId: string): string {
  return xmlOf([['ToUserName', p.toUser], ['FromUserName', p.fromUser], ['CreateTime', p.createTime], ['MsgType', 'text'], ['Content', content], ['MsgId', msgId]]);
}

export function eventMessage(p: PushParties, event: PushEvent, key?: string): string {
  const base: [string, string | number][] = [['ToUserName', p.toUser], ['FromUserName', p.fromUser], ['CreateTime', p.createTime], ['MsgType', 'event'], ['Event', event]];
  switch (event) {
    case 'subscribe':
      return xmlOf(key ? [...base, ['EventKey', key.startsWith('qrscene_') ? key : `qrscene_${key}`], ['Ticket', 'gQSIMticket']] : base);
    case 'SCAN':
      return xmlOf([...base, ['EventKey', key ?? '123'], ['Ticket', 'gQSIMticket']]);
    case 'CLICK':
      return xmlOf([...base, ['EventKey', key ?? 'V1001_TODAY_MUSIC']]);
    case 'VIEW':
      return xmlOf([...base, ['EventKey', key ?? 'https://www.qq.com/']]);
    case 'LOCATION':
      return xmlOf([...base, ['Latitude', '23.137466'], ['Longitude', '113.352425'], ['Precision', '119.385040']]);
    default:
      return xmlOf(base);
  }
}

/** The children of a flat `<xml>` document, or undefined when the text is not one. */
export function readXml(text: string): Map<string, string> | undefined {
  const body = /^\s*(?:<\?xml[^>]*\?>\s*)?<xml>([\s\S]*)<\/xml>\s*$/.exec(text);
  if (!body) return undefined;
  const fields = new Map<string, string>();
  const child = /<([A-Za-z_][\w.-]*)>([\s\S]*?)<\/\1>/g;
  const rest = body[1];
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = child.exec(rest)) !== null) {
    if (rest.slice(consumed, match.index).trim()) return undefined;
    fields.set(match[1], unwrap(match[2]));
    consumed = match.index + match[0].length;
  }
  if (rest.slice(consumed).trim()) return undefined;
  return fields;
}

function unwrap(value: string): string {
  const parts = [...value.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)];
  if (parts.length && value.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').trim() === '') return parts.map((p) => p[1]).join('');
  return value.trim();
}
