/**
 * The fields of the toolbox calls' inputs (issue 11); contract.ts adds the account name to each. Only zod is
 * imported here: the build puts src/shared/ in one chunk that the schemas chunk itself loads, so an import of
 * ../schemas from here would make the two chunks require each other.
 */
import * as z from 'zod';
import { PUSH_EVENTS, PUSH_MODES, TICKET_TYPES, type PushEvent, type PushMode, type TicketType } from './models';

export const ticketType = z.enum(TICKET_TYPES as [TicketType, ...TicketType[]]);

const isHttpUrl = (v: string) => /^https?:\/\/[^\s]+$/i.test(v);

/** A page URL as a browser has it: anything after the host (query, `#`) kept as typed. */
export const pageUrl = z.string().trim().min(1, 'url is empty').max(4096, 'url is longer than 4096 characters').refine(isHttpUrl, 'url must start with http:// or https:// and hold no spaces');

/** What the checker is given is checked by the checker itself (a wrong value is what it explains). */
const pasted = z.string().trim().max(4096);

export const signJsapiFields = {
  url: pageUrl,
  type: ticketType.optional(),
  nonceStr: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'nonceStr may hold letters, digits, "_" and "-"').optional(),
  timestamp: z.number().int().min(0).max(99_999_999_999).optional(),
};

/** Card ids, codes and openids as WeChat issues them: letters, digits, `_` and `-`. */
const cardValue = (field: string, max: number) => z.string().trim().min(1, `${field} is empty`).max(max).regex(/^[A-Za-z0-9_-]+$/, `${field} may hold letters, digits, "_" and "-"`);

export const signCardFields = {
  cardId: cardValue('cardId', 64),
  code: cardValue('code', 64).optional(),
  openid: cardValue('openid', 128).optional(),
  nonceStr: signJsapiFields.nonceStr,
  timestamp: signJsapiFields.timestamp,
};

export const checkJsapiFields = { url: pasted.min(1, 'url is empty'), nonceStr: pasted, timestamp: pasted, signature: pasted, type: ticketType.optional() };

/** A rid as WeChat writes it: hex groups joined by `-`. */
export const ridFields = { rid: z.string().trim().min(1, 'rid is empty').max(100).regex(/^[0-9a-zA-Z-]+$/, 'a rid holds letters, digits and "-"') };

export const quotaFields = {
  cgiPath: z.string().trim().max(200).regex(/^\/[A-Za-z0-9_/.-]+$/, 'cgi_path is a path such as /cgi-bin/message/custom/send'),
};

export const clearQuotaFields = {
  /** The caller asked the user: clear_quota spends one of 10 resets a month. */
  confirm: z.literal(true, { message: 'clear_quota spends one of 10 resets a month: confirm it' }),
  /** clear_quota/v2: the AppSecret instead of a token, for when the token quota itself is spent. */
  withSecret: z.boolean().optional(),
};

/** The message-push server configuration: Token (3–32 letters and digits) and EncodingAESKey (43 characters, or none). */
export const callbackConfigFields = {
  token: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'Token is 3 to 32 letters and digits'),
  aesKey: z.string().regex(/^([A-Za-z0-9]{43})?$/, 'EncodingAESKey is 43 letters and digits (or empty)'),
};

export const pushFields = {
  to: z.string().trim().max(2048).refine(isHttpUrl, 'the callback URL must start with http:// or https://'),
  verify: z.boolean().optional(),
  text: z.string().max(2048).optional(),
  event: z.enum(PUSH_EVENTS as unknown as [PushEvent, ...PushEvent[]]).optional(),
  eventKey: z.string().max(256).optional(),
  mode: z.enum(PUSH_MODES as [PushMode, ...PushMode[]]).optional(),
  from: z.string().trim().min(1).max(128).optional(),
  /** ToUserName: the account's original id (gh_…). */
  toUser: z.string().trim().min(1).max(128).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).optional(),
};

/** A push is exactly one of: the URL check, a text message, an event. */
export const onePushKind = [
  (v: { verify?: boolean; text?: string; event?: string }) => [v.verify === true, v.text !== undefined, v.event !== undefined].filter(Boolean).length === 1,
  { message: 'choose one of verify, text or event' },
] as const;
