/** WeCom (企业微信) endpoints in the catalogue; errors come in WeCom's shape (hint and link, no rid). */
import { randomBytes } from 'node:crypto';
import { MESSAGE_TYPES, WECOM_AGENT_ID, WECOM_MEMBERS } from '../data';
import { ok, route, type Ctx, type Route } from '../route';

function agentList(c: Ctx): void {
  c.send({ ...ok, agentlist: [{ agentid: WECOM_AGENT_ID, name: '演示应用 Demo app', square_logo_url: 'https://p.qlogo.cn/bizmail/sim/0' }] });
}

function userGet(c: Ctx): void {
  const userid = c.req.query.get('userid');
  const member = (c.state.data(c.account.appid).members as typeof WECOM_MEMBERS).find((m) => m.userid === userid);
  if (!member) return c.fail(60111, 'userid not found');
  c.send({ ...ok, ...member, main_department: member.department[0], status: 1, enable: 1, alias: '', open_userid: `wosim${member.userid}` });
}

function messageSend(c: Ctx): void {
  if (c.json.agentid !== WECOM_AGENT_ID) return c.fail(40056, 'invalid agentid');
  if (typeof c.json.msgtype !== 'string' || !MESSAGE_TYPES.includes(c.json.msgtype)) return c.fail(40008, 'invalid message type');
  const touser = typeof c.json.touser === 'string' ? c.json.touser : '';
  if (!touser && !c.json.toparty && !c.json.totag) return c.fail(40035, 'invalid parameter hint: [touser, toparty and totag all empty]');
  // Unknown members do not fail the call: WeChat sends to the others and lists them.
  const invalid = touser === '@all' ? [] : touser.split('|').filter((u) => u && !WECOM_MEMBERS.some((m) => m.userid === u));
  const msgid = randomBytes(12).toString('base64url');
  c.state.data(c.account.appid).sentMsgIds.add(msgid);
  c.send({ ...ok, invaliduser: invalid.join('|'), invalidparty: '', invalidtag: '', unlicenseduser: '', msgid, response_code: '' });
}

export const WECOM_ROUTES: Route[] = [
  route('GET', '/cgi-bin/agent/list', ['wecom'], agentList),
  route('GET', '/cgi-bin/user/get', ['wecom'], userGet),
  route('POST', '/cgi-bin/message/send', ['wecom'], messageSend),
];
