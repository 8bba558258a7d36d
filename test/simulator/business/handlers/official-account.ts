/** Official Account endpoints (wechat-api.md §6), with the documented success shapes and errors. */
import { randomBytes } from 'node:crypto';
import {
  AUTOREPLY,
  followers,
  materials,
  MESSAGE_TYPES,
  SIM_MEDIA_ID,
  TAGS,
  templates,
  userInfo,
} from '../data';
import { sendBytes } from '../../http';
import { MEDIA_JPEG } from '../images';
import { intIn, need, ok, route, type Ctx, type Kind, type Route } from '../route';

const OA: Kind[] = ['oa'];
const OA_MP: Kind[] = ['oa', 'mp'];
const MENU_TYPES = ['click', 'view', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select', 'media_id', 'article_id', 'article_view_limited', 'miniprogram'];
const MATERIAL_TYPES = ['image', 'voice', 'video', 'news'];

const isFollower = (c: Ctx, openid: unknown) => typeof openid === 'string' && followers(c.account.appid).includes(openid);

function userGet(c: Ctx): void {
  const all = followers(c.account.appid);
  const after = c.req.query.get('next_openid');
  let start = 0;
  if (after) {
    const at = all.indexOf(after);
    if (at < 0) return c.fail(40003, 'invalid next_openid');
    start = at + 1;
  }
  const page = all.slice(start, start + 10_000);
  if (page.length === 0) return c.send({ total: all.length, count: 0, next_openid: '' });
  c.send({ total: all.length, count: page.length, data: { openid: page }, next_openid: page[page.length - 1] });
}

function userInfoGet(c: Ctx): void {
  const openid = c.req.query.get('openid');
  if (!isFollower(c, openid)) return c.fail(40003, 'invalid openid');
  c.send(userInfo(c.account.appid, openid!));
}

function userBatchGet(c: Ctx): void {
  const list = c.json.user_list;
  if (!Array.isArray(list) || list.length === 0) return c.fail(47001, 'data format error hint: [user_list missing]');
  if (list.length > 100) return c.fail(45035, 'user_list size out of limit');
  const infos = [];
  for (const item of list) {
    const openid = (item as { openid?: unknown } | null)?.openid;
    if (!isFollower(c, openid)) return c.fail(40003, 'invalid openid');
    infos.push(userInfo(c.account.appid, openid as string));
  }
  c.send({ user_info_list: infos });
}

function tagUsers(c: Ctx): void {
  const tagid = c.json.tagid;
  if (tagid === undefined) return c.fail(47001, 'data format error hint: [tagid missing]');
  if (!TAGS.some((t) => t.id === tagid)) return c.fail(45159, 'invalid tag id');
  const all = followers(c.account.appid).filter((openid) => (userInfo(c.account.appid, openid).tagid_list as number[]).includes(tagid as number));
  const after = typeof c.json.next_openid === 'string' ? c.json.next_openid : '';
  const start = after ? all.indexOf(after) + 1 : 0;
  if (after && start === 0) return c.fail(40003, 'invalid next_openid');
  const page = all.slice(start);
  c.send({ count: page.length, ...(page.length ? { data: { openid: page } } : {}), next_openid: page.at(-1) ?? '' });
}

function menuGet(c: Ctx): void {
  const menu = c.state.data(c.account.appid).menu;
  if (!menu) return c.fail(46003, 'menu no exist');
  c.send({ menu });
}

/** Up to 3 buttons of up to 5 sub-buttons, each a known type with what that type needs. */
function menuCreate(c: Ctx): void {
  const buttons = c.json.button;
  if (!Array.isArray(buttons)) return c.fail(47001, 'data format error hint: [button missing]');
  if (buttons.length === 0 || buttons.length > 3) return c.fail(40016, 'invalid button size');
  for (const button of buttons as Record<string, unknown>[]) {
    if (typeof button?.name !== 'string' || !button.name) return c.fail(40018, 'invalid button name size');
    const subs = button.sub_button;
    if (Array.isArray(subs) && subs.length > 0) {
      if (subs.length > 5) return c.fail(40023, 'invalid sub button size');
      for (const sub of subs as Record<string, unknown>[]) {
        if (typeof sub?.name !== 'string' || !sub.name) return c.fail(40025, 'invalid sub button name size');
        if (!MENU_TYPES.includes(sub.type as string)) return c.fail(40017, 'invalid button type');
      }
    } else if (!MENU_TYPES.includes(button.type as string)) {
      return c.fail(40017, 'invalid button type');
    }
  }
  const withSubs = (b: Record<string, unknown>) => ({ ...b, sub_button: ((b.sub_button as Record<string, unknown>[] | undefined) ?? []).map((s) => ({ ...s, sub_button: [] })) });
  c.state.data(c.account.appid).menu = { button: (buttons as Record<string, unknown>[]).map(withSubs) };
  c.send(ok);
}

function menuDelete(c: Ctx): void {
  c.state.data(c.account.appid).menu = undefined;
  c.send(ok);
}

/** get_current_selfmenu_info: the same menu in this endpoint's own shape (sub_button is `{list}`). */
function menuCurrent(c: Ctx): void {
  const menu = c.state.data(c.account.appid).menu;
  if (!menu) return c.send({ is_menu_open: 0 });
  const button = (menu.button as Record<string, unknown>[]).map((b) => {
    const subs = b.sub_button as unknown[];
    return subs.length ? { name: b.name, sub_button: { list: subs } } : { ...b, sub_button: undefined };
  });
  c.send({ is_menu_open: 1, selfmenu_info: { button } });
}

function materialCount(c: Ctx): void {
  c.send({ voice_count: materials('voice').length, video_count: materials('video').length, image_count: materials('image').length, news_count: materials('news').length });
}

function materialBatchGet(c: Ctx): void {
  const { type, offset = 0, count = 20 } = c.json;
  if (!MATERIAL_TYPES.includes(type as string)) return c.fail(40004, 'invalid media type');
  if (!intIn(offset, 0, Number.MAX_SAFE_INTEGER) || !intIn(count, 1, 20)) return c.fail(40097, 'invalid args hint: [offset or count]');
  const all = materials(type as string);
  const item = all.slice(offset, offset + count);
  c.send({ total_count: all.length, item_count: item.length, item });
}

/** Images and voices come back as bytes; videos and news as JSON. */
function materialGet(c: Ctx): void {
  const id = need(c, 'media_id');
  if (id === undefined) return;
  const data = c.state.data(c.account.appid);
  if (data.deletedMaterial.has(id)) return c.fail(40007, 'invalid media_id');
  const uploaded = data.media.get(id);
  if (uploaded?.permanent) return sendBytes(c.req.res, uploaded.bytes, { 'content-type': uploaded.type === 'voice' ? 'audio/amr' : 'image/jpeg', 'content-disposition': `attachment; filename="${id}"` });
  if (id === SIM_MEDIA_ID) {
    return sendBytes(c.req.res, MEDIA_JPEG, { 'content-type': 'image/jpeg', 'content-disposition': `attachment; filename="${id}.jpg"` });
  }
  for (const type of ['voice', 'video', 'news']) {
    const found = materials(type).find((m) => m.media_id === id);
    if (!found) continue;
    if (type === 'voice') return sendBytes(c.req.res, Buffer.from('#!AMR\n'), { 'content-type': 'audio/amr', 'content-disposition': `attachment; filename="${id}.amr"` });
    if (type === 'video') return c.send({ title: '演示视频', description: 'demo video', down_url: `http://mpvideo.qpic.cn/sim/${id}.mp4` });
    return c.send({ news_item: (found.content as { news_item: unknown[] }).news_item });
  }
  c.fail(40007, 'invalid media_id');
}

function mediaGet(c: Ctx): void {
  const id = c.req.query.get('media_id');
  const uploaded = c.state.data(c.account.appid).media.get(id!);
  if (uploaded) return sendBytes(c.req.res, uploaded.bytes, { 'content-type': uploaded.type === 'voice' ? 'audio/amr' : uploaded.type === 'file' ? 'application/octet-stream' : 'image/jpeg', 'content-disposition': `attachment; filename="${id}"` });
  if (id !== SIM_MEDIA_ID) return c.fail(40007, 'invalid media_id');
  sendBytes(c.req.res, MEDIA_JPEG, {
    'content-type': 'image/jpeg',
    'content-disposition': `attachment; filename="${id}.jpg"`,
    'cache-control': 'no-cache, must-revalidate',
  });
}

function nextMsgId(c: Ctx): number {
  return c.state.data(c.account.appid).nextMsgId++;
}

function customSend(c: Ctx): void {
  if (!isFollower(c, c.json.touser)) return c.fail(40003, 'invalid openid');
  if (typeof c.json.msgtype !== 'string' || !MESSAGE_TYPES.includes(c.json.msgtype)) return c.fail(40008, 'invalid message type');
  c.send(ok);
}

function templateSend(c: Ctx): void {
  if (!isFollower(c, c.json.touser)) return c.fail(40003, 'invalid openid');
  if (!c.state.data(c.account.appid).templates.has(String(c.json.template_id))) return c.fail(40037, 'invalid template_id');
  c.send({ ...ok, msgid: nextMsgId(c) });
}

const QR_ACTIONS: Record<string, 'scene_id' | 'scene_str'> = { QR_SCENE: 'scene_id', QR_LIMIT_SCENE: 'scene_id', QR_STR_SCENE: 'scene_str', QR_LIMIT_STR_SCENE: 'scene_str' };

function qrcodeCreate(c: Ctx): void {
  const action = c.json.action_name as string;
  const field = QR_ACTIONS[action];
  if (!field) return c.fail(40097, 'invalid args hint: [action_name]');
  const scene = (c.json.action_info as { scene?: Record<string, unknown> } | undefined)?.scene?.[field];
  const valid = field === 'scene_id' ? intIn(scene, 1, action === 'QR_SCENE' ? 4_294_967_295 : 100_000) : typeof scene === 'string' && scene.length >= 1 && scene.length <= 64;
  if (!valid) return c.fail(40097, `invalid args hint: [${field}]`);
  const limited = action.startsWith('QR_LIMIT');
  const expire = limited ? undefined : Math.min(2_592_000, intIn(c.json.expire_seconds, 1, Number.MAX_SAFE_INTEGER) ? c.json.expire_seconds : 60);
  const ticket = `gQ${randomBytes(42).toString('base64url')}`;
  c.send({ ticket, ...(expire ? { expire_seconds: expire } : {}), url: `http://weixin.qq.com/q/sim${randomBytes(8).toString('hex')}` });
}

function shortenGen(c: Ctx): void {
  const data = need(c, 'long_data');
  if (data === undefined) return;
  if (data.length > 4096) return c.fail(40097, 'invalid args hint: [long_data too long]');
  if (c.json.expire_seconds !== undefined && !intIn(c.json.expire_seconds, 1, 2_592_000)) return c.fail(40097, 'invalid args hint: [expire_seconds]');
  c.send({ ...ok, short_key: randomBytes(12).toString('base64url') });
}

function ticketGet(c: Ctx): void {
  const type = c.req.query.get('type');
  if (type !== 'jsapi' && type !== 'wx_card') return c.fail(40097, 'invalid args hint: [type]');
  c.send({ ...ok, ticket: randomBytes(64).toString('base64url'), expires_in: 7200 });
}

export const OA_ROUTES: Route[] = [
  route('GET', '/cgi-bin/user/get', OA, userGet, 500),
  route('GET', '/cgi-bin/user/info', OA, userInfoGet, 5_000_000),
  route('POST', '/cgi-bin/user/info/batchget', OA, userBatchGet, 5_000_000),
  route('GET', '/cgi-bin/tags/get', OA, (c) => c.send({ tags: TAGS }), 1000),
  route('POST', '/cgi-bin/user/tag/get', OA, tagUsers, 1000),
  route('GET', '/cgi-bin/menu/get', OA, menuGet),
  route('POST', '/cgi-bin/menu/create', OA, menuCreate, 1000),
  route('GET', '/cgi-bin/menu/delete', OA, menuDelete, 1000),
  route('GET', '/cgi-bin/get_current_selfmenu_info', OA, menuCurrent),
  route('GET', '/cgi-bin/get_current_autoreply_info', OA, (c) => c.send(AUTOREPLY)),
  route('GET', '/cgi-bin/material/get_materialcount', OA, materialCount),
  route('POST', '/cgi-bin/material/batchget_material', OA, materialBatchGet),
  route('POST', '/cgi-bin/material/get_material', OA, materialGet),
  route('GET', '/cgi-bin/media/get', ['oa', 'mp', 'wecom'], mediaGet, 100_000),
  route('POST', '/cgi-bin/message/custom/send', OA_MP, customSend, 500_000),
  route('POST', '/cgi-bin/message/template/send', OA, templateSend, 100_000),
  route('GET', '/cgi-bin/template/get_all_private_template', OA, (c) => c.send({ template_list: [...c.state.data(c.account.appid).templates].map((id) => ({ ...templates()[0], template_id: id })) })),
  route('POST', '/cgi-bin/qrcode/create', OA, qrcodeCreate, 100_000),
  route('POST', '/cgi-bin/shorten/gen', OA, shortenGen, 1000),
  route('GET', '/cgi-bin/ticket/getticket', OA, ticketGet, 1_000_000),
];
