import * as z from 'zod';
import { ACCOUNT_KINDS, ACCOUNT_NAME_MAX, ACCOUNT_NAME_PATTERN, TOKEN_MODES } from './models';
import { isApiBaseUrl, isHttpUrlWithoutCredentials, NOTE_MAX } from './account-rules';
import { accountSource } from './redis';

export { APPID_PATTERN, CORPID_PATTERN, appidProblem } from './account-rules';

/** An account name is what users type everywhere: in the CLI, in URLs, in the sidebar. */
export const accountName = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(ACCOUNT_NAME_MAX, `name is longer than ${ACCOUNT_NAME_MAX} characters`)
  .regex(ACCOUNT_NAME_PATTERN, 'name may hold letters, digits, "_", "." and "-", and starts with a letter or digit');

export const accountKind = z.enum(ACCOUNT_KINDS as [string, ...string[]]).transform((k) => k as 'oa' | 'mp' | 'wecom');
export const tokenMode = z.enum(TOKEN_MODES as [string, ...string[]]).transform((m) => m as 'stable' | 'classic');

export const apiBaseUrl = z
  .string()
  .trim()
  .refine(isApiBaseUrl, 'API base must be an http(s) URL without credentials, query or fragment')
  .transform((u) => u.replace(/\/+$/, ''));

export const proxyUrl = z
  .string()
  .trim()
  // Credentials in it would be stored in accounts.json in plaintext (and are not sent anyway).
  .refine(isHttpUrlWithoutCredentials, 'proxy must be an http:// or https:// URL without user or password');

export const note = z.string().max(NOTE_MAX, `note is longer than ${NOTE_MAX} characters`);

/** AppSecret / corpsecret: kept loose (formats differ by kind), but never blank or padded. */
export const secret = z
  .string()
  .min(1, 'secret is empty')
  .max(256, 'secret is longer than 256 characters')
  .regex(/^\S+$/, 'secret must not contain spaces or line breaks');

export const accountInput = z
  .object({
    name: accountName,
    appid: z.string().trim(),
    kind: accountKind.optional(),
    mode: tokenMode.optional(),
    apiBase: apiBaseUrl.optional(),
    proxy: proxyUrl.optional(),
    note: note.optional(),
    source: accountSource.optional(),
  })
  .strict();

/** An account as accounts.json holds it (the AppID is checked against the kind with `appidProblem`). */
export const storedAccount = z.object({
  name: accountName,
  kind: accountKind,
  appid: z.string(),
  mode: tokenMode,
  apiBase: apiBaseUrl,
  proxy: proxyUrl.optional(),
  note: note.optional(),
  source: accountSource.optional(),
  createdAt: z.string(),
});

export const accountPatch = z
  .object({
    name: accountName.optional(),
    appid: z.string().trim().optional(),
    kind: accountKind.optional(),
    mode: tokenMode.optional(),
    apiBase: apiBaseUrl.optional(),
    proxy: proxyUrl.nullable().optional(),
    note: note.nullable().optional(),
    source: accountSource.nullable().optional(),
  })
  .strict();

export const queryPairs = z.array(z.tuple([z.string().min(1).max(200), z.string().max(10_000)])).max(100);

/** Console part: one field of a multipart upload, a text value or a file (base64, up to 10 MB). */
export const formPart = z
  .object({
    name: z.string().min(1).max(200),
    value: z.string().max(100_000).optional(),
    file: z.object({ filename: z.string().min(1).max(255), contentType: z.string().max(200), base64: z.string().max(14_000_000, 'file is larger than 10 MB') }).strict().optional(),
  })
  .strict()
  .refine((p) => (p.value === undefined) !== (p.file === undefined), 'a form field holds a value or a file');

/** The longest wait a caller may ask of one console request (`wxtoken call --timeout`). */
export const MAX_REQUEST_TIMEOUT_MS = 600_000;

export const consoleRequest = z
  .object({
    account: accountName,
    method: z.enum(['GET', 'POST']),
    path: z
      .string()
      .trim()
      .regex(/^\/[A-Za-z0-9_\-./]*$/, 'path must start with "/" and hold only letters, digits, "_", "-", "." and "/"')
      .refine((p) => !p.split('/').includes('..'), 'path must not contain ".."'),
    query: queryPairs.optional(),
    body: z.string().max(5_000_000, 'body is larger than 5 MB').optional(),
    requestId: z.string().min(1).max(100).optional(),
    noHistory: z.boolean().optional(),
    timeoutMs: z.number().int().min(1).max(MAX_REQUEST_TIMEOUT_MS).optional(),
    // Console part: multipart uploads (WeChat takes media up to 10 MB).
    form: z.array(formPart).min(1).max(20).optional(),
  })
  .strict();

/** Console part: a request to save (the store masks secret values). */
export const savedRequestInput = z
  .object({
    id: z.string().min(1).max(100).optional(),
    name: z.string().trim().min(1, 'name is empty').max(100, 'name is longer than 100 characters'),
    notes: z.string().max(2_000, 'notes are longer than 2000 characters').optional(),
    method: z.enum(['GET', 'POST']),
    path: z.string().trim().min(1).max(500),
    query: queryPairs,
    body: z.string().max(1_000_000, 'body is larger than 1 MB').optional(),
  })
  .strict();

export const settingsPatch = z
  .object({
    language: z.enum(['system', 'zh-CN', 'en']).optional(),
    clipboardClearSeconds: z.number().int().min(0).max(3600).optional(),
    serverEnabled: z.boolean().optional(),
    serverPort: z.number().int().min(0).max(65535).optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
  })
  .strict();
