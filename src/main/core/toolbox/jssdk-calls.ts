/** The contract's JS-SDK calls: tickets, wx.config / wx.agentConfig signatures, and the checker. */
import type { ApiImpl } from '../../../shared/contract';
import { ok } from '../../../shared/result';
import { checkJsapiConfig } from '../jssdk/checker';
import { cardSignature, jsapiSignature, newNonce, signedUrl, unixSeconds } from '../jssdk/signature';
import { guard } from '../tokens/token-engine';
import type { TicketEngine } from '../tickets/ticket-engine';

export type JssdkCalls = Pick<ApiImpl, 'getTicket' | 'signJsapi' | 'checkJsapi' | 'signCard'>;

export function createJssdkCalls(tickets: TicketEngine, now: () => number = Date.now): JssdkCalls {
  return {
    getTicket: ({ name, type }) => tickets.getTicket(name, type ?? 'jsapi'),

    signJsapi: ({ name, url, type, nonceStr, timestamp }) => guard(async () => {
      const kind = type ?? 'jsapi';
      const got = await tickets.getTicket(name, kind);
      if (!got.ok) return got;
      const fields = { ticket: got.value.ticket, nonceStr: nonceStr ?? newNonce(), timestamp: timestamp ?? unixSeconds(now()), url };
      const { signature, stringToSign } = jsapiSignature(fields);
      const appId = (await tickets.appidOf(name)) ?? '';
      return ok({ account: name, type: kind, appId, timestamp: fields.timestamp, nonceStr: fields.nonceStr, signature, url: signedUrl(url), stringToSign });
    }),

    checkJsapi: ({ name, url, nonceStr, timestamp, signature, type }) => guard(async () => {
      const kind = type ?? 'jsapi';
      // The current ticket, fetched if there is none yet; the check still runs on what is held if that fails.
      const current = await tickets.getTicket(name, kind);
      const held = await tickets.heldTickets(name, kind);
      if (!current.ok && held.length === 0) return current;
      return ok(checkJsapiConfig({ url, nonceStr, timestamp, signature }, held));
    }),

    signCard: ({ name, cardId, code, openid, nonceStr, timestamp }) => guard(async () => {
      const got = await tickets.getTicket(name, 'wx_card');
      if (!got.ok) return got;
      const nonce = nonceStr ?? newNonce();
      const seconds = timestamp ?? unixSeconds(now());
      const optional = [code, openid].filter((v): v is string => v !== undefined);
      const { signature, stringToSign } = cardSignature([got.value.ticket, seconds, cardId, ...optional, nonce]);
      // The field order of the docs' cardExt example; WeChat reads it as JSON, so the order is only for the eye.
      const cardExt = JSON.stringify({ ...(code !== undefined ? { code } : {}), ...(openid !== undefined ? { openid } : {}), timestamp: String(seconds), nonce_str: nonce, signature });
      return ok({ account: name, cardId, ...(code !== undefined ? { code } : {}), ...(openid !== undefined ? { openid } : {}), timestamp: seconds, nonceStr: nonce, signature, stringToSign, cardExt });
    }),
  };
}
