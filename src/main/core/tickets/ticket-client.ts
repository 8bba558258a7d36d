/** One JS-SDK ticket fetch with a token (wechat-api.md §9): which path each ticket lives at, and reading the answer. */
import { appError, withDetail } from '../../../shared/errors/errors';
import type { Account } from '../../../shared/models';
import { redactError } from '../../../shared/redact';
import { fail, ok, type Result } from '../../../shared/result';
import type { TicketType } from '../../../shared/toolbox/models';
import { httpRequest } from '../wechat/http-client';
import { readWechatJson } from '../wechat/wechat-client';

export interface TicketGrant {
  ticket: string;
  expiresIn: number;
}

/** The path and query of a ticket for an account kind, or undefined when that kind has no such ticket. */
export function ticketPath(kind: Account['kind'], type: TicketType): string | undefined {
  if (kind === 'wecom') {
    if (type === 'jsapi') return '/cgi-bin/get_jsapi_ticket';
    if (type === 'agent_config') return '/cgi-bin/ticket/get?type=agent_config';
    return undefined;
  }
  if (kind === 'oa' && (type === 'jsapi' || type === 'wx_card')) return `/cgi-bin/ticket/getticket?type=${type}`;
  return undefined;
}

export async function fetchTicket(account: Account, type: TicketType, accessToken: string, timeoutMs: number): Promise<Result<TicketGrant>> {
  const path = ticketPath(account.kind, type)!;
  const url = `${account.apiBase}${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(accessToken)}`;
  const response = await httpRequest({ method: 'GET', url, timeoutMs, proxy: account.proxy });
  if (!response.ok) return fail(redactError(response.error, [accessToken]));
  const body = readWechatJson(response.value);
  if (!body.ok) return fail(redactError(body.error, [accessToken]));
  const { ticket, expires_in: expiresIn } = body.value as { ticket?: unknown; expires_in?: unknown };
  if (typeof ticket !== 'string' || !ticket || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
    return fail(appError('bad_response', { message: withDetail(appError('bad_response').message, 'no ticket / expires_in') }));
  }
  return ok({ ticket, expiresIn });
}
