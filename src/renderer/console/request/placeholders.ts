/**
 * Placeholders in catalogue templates. Those the account can fill (its AppID / corpid) are filled when an
 * endpoint is picked; the others (OPENID, MEDIA_ID, TEMPLATE_ID, CODE…) are found so the editor can point
 * at them and hold Send until they are replaced. WeChat's own upper-case values (QR_STR_SCENE, DEFAULT,
 * V1001_TODAY_MUSIC) are not placeholders: only names ending in ID, and CODE / TICKET, are.
 */
import type { AccountKind } from '../../../shared/models';

export interface PlaceholderAccount {
  appid: string;
  kind: AccountKind;
}

const FILLED_BY_ACCOUNT = ['APPID', 'CORPID'];
const OTHER_PLACEHOLDERS = new Set(['CODE', 'TICKET']);

export function isPlaceholder(value: string): boolean {
  return /^[A-Z][A-Z0-9_]*ID$/.test(value) || OTHER_PLACEHOLDERS.has(value);
}

/** `"APPID"` in the body and a query value `APPID` become the account's AppID (corpid for WeCom). */
export function fillFromAccount(text: string, account: PlaceholderAccount): string {
  return text.replace(/"(APPID|CORPID)"/g, () => JSON.stringify(account.appid));
}

export function fillValue(value: string, account: PlaceholderAccount): string {
  return FILLED_BY_ACCOUNT.includes(value) ? account.appid : value;
}

export interface FoundPlaceholder {
  name: string;
  /** 1-based line in the body; undefined for a query value. */
  line?: number;
  /** Offset of the placeholder (without its quotes) in the body. */
  from?: number;
}

/** Whole JSON string values in the body that are placeholders, in order. */
export function bodyPlaceholders(body: string): FoundPlaceholder[] {
  const found: FoundPlaceholder[] = [];
  for (const match of body.matchAll(/"([A-Z][A-Z0-9_]*)"(?!\s*:)/g)) {
    if (!isPlaceholder(match[1]!)) continue;
    const from = match.index! + 1;
    found.push({ name: match[1]!, from, line: body.slice(0, from).split('\n').length });
  }
  return found;
}
