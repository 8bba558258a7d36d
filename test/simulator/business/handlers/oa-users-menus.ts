/** Official Account tags, remarks, the blacklist and conditional menus. */
import { followers, userInfo } from '../data';
import { follower, numeric, ok, route, type Ctx, type Route } from '../route';

const SYSTEM_TAGS = [0, 1, 2];

function tagOf(c: Ctx): { id?: number; name?: string } {
  const tag = c.json.tag;
  return typeof tag === 'object' && tag !== null ? (tag as { id?: number; name?: string }) : {};
}

function tagsCreate(c: Ctx): void {
  const { name } = tagOf(c);
  const tags = c.state.data(c.account.appid).tags;
  if (typeof name !== 'string' || !name || name.length > 30) return c.fail(45158, 'tag name too long');
  if (tags.some((t) => t.name === name)) return c.fail(45157, 'invalid tag name');
  if (tags.length >= 100) return c.fail(45056, 'too many tags');
  const tag = { id: c.state.data(c.account.appid).nextId++, name, count: 0 };
  tags.push(tag);
  c.send({ tag: { id: tag.id, name } });
}

function knownTag(c: Ctx, id: unknown): { id: number; name: string; count: number } | undefined {
  const tag = c.state.data(c.account.appid).tags.find((t) => t.id === numeric(id));
  if (!tag) c.fail(45159, 'invalid tag id');
  return tag;
}

function tagsUpdate(c: Ctx): void {
  const { id, name } = tagOf(c);
  if (SYSTEM_TAGS.includes(numeric(id) ?? -1)) return c.fail(45058, 'can\'t modify sys tag');
  const tag = knownTag(c, id);
  if (!tag) return;
  if (typeof name !== 'string' || !name || name.length > 30) return c.fail(45158, 'tag name too long');
  tag.name = name;
  c.send(ok);
}

function tagsDelete(c: Ctx): void {
  const { id } = tagOf(c);
  if (SYSTEM_TAGS.includes(numeric(id) ?? -1)) return c.fail(45058, 'can\'t modify sys tag');
  if (!knownTag(c, id)) return;
  const data = c.state.data(c.account.appid);
  data.tags = data.tags.filter((t) => t.id !== numeric(id));
  c.send(ok);
}

/** openid_list: 1 to 50 of the account's followers. */
function openidList(c: Ctx, max = 50): string[] | undefined {
  const list = c.json.openid_list;
  if (!Array.isArray(list) || list.length === 0) return void c.fail(40032, 'invalid openid_list size'), undefined;
  if (list.length > max) return void c.fail(40032, 'invalid openid_list size'), undefined;
  for (const openid of list) if (!follower(c, openid, followers)) return undefined;
  return list as string[];
}

function batchTagging(c: Ctx): void {
  if (!openidList(c) || !knownTag(c, c.json.tagid)) return;
  c.send(ok);
}

function getIdList(c: Ctx): void {
  const openid = follower(c, c.json.openid, followers);
  if (openid) c.send({ tagid_list: userInfo(c.account.appid, openid).tagid_list });
}

function remark(c: Ctx): void {
  if (!follower(c, c.json.openid, followers)) return;
  if (typeof c.json.remark !== 'string' || c.json.remark.length >= 30) return c.fail(45061, 'remark too long');
  c.send(ok);
}

function blacklistGet(c: Ctx): void {
  const all = [...c.state.data(c.account.appid).blacklist];
  const begin = typeof c.json.begin_openid === 'string' ? c.json.begin_openid : '';
  const start = begin ? all.indexOf(begin) : 0;
  if (start < 0) return c.fail(40003, 'invalid openid');
  const page = all.slice(start, start + 10_000);
  c.send({ total: all.length, count: page.length, data: { openid: page }, next_openid: page.at(-1) ?? '' });
}

function blacklist(add: boolean) {
  return (c: Ctx) => {
    const list = openidList(c, 20);
    if (!list) return;
    const set = c.state.data(c.account.appid).blacklist;
    for (const openid of list) add ? set.add(openid) : set.delete(openid);
    c.send(ok);
  };
}

function addConditional(c: Ctx): void {
  const data = c.state.data(c.account.appid);
  if (!data.menu) return c.fail(65303, 'there is no selfmenu, please create selfmenu first');
  if (!Array.isArray(c.json.button) || c.json.button.length === 0 || c.json.button.length > 3) return c.fail(40016, 'invalid button size');
  const rule = c.json.matchrule as Record<string, unknown> | undefined;
  if (typeof rule !== 'object' || rule === null || Object.values(rule).every((v) => v === undefined || v === '')) return c.fail(65304, 'match rule empty');
  const menuid = String(208_379_533 + data.nextId++);
  data.conditional.set(menuid, { button: c.json.button, matchrule: rule, menuid });
  c.send({ menuid });
}

function delConditional(c: Ctx): void {
  const data = c.state.data(c.account.appid);
  const menuid = String(c.json.menuid);
  if (!data.conditional.delete(menuid)) return c.fail(65301, 'no such personalized menu');
  c.send(ok);
}

function tryMatch(c: Ctx): void {
  const data = c.state.data(c.account.appid);
  if (!follower(c, c.json.user_id, followers)) return;
  if (!data.menu) return c.fail(46003, 'menu no exist');
  c.send({ button: data.menu.button });
}

export const OA_USERS_MENUS_ROUTES: Route[] = [
  route('POST', '/cgi-bin/user/info/updateremark', ['oa'], remark, 10_000),
  route('POST', '/cgi-bin/tags/create', ['oa'], tagsCreate, 1000),
  route('POST', '/cgi-bin/tags/update', ['oa'], tagsUpdate, 1000),
  route('POST', '/cgi-bin/tags/delete', ['oa'], tagsDelete, 1000),
  route('POST', '/cgi-bin/tags/members/batchtagging', ['oa'], batchTagging, 100_000),
  route('POST', '/cgi-bin/tags/members/batchuntagging', ['oa'], batchTagging, 100_000),
  route('POST', '/cgi-bin/tags/getidlist', ['oa'], getIdList, 100_000),
  route('POST', '/cgi-bin/tags/members/getblacklist', ['oa'], blacklistGet, 1000),
  route('POST', '/cgi-bin/tags/members/batchblacklist', ['oa'], blacklist(true), 1000),
  route('POST', '/cgi-bin/tags/members/batchunblacklist', ['oa'], blacklist(false), 1000),
  route('POST', '/cgi-bin/menu/addconditional', ['oa'], addConditional, 2000),
  route('POST', '/cgi-bin/menu/delconditional', ['oa'], delConditional, 2000),
  route('POST', '/cgi-bin/menu/trymatch', ['oa'], tryMatch, 20_000),
];
