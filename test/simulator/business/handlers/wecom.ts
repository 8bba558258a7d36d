/** WeCom (企业微信) endpoints in the catalogue; errors come in WeCom's shape (hint and link, no rid). */
import { randomBytes } from 'node:crypto';
import { MESSAGE_TYPES, WECOM_AGENT_ID, WECOM_DEPARTMENTS, WECOM_MEMBERS } from '../data';
import { ok, route, type Ctx, type Route } from '../route';

function agentList(c: Ctx): void {
  c.send({ ...ok, agentlist: [{ agentid: WECOM_AGENT_ID, name: '演示应用 Demo app', square_logo_url: 'https://p.qlogo.cn/bizmail/sim/0' }] });
}

function departmentList(c: Ctx): void {
  const raw = c.req.query.get('id');
  if (!raw) return c.send({ ...ok, department: WECOM_DEPARTMENTS });
  const id = Number(raw);
  if (!WECOM_DEPARTMENTS.some((d) => d.id === id)) return c.fail(60123, 'invalid party id');
  // The department and everything under it.
  const within = new Set([id]);
  for (const d of WECOM_DEPARTMENTS) if (within.has(d.parentid)) within.add(d.id);
  c.send({ ...ok, department: WECOM_DEPARTMENTS.filter((d) => within.has(d.id)) });
}

function userGet(c: Ctx): void {
  const userid = c.req.query.get('userid');
  const member = WECOM_MEMBERS.find((m) => m.userid === userid);
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
  c.send({ ...ok, invaliduser: invalid.join('|'), invalidparty: '', invalidtag: '', unlicenseduser: '', msgid: randomBytes(12).toString('base64url'), response_code: '' });
}

export const WECOM_ROUTES: Route[] = [
  route('GET', '/cgi-bin/agent/list', ['wecom'], agentList),
  route('GET', '/cgi-bin/department/list', ['wecom'], departmentList),
  route('GET', '/cgi-bin/user/get', ['wecom'], userGet),
  route('POST', '/cgi-bin/message/send', ['wecom'], messageSend),
];
