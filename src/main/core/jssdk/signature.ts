/**
 * The JS-SDK signatures (wechat-api.md §9): wx.config and WeCom's wx.agentConfig sign
 * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` in that key order with the values raw (nothing escaped) and
 * the URL cut at `#`; card signatures sort the values themselves and concatenate them.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface JsapiSignInput {
  ticket: string;
  nonceStr: string;
  timestamp: string | number;
  url: string;
}

export const sha1Hex = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** The page URL as WeChat signs it: everything before the first `#`. */
export function signedUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function jsapiStringToSign(input: JsapiSignInput): string {
  return `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${signedUrl(input.url)}`;
}

/** wx.config's signature; WeCom's wx.config (corp ticket) and wx.agentConfig (agent ticket) use the same string. */
export function jsapiSignature(input: JsapiSignInput): { stringToSign: string; signature: string } {
  const stringToSign = jsapiStringToSign(input);
  return { stringToSign, signature: sha1Hex(stringToSign) };
}

/** A card signature: the values (api_ticket, timestamp, card_id, code, openid, nonce_str …) sorted as strings, joined, sha1. */
export function cardSignature(values: (string | number)[]): { stringToSign: string; signature: string } {
  const stringToSign = values.map(String).sort().join('');
  return { stringToSign, signature: sha1Hex(stringToSign) };
}

/** 16 letters and digits, like the docs' `Wm3WZYTPz0wzccnW`. */
export function newNonce(length = 16): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Seconds since the epoch, as the JS-SDK wants its timestamp. */
export const unixSeconds = (ms = Date.now()): number => Math.floor(ms / 1000);
