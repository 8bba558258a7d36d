/**
 * What a developer pastes into the path field: a URL from WeChat's docs (with access_token=ACCESS_TOKEN) or a
 * cURL command, split into method, path, query rows and body. access_token is dropped (the account's token is
 * added at sending); the host is only reported, since a request always goes to the account's API base.
 */
import type { HttpMethod } from '../../../shared/models';
import { splitRequestUrl, type SplitRequestUrl } from '../../../shared/request-url';

export interface PastedRequest extends SplitRequestUrl {
  method?: HttpMethod;
  body?: string;
}

/** POSIX-ish shell words: '…', "…" (with \ escapes), \-newline continuations, Windows ^-newlines. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const src = text.replace(/\\\r?\n/g, ' ').replace(/\^\r?\n/g, ' ');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      word += src.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? src.length : end;
      inWord = true;
    } else if (c === '"') {
      i++;
      for (; i < src.length && src[i] !== '"'; i++) {
        if (src[i] === '\\' && i + 1 < src.length && '"\\$`'.includes(src[i + 1]!)) i++;
        word += src[i];
      }
      inWord = true;
    } else if (c === '\\' && i + 1 < src.length) {
      word += src[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

const DATA_FLAGS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json']);
/** Flags whose next word is their value (and not the URL). */
const VALUE_FLAGS = new Set(['-H', '--header', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-o', '--output', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '-u', '--user', '-w', '--write-out']);

function parseCurl(text: string): PastedRequest | undefined {
  const words = shellWords(text).slice(1);
  let url: string | undefined;
  let method: string | undefined;
  let body: string | undefined;
  let get = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-X' || w === '--request') method = words[++i]?.toUpperCase();
    else if (w.startsWith('-X') && w.length > 2) method = w.slice(2).toUpperCase();
    else if (DATA_FLAGS.has(w)) body = words[++i];
    else if (w === '--url') url = words[++i];
    else if (w === '-G' || w === '--get') get = true;
    else if (VALUE_FLAGS.has(w)) i++;
    else if (!w.startsWith('-') && url === undefined) url = w;
  }
  const split = url ? splitRequestUrl(url) : undefined;
  if (!split) return undefined;
  const verb = get ? 'GET' : (method ?? (body !== undefined ? 'POST' : 'GET'));
  return { ...split, method: verb === 'POST' ? 'POST' : 'GET', ...(body !== undefined && !get ? { body } : {}) };
}

/** Undefined when the text is an ordinary path (nothing to split) or not a request at all. */
export function parsePasted(text: string): PastedRequest | undefined {
  const value = text.trim();
  if (/^curl\s/i.test(value)) return parseCurl(value);
  if (!/^https?:\/\//i.test(value) && !value.includes('?')) return undefined;
  return splitRequestUrl(value);
}
