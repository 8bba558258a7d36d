/**
 * Keeps tokens and secrets out of history, logs and error bodies. Everything here is pure and runs in
 * every layer; the key list errs on the side of hiding too much.
 */

import { jsonDepth } from './json-depth';
import type { AppError, Localized } from './result';

export const MASK = '***';

/**
 * Structural redaction walks a parsed body recursively; deeper than this it is not attempted (the text
 * scrub still runs), so redaction can never overflow the stack, whatever was sent.
 */
const STRUCTURAL_DEPTH = 256;

/** Keys whose values are credentials, matched case-insensitively, in JSON bodies, queries and text. */
export const SECRET_KEYS: readonly string[] = [
  'access_token',
  'accesstoken',
  'secret',
  'appsecret',
  'app_secret',
  'corpsecret',
  'corp_secret',
  'component_appsecret',
  'component_access_token',
  'component_verify_ticket',
  'authorizer_access_token',
  'authorizer_refresh_token',
  'refresh_token',
  'suite_secret',
  'suite_access_token',
  'suite_ticket',
  'provider_secret',
  'provider_access_token',
  'session_key',
  'encodingaeskey',
  'encoding_aes_key',
  'token',
  'password',
];

const SECRET_KEY_SET = new Set(SECRET_KEYS);

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SET.has(key.trim().toLowerCase());
}

/** First 6 + '…' + last 4; values too short to hide most of are masked completely. */
export function maskToken(token: string): string {
  return token.length >= 20 ? `${token.slice(0, 6)}…${token.slice(-4)}` : MASK;
}

// Longest first, so `component_access_token` wins over `access_token` and `token`.
const KEYS = [...SECRET_KEYS].sort((a, b) => b.length - a.length).join('|');
/** `access_token=…` in a URL, a query string or prose. */
const QUERY_PAIR = new RegExp(`(^|[^A-Za-z0-9_])(${KEYS})=([^&\\s"'#<>\\\\]+)`, 'gi');
/** `"secret": "…"` or `"secret": 123`, also in a truncated body that is no longer valid JSON. */
const JSON_STRING_PAIR = new RegExp(`("(?:${KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*(?:"|$)`, 'gi');
const JSON_NUMBER_PAIR = new RegExp(`("(?:${KEYS})"\\s*:\\s*)-?\\d[\\d.eE+-]*`, 'gi');
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

/** Scrubs the obvious `key=value` and `"key": value` shapes from any text, JSON or not. */
export function scrubSecretPairs(text: string): string {
  return text
    .replace(QUERY_PAIR, (_m, before: string, key: string) => `${before}${key}=${MASK}`)
    .replace(JSON_STRING_PAIR, `$1"${MASK}"`)
    .replace(JSON_NUMBER_PAIR, `$1"${MASK}"`)
    .replace(BEARER, `$1${MASK}`);
}

/** Query pairs with the values of secret keys masked (and secrets inside other values scrubbed). */
export function redactQuery(pairs: readonly (readonly [string, string])[]): [string, string][] {
  return pairs.map(([key, value]) => [key, isSecretKey(key) && value !== '' ? MASK : scrubSecretPairs(value)]);
}

const hidden = (value: unknown) => value === null || value === '' || value === MASK;

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubSecretPairs(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, isSecretKey(key) ? (hidden(inner) ? inner : MASK) : redactValue(inner)]),
  );
}

function leaksSecret(value: unknown): boolean {
  if (typeof value === 'string') return scrubSecretPairs(value) !== value;
  if (Array.isArray(value)) return value.some(leaksSecret);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => (isSecretKey(key) ? !hidden(inner) : leaksSecret(inner)));
}

/**
 * Masks the values of secret keys anywhere in a JSON body, keeping its layout when the text-level scrub
 * already got everything; otherwise (a secret object, an escaped key) the body is re-serialised. Text
 * that is not JSON is left as it is, except for the obvious `access_token=…` / `"secret": "…"` shapes.
 */
export function redactJsonText(text: string): string {
  const scrubbed = scrubSecretPairs(text);
  if (jsonDepth(text, STRUCTURAL_DEPTH) > STRUCTURAL_DEPTH) return scrubbed;
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return scrubbed;
    }
    try {
      if (!leaksSecret(JSON.parse(scrubbed))) return scrubbed;
    } catch (err) {
      if (err instanceof RangeError) throw err;
      // The scrub broke the JSON: fall through to the structural redaction.
    }
    const indent = /\n([ \t]+)\S/.exec(text)?.[1];
    return JSON.stringify(redactValue(parsed), null, indent);
  } catch {
    // Out of memory or stack on a pathological body: the text scrub is what can be done.
    return scrubbed;
  }
}

/**
 * Values shorter than this are not replaced by value: a real AppSecret is 32 characters and a token far
 * longer, while replacing a 2-letter test secret everywhere would garble every message.
 */
const MIN_KNOWN_LENGTH = 6;

/**
 * Replaces every occurrence of the known secret and token values (and their URL-encoded forms) with
 * `***`, then scrubs the obvious `key=value` shapes. For log lines, error bodies and history.
 */
export function redactText(text: string, known: readonly string[] = []): string {
  const values = new Set<string>();
  for (const value of known) {
    if (!value || value.length < MIN_KNOWN_LENGTH) continue;
    values.add(value);
    values.add(encodeURIComponent(value));
  }
  let out = text;
  for (const value of [...values].sort((a, b) => b.length - a.length)) out = out.split(value).join(MASK);
  return scrubSecretPairs(out);
}

/** Only the known values replaced, nothing else touched: for text shown to the user as it came (a response body). */
export function redactKnown(text: string, known: readonly string[]): string {
  let out = text;
  for (const value of known.flatMap((v) => (v && v.length >= MIN_KNOWN_LENGTH ? [v, encodeURIComponent(v)] : []))) {
    if (out.includes(value)) out = out.split(value).join(MASK);
  }
  return out;
}

/**
 * An error with the known secret and token values masked in every text it carries: WeChat echoes what it
 * was sent ("invalid appsecret <value>"), and errors travel to stderr, the UI, events and history.
 */
export function redactError(error: AppError, known: readonly string[]): AppError {
  const text = (t: string) => redactText(t, known);
  const both = (l: Localized): Localized => ({ zh: text(l.zh), en: text(l.en) });
  return {
    ...error,
    message: both(error.message),
    ...(error.next ? { next: both(error.next) } : {}),
    ...(error.errmsg !== undefined ? { errmsg: text(error.errmsg) } : {}),
  };
}
