/** Input rules for an account's token source (issue 8): share, observe Redis, observe a URL, paste. */
import { z } from 'zod';
import type { AccountSource } from './models';
import { OBSERVE_FORMATS, redisName } from './redis';

/** A Redis key template: printable ASCII, no spaces (placeholders are checked when the key is built). */
const keyTemplate = z.string().trim().min(1, 'key is empty').max(500, 'key is longer than 500 characters').regex(/^[\x21-\x7e]+$/, 'key may hold printable ASCII only, no spaces');

/** An HTTP header name (RFC 9110 token). */
export const headerName = z.string().trim().min(1).max(100).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'header must be an HTTP header name');

export const observeUrl = z
  .string()
  .trim()
  .max(2_000, 'url is too long')
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'url must be an http(s) URL without user or password (give a secret header with --header)');

export const accountSource = z
  .discriminatedUnion('type', [
  z.object({ type: z.literal('share'), redis: redisName }).strict(),
  z
    .object({
      type: z.literal('observe'),
      redis: redisName,
      format: z.enum(OBSERVE_FORMATS),
      key: keyTemplate.optional(),
      agentid: z.string().trim().regex(/^\d{1,12}$/, 'agentid must be digits').optional(),
      componentAppid: z.string().trim().regex(/^wx[0-9a-f]{16}$/i, 'component AppID must be "wx" + 16 hex digits').optional(),
    })
    .strict(),
  z.object({ type: z.literal('observe-url'), url: observeUrl, header: headerName.optional() }).strict(),
  z.object({ type: z.literal('paste') }).strict(),
  ])
  .refine((s) => s.type !== 'observe' || s.format !== 'plain' || s.key !== undefined, { message: 'the plain format needs a key template (--key)', path: ['key'] });

/** The schema's output is the model's type (checked here, so the two cannot drift apart). */
const _sameShape: AccountSource = undefined as unknown as z.output<typeof accountSource>;
void _sameShape;

/** A token typed or pasted by hand: WeChat's tokens are printable ASCII without spaces. */
export const pastedToken = z.string().trim().regex(/^[\x21-\x7e]{8,2048}$/, 'the token must be 8 to 2048 printable characters without spaces');
