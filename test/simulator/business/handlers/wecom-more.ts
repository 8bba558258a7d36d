/** WeCom contacts (members, departments, tags), group chats, recall, app settings and the app menu. */
import { randomBytes } from 'node:crypto';
import { MESSAGE_TYPES, SIM_RESPONSE_CODE, WECOM_AGENT_ID, wecomOpenid } from '../data';
import { intIn, numeric, ok, route, type Ctx, type Route } from '../route';

const WECOM = ['wecom'] as const;
type Member = Record<string, unknown> & { userid: string; name: string; department: number[] };
type Department = { id: number; name: string; name_en?: string; parentid: number; order: number; department_leader?: string[] };

const data = (c: Ctx) => c.state.data(c.account.appid);
const members = (c: Ctx) => data(c).members as Member[];
const departments = (c: Ctx) => data(c).departments as unknown as Department[];
const memberOf = (c: Ctx, userid: unknown) => members(c).find((m) => m.userid === userid);

function knownMember(c: Ctx, userid: unknown): Member | undefined {
  const member = memberOf(c, userid);
  if (!member) c.fail(60111, 'userid not found');
  return member;
}

function knownDepartment(c: Ctx, id: unknown): Department | undefined {
  const dept = departments(c).find((d) => d.id === numeric(id));
  if (!dept) c.fail(60123, 'invalid party id');
  return dept;
}

function departmentsOk(c: Ctx, list: unknown): list is number[] {
  if (list === undefined) return true;
  if (!Array.isArray(list) || list.length > 100) return void c.fail(60003, 'department not found'), false;
  for (const id of list) if (!knownDepartment(c, id)) return false;
  return true;
}

function userCreate(c: Ctx): void {
  const { userid, name, department = [1], mobile, email } = c.json;
  if (typeof userid !== 'string' || !/^[\w.@-]{1,64}$/.test(userid)) return c.fail(40031, 'invalid userid');
  if (memberOf(c, userid)) return c.fail(60102, 'userid existed');
  if (typeof name !== 'string' || name.length > 64) return c.fail(60112, 'invalid username');
  if (!mobile && !email) return c.fail(60129, 'missing mobile or email');
  if (mobile !== undefined && members(c).some((m) => m.mobile === mobile)) return c.fail(60104, 'mobile existed');
  if (!departmentsOk(c, department)) return;
  members(c).push({ userid, name, department: department as number[], position: String(c.json.position ?? ''), mobile: String(mobile ?? ''), email: String(email ?? '') });
  c.send({ errcode: 0, errmsg: 'created' });
}

function userUpdate(c: Ctx): void {
  const member = knownMember(c, c.json.userid);
  if (!member || !departmentsOk(c, c.json.department)) return;
  for (const field of ['name', 'department', 'position', 'mobile', 'email']) if (c.json[field] !== undefined) member[field] = c.json[field];
  c.send({ errcode: 0, errmsg: 'updated' });
}

function userDelete(c: Ctx): void {
  const userid = c.req.query.get('userid');
  if (!knownMember(c, userid)) return;
  data(c).members = members(c).filter((m) => m.userid !== userid);
  c.send({ errcode: 0, errmsg: 'deleted' });
}

function userBatchDelete(c: Ctx): void {
  const list = c.json.useridlist;
  if (!Array.isArray(list) || list.length === 0 || list.length > 200) return c.fail(60146, 'invalid userid list size');
  for (const userid of list) if (!knownMember(c, userid)) return;
  data(c).members = members(c).filter((m) => !list.includes(m.userid));
  c.send({ errcode: 0, errmsg: 'deleted' });
}

const fullMember = (m: Member) => ({ ...m, main_department: m.department[0], status: 1, enable: 1, alias: '', open_userid: `wosim${m.userid}` });

function usersOf(c: Ctx, full: boolean): void {
  const dept = knownDepartment(c, c.req.query.get('department_id'));
  if (!dept) return;
  const list = members(c).filter((m) => m.department.includes(dept.id));
  c.send({ ...ok, userlist: list.map((m) => (full ? fullMember(m) : { userid: m.userid, name: m.name, department: m.department, open_userid: `wosim${m.userid}` })) });
}

function listId(c: Ctx): void {
  if (c.json.limit !== undefined && !intIn(c.json.limit, 1, 10_000)) return c.fail(40058, 'invalid limit');
  const start = c.json.cursor ? Number(Buffer.from(String(c.json.cursor), 'base64url').toString()) : 0;
  if (!Number.isInteger(start)) return c.fail(40058, 'invalid cursor');
  const limit = (c.json.limit as number | undefined) ?? 10_000;
  const page = members(c).slice(start, start + limit);
  const more = start + limit < members(c).length;
  c.send({ ...ok, next_cursor: more ? Buffer.from(String(start + limit)).toString('base64url') : '', dept_user: page.flatMap((m) => m.department.map((department) => ({ userid: m.userid, department }))) });
}

function toOpenid(c: Ctx): void {
  const member = knownMember(c, c.json.userid);
  if (member) c.send({ ...ok, openid: wecomOpenid(member.userid) });
}

function toUserid(c: Ctx): void {
  const member = members(c).find((m) => wecomOpenid(m.userid) === c.json.openid);
  if (!member) return c.fail(40003, 'invalid openid');
  c.send({ ...ok, userid: member.userid });
}

function findBy(field: 'mobile' | 'email', errcode: number, errmsg: string) {
  return (c: Ctx) => {
    const member = members(c).find((m) => m[field] === c.json[field]);
    if (!member) return c.fail(errcode, errmsg);
    c.send({ ...ok, userid: member.userid });
  };
}

/** The department and everything under it (or all, without an id). */
function subtree(c: Ctx): Department[] | undefined {
  const raw = c.req.query.get('id');
  if (!raw) return departments(c);
  const root = knownDepartment(c, raw);
  if (!root) return undefined;
  const within = new Set([root.id]);
  for (const d of departments(c)) if (within.has(d.parentid)) within.add(d.id);
  return departments(c).filter((d) => within.has(d.id));
}

function departmentList(c: Ctx): void {
  const list = subtree(c);
  if (list) c.send({ ...ok, department: list });
}

function departmentSimpleList(c: Ctx): void {
  const list = subtree(c);
  if (list) c.send({ ...ok, department_id: list.map(({ id, parentid, order }) => ({ id, parentid, order })) });
}

function departmentGet(c: Ctx): void {
  const dept = knownDepartment(c, c.req.query.get('id'));
  if (dept) c.send({ ...ok, department: dept });
}

function departmentCreate(c: Ctx): void {
  const { name, parentid, order = 1, id, name_en: nameEn } = c.json;
  if (typeof name !== 'string' || name.length > 64 || /[\\:*?"<>|]/.test(name)) return c.fail(60001, 'invalid department name');
  if (!knownDepartment(c, parentid)) return;
  if (departments(c).some((d) => d.parentid === numeric(parentid) && d.name === name)) return c.fail(60008, 'department existed');
  const newId = numeric(id) ?? Math.max(...departments(c).map((d) => d.id)) + 1;
  if (departments(c).some((d) => d.id === newId)) return c.fail(60008, 'department existed');
  departments(c).push({ id: newId, name, ...(nameEn ? { name_en: String(nameEn) } : {}), parentid: numeric(parentid)!, order: Number(order) });
  c.send({ errcode: 0, errmsg: 'created', id: newId });
}

function departmentUpdate(c: Ctx): void {
  const dept = knownDepartment(c, c.json.id);
  if (!dept) return;
  if (c.json.parentid !== undefined && !knownDepartment(c, c.json.parentid)) return;
  if (typeof c.json.name === 'string') dept.name = c.json.name;
  if (c.json.parentid !== undefined) dept.parentid = numeric(c.json.parentid)!;
  c.send({ errcode: 0, errmsg: 'updated' });
}

function departmentDelete(c: Ctx): void {
  const dept = knownDepartment(c, c.req.query.get('id'));
  if (!dept) return;
  if (dept.parentid === 0) return c.fail(60004, 'parent department not found');
  if (departments(c).some((d) => d.parentid === dept.id)) return c.fail(60006, 'department contains sub-department');
  if (members(c).some((m) => m.department.includes(dept.id))) return c.fail(60005, 'department contains user');
  data(c).departments = departments(c).filter((d) => d.id !== dept.id) as unknown as Record<string, unknown>[];
  c.send({ errcode: 0, errmsg: 'deleted' });
}

function knownTag(c: Ctx, id: unknown) {
  const tag = data(c).wecomTags.get(numeric(id) ?? -1);
  if (!tag) c.fail(40068, 'invalid tagid');
  return tag;
}

function tagCreate(c: Ctx): void {
  const tags = data(c).wecomTags;
  const name = c.json.tagname;
  if (typeof name !== 'string' || !name || name.length > 32) return c.fail(40071, 'invalid tagname');
  if ([...tags.values()].some((t) => t.tagname === name)) return c.fail(40071, 'tagname existed');
  const id = numeric(c.json.tagid) ?? Math.max(0, ...tags.keys()) + 1;
  if (tags.has(id)) return c.fail(40068, 'invalid tagid');
  tags.set(id, { tagname: name, userlist: new Set(), partylist: new Set() });
  c.send({ errcode: 0, errmsg: 'created', tagid: id });
}

function tagUpdate(c: Ctx): void {
  const tag = knownTag(c, c.json.tagid);
  if (!tag) return;
  if (typeof c.json.tagname !== 'string' || !c.json.tagname || c.json.tagname.length > 32) return c.fail(40071, 'invalid tagname');
  tag.tagname = c.json.tagname;
  c.send({ errcode: 0, errmsg: 'updated' });
}

function tagDelete(c: Ctx): void {
  const id = c.req.query.get('tagid');
  if (!knownTag(c, id)) return;
  data(c).wecomTags.delete(Number(id));
  c.send({ errcode: 0, errmsg: 'deleted' });
}

function tagGet(c: Ctx): void {
  const tag = knownTag(c, c.req.query.get('tagid'));
  if (!tag) return;
  const userlist = [...tag.userlist].map((userid) => ({ userid, name: memberOf(c, userid)?.name ?? '' }));
  c.send({ ...ok, tagname: tag.tagname, userlist, partylist: [...tag.partylist] });
}

function tagMembers(add: boolean) {
  return (c: Ctx) => {
    const tag = knownTag(c, c.json.tagid);
    if (!tag) return;
    const users = Array.isArray(c.json.userlist) ? (c.json.userlist as string[]) : [];
    const parties = Array.isArray(c.json.partylist) ? (c.json.partylist as number[]) : [];
    if (users.length === 0 && parties.length === 0) return c.fail(40031, 'invalid userlist and partylist');
    const invalidUsers = users.filter((u) => !memberOf(c, u));
    const invalidParties = parties.filter((p) => !departments(c).some((d) => d.id === p));
    for (const u of users) if (!invalidUsers.includes(u)) add ? tag.userlist.add(u) : tag.userlist.delete(u);
    for (const p of parties) if (!invalidParties.includes(p)) add ? tag.partylist.add(p) : tag.partylist.delete(p);
    c.send({ ...ok, ...(invalidUsers.length ? { invalidlist: invalidUsers.join('|') } : {}), ...(invalidParties.length ? { invalidparty: invalidParties } : {}) });
  };
}

function agentOk(c: Ctx, agentid: unknown): boolean {
  if (numeric(agentid) === WECOM_AGENT_ID) return true;
  c.fail(40056, 'invalid agentid');
  return false;
}

function recall(c: Ctx): void {
  if (!data(c).sentMsgIds.delete(String(c.json.msgid))) return c.fail(40058, 'invalid msgid');
  c.send(ok);
}

function updateCard(c: Ctx): void {
  if (!agentOk(c, c.json.agentid)) return;
  if (c.json.response_code !== SIM_RESPONSE_CODE) return c.fail(40058, 'invalid response_code');
  const ids = Array.isArray(c.json.userids) ? (c.json.userids as string[]) : [];
  c.send({ ...ok, invaliduser: ids.filter((u) => !memberOf(c, u)) });
}

function statistics(c: Ctx): void {
  if (c.json.time !== undefined && c.json.time !== 0 && c.json.time !== 1) return c.fail(40058, 'invalid time');
  c.send({ ...ok, statistics: [{ agentid: WECOM_AGENT_ID, app_name: '演示应用 Demo app', count: data(c).sentMsgIds.size }] });
}

function chatOf(c: Ctx, chatid: unknown) {
  const chat = data(c).chats.get(String(chatid));
  if (!chat) c.fail(86003, 'chatid not found');
  return chat;
}

function chatCreate(c: Ctx): void {
  const users = c.json.userlist;
  if (!Array.isArray(users) || users.length < 2 || users.length > 2000) return c.fail(86004, 'invalid userlist size');
  for (const u of users) if (!knownMember(c, u)) return;
  const chatid = typeof c.json.chatid === 'string' && c.json.chatid ? c.json.chatid : `wr${randomBytes(12).toString('hex')}`;
  if (data(c).chats.has(chatid)) return c.fail(86215, 'chatid existed');
  data(c).chats.set(chatid, { name: String(c.json.name ?? ''), owner: String(c.json.owner ?? users[0]), userlist: users as string[] });
  c.send({ ...ok, chatid });
}

function chatUpdate(c: Ctx): void {
  const chat = chatOf(c, c.json.chatid);
  if (!chat) return;
  const add = Array.isArray(c.json.add_user_list) ? (c.json.add_user_list as string[]) : [];
  const del = Array.isArray(c.json.del_user_list) ? (c.json.del_user_list as string[]) : [];
  for (const u of add) if (!knownMember(c, u)) return;
  if (typeof c.json.name === 'string') chat.name = c.json.name;
  if (typeof c.json.owner === 'string') chat.owner = c.json.owner;
  chat.userlist = [...new Set([...chat.userlist, ...add])].filter((u) => !del.includes(u));
  c.send(ok);
}

function chatGet(c: Ctx): void {
  const chat = chatOf(c, c.req.query.get('chatid'));
  if (chat) c.send({ ...ok, chat_info: { chatid: c.req.query.get('chatid'), name: chat.name, owner: chat.owner, userlist: chat.userlist, chat_type: 0 } });
}

function chatSend(c: Ctx): void {
  if (!chatOf(c, c.json.chatid)) return;
  if (typeof c.json.msgtype !== 'string' || !MESSAGE_TYPES.concat(['file', 'textcard', 'markdown']).includes(c.json.msgtype)) return c.fail(40008, 'invalid message type');
  c.send(ok);
}

function agentGet(c: Ctx): void {
  if (!agentOk(c, c.req.query.get('agentid'))) return;
  c.send({
    ...ok,
    agentid: WECOM_AGENT_ID,
    name: '演示应用 Demo app',
    square_logo_url: 'https://p.qlogo.cn/bizmail/sim/0',
    description: '演示应用',
    allow_userinfos: { user: members(c).map((m) => ({ userid: m.userid })) },
    allow_partys: { partyid: [1] },
    allow_tags: { tagid: [...data(c).wecomTags.keys()] },
    close: 0,
    redirect_domain: 'example.com',
    report_location_flag: 0,
    isreportenter: 0,
    home_url: 'https://example.com/',
    customized_publish_status: 1,
  });
}

function agentSet(c: Ctx): void {
  if (!agentOk(c, c.json.agentid)) return;
  if (c.json.home_url !== undefined && !/^https?:\/\//.test(String(c.json.home_url))) return c.fail(40058, 'invalid home_url');
  c.send(ok);
}

function menuCreate(c: Ctx): void {
  if (!agentOk(c, c.req.query.get('agentid'))) return;
  const buttons = c.json.button;
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 3) return c.fail(40016, 'invalid button size');
  for (const b of buttons as Record<string, unknown>[]) {
    if (typeof b?.name !== 'string' || !b.name) return c.fail(40018, 'invalid button name size');
    if (Array.isArray(b.sub_button) && b.sub_button.length > 5) return c.fail(40023, 'invalid sub button size');
  }
  data(c).agentMenu = { button: (buttons as Record<string, unknown>[]).map((b) => ({ ...b, sub_button: b.sub_button ?? [] })) };
  c.send(ok);
}

function menuGet(c: Ctx): void {
  if (!agentOk(c, c.req.query.get('agentid'))) return;
  const menu = data(c).agentMenu;
  if (!menu) return c.fail(46003, 'menu no exist');
  c.send({ ...ok, button: menu.button });
}

function menuDelete(c: Ctx): void {
  if (!agentOk(c, c.req.query.get('agentid'))) return;
  data(c).agentMenu = undefined;
  c.send(ok);
}

export const WECOM_MORE_ROUTES: Route[] = [
  route('POST', '/cgi-bin/user/create', [...WECOM], userCreate),
  route('POST', '/cgi-bin/user/update', [...WECOM], userUpdate),
  route('GET', '/cgi-bin/user/delete', [...WECOM], userDelete),
  route('POST', '/cgi-bin/user/batchdelete', [...WECOM], userBatchDelete),
  route('GET', '/cgi-bin/user/simplelist', [...WECOM], (c) => usersOf(c, false)),
  route('GET', '/cgi-bin/user/list', [...WECOM], (c) => usersOf(c, true)),
  route('POST', '/cgi-bin/user/list_id', [...WECOM], listId),
  route('POST', '/cgi-bin/user/convert_to_openid', [...WECOM], toOpenid),
  route('POST', '/cgi-bin/user/convert_to_userid', [...WECOM], toUserid),
  route('POST', '/cgi-bin/user/getuserid', [...WECOM], findBy('mobile', 46004, 'user not exist')),
  route('POST', '/cgi-bin/user/get_userid_by_email', [...WECOM], findBy('email', 46004, 'user not exist')),
  route('GET', '/cgi-bin/department/list', [...WECOM], departmentList),
  route('GET', '/cgi-bin/department/simplelist', [...WECOM], departmentSimpleList),
  route('GET', '/cgi-bin/department/get', [...WECOM], departmentGet),
  route('POST', '/cgi-bin/department/create', [...WECOM], departmentCreate),
  route('POST', '/cgi-bin/department/update', [...WECOM], departmentUpdate),
  route('GET', '/cgi-bin/department/delete', [...WECOM], departmentDelete),
  route('GET', '/cgi-bin/tag/list', [...WECOM], (c) => c.send({ ...ok, taglist: [...data(c).wecomTags].map(([tagid, t]) => ({ tagid, tagname: t.tagname })) })),
  route('GET', '/cgi-bin/tag/get', [...WECOM], tagGet),
  route('POST', '/cgi-bin/tag/create', [...WECOM], tagCreate),
  route('POST', '/cgi-bin/tag/update', [...WECOM], tagUpdate),
  route('GET', '/cgi-bin/tag/delete', [...WECOM], tagDelete),
  route('POST', '/cgi-bin/tag/addtagusers', [...WECOM], tagMembers(true)),
  route('POST', '/cgi-bin/tag/deltagusers', [...WECOM], tagMembers(false)),
  route('POST', '/cgi-bin/message/recall', [...WECOM], recall),
  route('POST', '/cgi-bin/message/update_template_card', [...WECOM], updateCard),
  route('POST', '/cgi-bin/message/get_statistics', [...WECOM], statistics),
  route('POST', '/cgi-bin/appchat/create', [...WECOM], chatCreate),
  route('POST', '/cgi-bin/appchat/update', [...WECOM], chatUpdate),
  route('GET', '/cgi-bin/appchat/get', [...WECOM], chatGet),
  route('POST', '/cgi-bin/appchat/send', [...WECOM], chatSend),
  route('GET', '/cgi-bin/agent/get', [...WECOM], agentGet),
  route('POST', '/cgi-bin/agent/set', [...WECOM], agentSet),
  route('POST', '/cgi-bin/menu/create', [...WECOM], menuCreate),
  route('GET', '/cgi-bin/menu/get', [...WECOM], menuGet),
  route('GET', '/cgi-bin/menu/delete', [...WECOM], menuDelete),
];
