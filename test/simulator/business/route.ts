/** The shape of a business endpoint's handler: what it is given and how it answers. */
import type { SimRequest } from '../http';
import type { FormPart } from './multipart';
import type { IssuedToken, SimState } from '../state';
import type { SimAccount } from '../types';

export type Kind = SimAccount['kind'];

export interface Ctx {
  state: SimState;
  req: SimRequest;
  token: IssuedToken;
  account: SimAccount;
  /** The parsed body of a POST (`{}` for a GET or an upload). */
  json: Record<string, unknown>;
  /** The fields of a multipart upload (empty for anything else). */
  form: Map<string, FormPart>;
  /** An error in the account's platform's shape (a rid for OA/MP, a hint and link for WeCom). */
  fail(errcode: number, errmsg: string): void;
  send(body: unknown): void;
  /** Today's limit of a business path, undefined for one the simulator does not serve (quota/get, quota/clear). */
  dailyLimitOf(path: string): number | undefined;
}

export type Handler = (c: Ctx) => void;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** One handler per token kind; another kind gets 48001. A path may serve each kind differently (WeCom's user/get). */
  by: Partial<Record<Kind, Handler>>;
  /** What quota/get reports; default 10,000. */
  dailyLimit?: number;
}

export const ok = { errcode: 0, errmsg: 'ok' };

export function route(method: Route['method'], path: string, kinds: Kind[], handler: Handler, dailyLimit?: number): Route {
  return { method, path, by: Object.fromEntries(kinds.map((k) => [k, handler])), dailyLimit };
}

/** A string field that must be present: answers 47001 and returns undefined when it is not. */
export function need(c: Ctx, field: string): string | undefined {
  const value = c.json[field];
  if (typeof value === 'string' && value !== '') return value;
  c.fail(47001, `data format error hint: [${field} missing]`);
  return undefined;
}

export function intIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** A number, or a string of digits (ids that the docs show as numbers but clients often send quoted). */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d{1,18}$/.test(value)) return Number(value);
  return undefined;
}

/** An openid that follows the account (the simulator's followers); answers 40003 otherwise. */
export function follower(c: Ctx, openid: unknown, followersOf: (appid: string) => string[]): string | undefined {
  if (typeof openid === 'string' && followersOf(c.account.appid).includes(openid)) return openid;
  c.fail(40003, 'invalid openid');
  return undefined;
}
