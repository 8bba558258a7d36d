/** Typing, template management, subscription templates (OA and MP), dynamic messages and mass sends. */
import { randomBytes } from 'node:crypto';
import { followers, templates } from '../data';
import { follower, intIn, numeric, ok, route, type Ctx, type Route } from '../route';

const MASS_TYPES = ['mpnews', 'text', 'voice', 'image', 'mpvideo', 'wxcard'];

function typing(c: Ctx): void {
  if (!follower(c, c.json.touser, followers)) return;
  if (c.json.command !== 'Typing' && c.json.command !== 'CancelTyping') return c.fail(40097, 'invalid args hint: [command]');
  c.send(ok);
}

/** The account's private templates: the seeded one plus any added, minus deleted. */
function templateIds(c: Ctx): Set<string> {
  return c.state.data(c.account.appid).templates;
}

function templateAdd(c: Ctx): void {
  if (!/^[A-Z]{2,}[A-Z0-9_-]{4,}$/i.test(String(c.json.template_id_short))) return c.fail(40037, 'invalid template_id');
  const id = randomBytes(32).toString('base64url').slice(0, 43);
  templateIds(c).add(id);
  c.send({ ...ok, template_id: id });
}

function templateDelete(field: string) {
  return (c: Ctx) => {
    const ids = templateIds(c);
    const id = String(c.json[field]);
    if (!id || !ids.delete(id)) return c.fail(40037, 'invalid template_id');
    c.send(ok);
  };
}

function industryGet(c: Ctx): void {
  c.send({ primary_industry: { first_class: 'IT科技', second_class: '互联网|电子商务' }, secondary_industry: { first_class: 'IT科技', second_class: 'IT软件与服务' } });
}

function industrySet(c: Ctx): void {
  const valid = (v: unknown) => intIn(numeric(v), 1, 41);
  if (!valid(c.json.industry_id1) || !valid(c.json.industry_id2)) return c.fail(40102, 'invalid industry id');
  c.send(ok);
}

function bizSend(c: Ctx): void {
  if (!follower(c, c.json.touser, followers)) return;
  if (!templateIds(c).has(String(c.json.template_id))) return c.fail(40037, 'invalid template_id');
  if (typeof c.json.data !== 'object' || c.json.data === null) return c.fail(47003, 'argument invalid! data.thing1.value empty');
  c.send(ok);
}

function newtmplList(c: Ctx): void {
  const data = [...templateIds(c)].map((id) => {
    const t = templates()[0];
    return { priTmplId: id, title: t.title, content: t.content, example: t.example, type: 2 };
  });
  c.send({ ...ok, data });
}

function newtmplAdd(c: Ctx): void {
  const kids = c.json.kidList;
  if (!Array.isArray(kids) || kids.length < 2 || kids.length > 5) return c.fail(200014, 'kidList size invalid');
  if (!/^\d+$/.test(String(c.json.tid))) return c.fail(200013, 'invalid tid');
  const id = randomBytes(32).toString('base64url').slice(0, 43);
  templateIds(c).add(id);
  c.send({ ...ok, priTmplId: id });
}

function pubTitles(c: Ctx): void {
  const limit = numeric(c.req.query.get('limit'));
  if (!intIn(limit, 1, 30)) return c.fail(200016, 'invalid limit');
  c.send({ ...ok, count: 2, data: [{ tid: 401, title: '发货提醒', type: 2, categoryId: '616' }, { tid: 402, title: '订单状态通知', type: 2, categoryId: '616' }].slice(0, limit) });
}

function pubKeywords(c: Ctx): void {
  if (!/^\d+$/.test(c.req.query.get('tid') ?? '')) return c.fail(200013, 'invalid tid');
  c.send({ ...ok, count: 2, data: [{ kid: 1, name: '物品名称', example: '咖啡', rule: 'thing' }, { kid: 2, name: '发货时间', example: '2024-01-01 12:00', rule: 'time' }] });
}

function activityId(c: Ctx): void {
  const openid = c.req.query.get('openid');
  if (!c.req.query.get('unionid') && !follower(c, openid, followers)) return;
  c.send({ ...ok, activity_id: `${randomBytes(10).toString('hex')}#${Date.now()}`, expiration_time: Math.floor(Date.now() / 1000) + 86_400 });
}

function massType(c: Ctx): boolean {
  if (MASS_TYPES.includes(c.json.msgtype as string) && typeof c.json[c.json.msgtype as string] === 'object') return true;
  c.fail(40008, 'invalid message type');
  return false;
}

function newMass(c: Ctx): void {
  const data = c.state.data(c.account.appid);
  const id = data.nextMsgId++;
  data.massSends.set(id, 'SEND_SUCCESS');
  c.send({ ...ok, msg_id: id, msg_data_id: id + 1 });
}

function sendAll(c: Ctx): void {
  const filter = c.json.filter as { is_to_all?: unknown; tag_id?: unknown } | undefined;
  if (typeof filter !== 'object' || filter === null) return c.fail(47001, 'data format error hint: [filter]');
  if (filter.is_to_all !== true && !c.state.data(c.account.appid).tags.some((t) => t.id === numeric(filter.tag_id))) return c.fail(45159, 'invalid tag id');
  if (massType(c)) newMass(c);
}

function massSend(c: Ctx): void {
  const list = c.json.touser;
  if (!Array.isArray(list) || list.length < 2 || list.length > 10_000) return c.fail(40130, 'invalid openid list size, at least two openid');
  for (const openid of list) if (!follower(c, openid, followers)) return;
  if (massType(c)) newMass(c);
}

function massPreview(c: Ctx): void {
  if (!follower(c, c.json.touser, followers) || !massType(c)) return;
  c.send({ ...ok, msg_id: c.state.data(c.account.appid).nextMsgId++ });
}

function massStatus(c: Ctx): string | undefined {
  const id = numeric(c.json.msg_id);
  const status = id === undefined ? undefined : c.state.data(c.account.appid).massSends.get(id);
  if (!status) c.fail(40097, 'invalid args hint: [msg_id]');
  return status;
}

function massGet(c: Ctx): void {
  const status = massStatus(c);
  if (status) c.send({ msg_id: numeric(c.json.msg_id), msg_status: status });
}

function massDelete(c: Ctx): void {
  if (!massStatus(c)) return;
  c.state.data(c.account.appid).massSends.set(numeric(c.json.msg_id)!, 'DELETE');
  c.send(ok);
}

export const MESSAGE_ROUTES: Route[] = [
  route('POST', '/cgi-bin/message/custom/typing', ['oa', 'mp'], typing, 500_000),
  route('POST', '/cgi-bin/template/api_add_template', ['oa'], templateAdd, 1000),
  route('POST', '/cgi-bin/template/del_private_template', ['oa'], templateDelete('template_id'), 1000),
  route('GET', '/cgi-bin/template/get_industry', ['oa'], industryGet, 1000),
  route('POST', '/cgi-bin/template/api_set_industry', ['oa'], industrySet, 1),
  route('POST', '/cgi-bin/message/subscribe/bizsend', ['oa'], bizSend, 100_000),
  route('GET', '/wxaapi/newtmpl/gettemplate', ['oa', 'mp'], newtmplList),
  route('GET', '/wxaapi/newtmpl/getcategory', ['oa', 'mp'], (c) => c.send({ ...ok, data: [{ id: 616, name: '公交' }, { id: 627, name: '软件服务提供商' }] })),
  route('POST', '/wxaapi/newtmpl/deltemplate', ['oa', 'mp'], templateDelete('priTmplId')),
  route('POST', '/wxaapi/newtmpl/addtemplate', ['mp'], newtmplAdd),
  route('GET', '/wxaapi/newtmpl/getpubtemplatetitles', ['mp'], pubTitles),
  route('GET', '/wxaapi/newtmpl/getpubtemplatekeywords', ['mp'], pubKeywords),
  route('GET', '/cgi-bin/message/wxopen/activityid/create', ['mp'], activityId),
  route('POST', '/cgi-bin/message/mass/sendall', ['oa'], sendAll, 100),
  route('POST', '/cgi-bin/message/mass/send', ['oa'], massSend, 100),
  route('POST', '/cgi-bin/message/mass/preview', ['oa'], massPreview, 100),
  route('POST', '/cgi-bin/message/mass/get', ['oa'], massGet),
  route('POST', '/cgi-bin/message/mass/delete', ['oa'], massDelete, 100),
  route('POST', '/cgi-bin/message/mass/speed/get', ['oa'], (c) => c.send({ speed: 3, realspeed: 15 })),
];
