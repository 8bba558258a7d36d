/**
 * JS-SDK tickets (wechat-api.md §9): the Official Account's jsapi / wx_card tickets and WeCom's corp and agent
 * tickets. Each call issues a new ticket (the pessimistic reading of the docs: tickets are limited per day, so a
 * client must never fetch one twice in its lifetime, and a test counts the calls). A ticket lives as long as the
 * account's tokens, so tests can use seconds.
 */
import { randomBytes } from 'node:crypto';
import { ok, route, type Ctx, type Route } from '../route';

function issue(c: Ctx): { ticket: string; expires_in: number } {
  // Real tickets: ~86 URL-safe characters.
  return { ticket: `sim_${randomBytes(62).toString('base64url')}`, expires_in: c.state.lifetimeSeconds(c.account.appid) };
}

function oaTicket(c: Ctx): void {
  const type = c.req.query.get('type');
  if (type !== 'jsapi' && type !== 'wx_card') return c.fail(40097, 'invalid args hint: [type]');
  c.send({ ...ok, ...issue(c) });
}

function wecomAgentTicket(c: Ctx): void {
  if (c.req.query.get('type') !== 'agent_config') return c.fail(40097, 'invalid args hint: [type]');
  c.send({ ...ok, ...issue(c) });
}

/** Listed after the catalogue's routes, so these answer the ticket paths. */
export const TICKET_ROUTES: Route[] = [
  route('GET', '/cgi-bin/ticket/getticket', ['oa'], oaTicket, 1_000_000),
  route('GET', '/cgi-bin/get_jsapi_ticket', ['wecom'], (c) => c.send({ ...ok, ...issue(c) }), 1_000_000),
  route('GET', '/cgi-bin/ticket/get', ['wecom'], wecomAgentTicket, 1_000_000),
];
