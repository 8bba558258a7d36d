/** Uploads and material, drafts and publishing, comments, short keys and customer service (Official Accounts). */
import { randomBytes } from 'node:crypto';
import { followers, materials, newsItem, SIM_MEDIA_ID, SIM_MSG_DATA_ID } from '../data';
import { follower, intIn, numeric, ok, route, type Ctx, type Kind, type Route } from '../route';

const OA: Kind[] = ['oa'];
const UPLOAD_TYPES: Record<Kind, string[]> = { oa: ['image', 'voice', 'video', 'thumb'], mp: ['image'], wecom: ['image', 'voice', 'video', 'file'] };
const MAX_UPLOAD: Record<string, number> = { image: 10 << 20, voice: 2 << 20, video: 10 << 20, thumb: 64 << 10, file: 20 << 20 };
const now = () => Math.floor(Date.now() / 1000);
const newMediaId = () => `SIM_${randomBytes(24).toString('base64url')}`;

/** The uploaded file, checked for type and size as WeChat does; undefined after answering an error. */
function upload(c: Ctx, types: string[]): { type: string; bytes: Buffer } | undefined {
  const type = c.req.query.get('type') ?? 'image';
  if (!types.includes(type)) return void c.fail(40004, 'invalid media type'), undefined;
  const bytes = c.form.get('media')!.data;
  if (bytes.length > MAX_UPLOAD[type]) return void c.fail(40009, 'invalid image size'), undefined;
  return { type, bytes };
}

function mediaUpload(c: Ctx): void {
  const file = upload(c, UPLOAD_TYPES[c.token.kind]);
  if (!file) return;
  const id = newMediaId();
  c.state.data(c.account.appid).media.set(id, { ...file, permanent: false });
  const created = c.token.kind === 'wecom' ? { ...ok, created_at: String(now()) } : { created_at: now() };
  c.send({ type: file.type, media_id: id, ...created });
}

function uploadImg(c: Ctx): void {
  const bytes = c.form.get('media')!.data;
  if (bytes.length > (c.token.kind === 'wecom' ? 2 << 20 : 1 << 20)) return c.fail(40009, 'invalid image size');
  c.send({ ...(c.token.kind === 'wecom' ? ok : {}), url: `http://mmbiz.qpic.cn/sim/${randomBytes(12).toString('hex')}/0` });
}

function materialAdd(c: Ctx): void {
  const type = c.req.query.get('type') ?? 'image';
  if (type === 'video') {
    const description = c.form.get('description')?.data.toString('utf8');
    try {
      if (!description || typeof JSON.parse(description).title !== 'string') throw new Error('no title');
    } catch {
      return c.fail(40097, 'invalid args hint: [description]');
    }
  }
  const file = upload(c, UPLOAD_TYPES.oa);
  if (!file) return;
  const id = newMediaId();
  c.state.data(c.account.appid).media.set(id, { ...file, permanent: true });
  c.send({ media_id: id, ...(type === 'image' ? { url: `http://mmbiz.qpic.cn/sim/${id}/0` } : {}) });
}

function materialDelete(c: Ctx): void {
  const id = String(c.json.media_id);
  const data = c.state.data(c.account.appid);
  const known = ['image', 'voice', 'video', 'news'].some((t) => materials(t).some((m) => m.media_id === id)) || data.media.get(id)?.permanent;
  if (!known || data.deletedMaterial.has(id)) return c.fail(40007, 'invalid media_id');
  data.deletedMaterial.add(id);
  data.media.delete(id);
  c.send(ok);
}

/** Articles as draft/add takes them: title, content and a permanent thumb. */
function validArticle(c: Ctx, article: unknown): article is Record<string, unknown> {
  const a = article as Record<string, unknown> | null;
  if (typeof a !== 'object' || a === null) return void c.fail(47001, 'data format error hint: [articles]'), false;
  if (typeof a.title !== 'string' || !a.title) return void c.fail(45003, 'title size out of limit'), false;
  if (typeof a.content !== 'string' || !a.content) return void c.fail(45004, 'description size out of limit'), false;
  if (a.thumb_media_id !== SIM_MEDIA_ID && !c.state.data(c.account.appid).media.get(String(a.thumb_media_id))?.permanent) return void c.fail(40007, 'invalid media_id'), false;
  return true;
}

function draftAdd(c: Ctx): void {
  const articles = c.json.articles;
  if (!Array.isArray(articles) || articles.length === 0 || articles.length > 8) return c.fail(40097, 'invalid args hint: [articles size]');
  if (!articles.every((a) => validArticle(c, a))) return;
  const id = `SIM_DRAFT_${randomBytes(16).toString('base64url')}`;
  c.state.data(c.account.appid).drafts.set(id, { articles: articles as Record<string, unknown>[], update_time: now() });
  c.send({ media_id: id });
}

function draftOf(c: Ctx) {
  const draft = c.state.data(c.account.appid).drafts.get(String(c.json.media_id));
  if (!draft) c.fail(40007, 'invalid media_id');
  return draft;
}

const withUrls = (articles: Record<string, unknown>[], noContent = false) =>
  articles.map((a, i) => ({ ...newsItem(i, !noContent), ...a, ...(noContent ? { content: undefined } : {}), url: `https://mp.weixin.qq.com/s/sim${i}` }));

function draftGet(c: Ctx): void {
  const draft = draftOf(c);
  if (draft) c.send({ news_item: withUrls(draft.articles) });
}

function draftUpdate(c: Ctx): void {
  const draft = draftOf(c);
  if (!draft) return;
  const index = numeric(c.json.index);
  if (!intIn(index, 0, draft.articles.length - 1)) return c.fail(40097, 'invalid args hint: [index]');
  if (!validArticle(c, c.json.articles)) return;
  draft.articles[index] = c.json.articles as Record<string, unknown>;
  draft.update_time = now();
  c.send(ok);
}

function draftDelete(c: Ctx): void {
  if (!draftOf(c)) return;
  c.state.data(c.account.appid).drafts.delete(String(c.json.media_id));
  c.send(ok);
}

function draftBatchGet(c: Ctx): void {
  const { offset = 0, count = 20, no_content: noContent = 0 } = c.json;
  if (!intIn(offset, 0, Number.MAX_SAFE_INTEGER) || !intIn(count, 1, 20)) return c.fail(40097, 'invalid args hint: [offset or count]');
  const all = [...c.state.data(c.account.appid).drafts].map(([media_id, d]) => ({ media_id, content: { news_item: withUrls(d.articles, noContent === 1) }, update_time: d.update_time }));
  const item = all.slice(offset, offset + count);
  c.send({ total_count: all.length, item_count: item.length, item });
}

function publishSubmit(c: Ctx): void {
  const draft = draftOf(c);
  if (!draft) return;
  const data = c.state.data(c.account.appid);
  const articleId = `SIM_ARTICLE_${randomBytes(12).toString('base64url')}`;
  const publishId = String(2_247_483_902 + data.nextId++);
  data.drafts.delete(String(c.json.media_id));
  data.articles.set(articleId, { articles: draft.articles, update_time: now() });
  data.publishJobs.set(publishId, articleId);
  c.send({ ...ok, publish_id: publishId, msg_data_id: data.nextMsgId++ });
}

function publishGet(c: Ctx): void {
  const articleId = c.state.data(c.account.appid).publishJobs.get(String(c.json.publish_id));
  if (!articleId) return c.fail(40097, 'invalid args hint: [publish_id]');
  const article = c.state.data(c.account.appid).articles.get(articleId);
  const item = (article?.articles ?? []).map((_, i) => ({ idx: i + 1, article_url: `https://mp.weixin.qq.com/s/sim${i}` }));
  c.send({ publish_id: String(c.json.publish_id), publish_status: article ? 0 : 5, article_id: articleId, article_detail: { count: item.length, item }, fail_idx: [] });
}

function articleOf(c: Ctx) {
  const article = c.state.data(c.account.appid).articles.get(String(c.json.article_id));
  if (!article) c.fail(53600, 'Article ID invalid');
  return article;
}

function publishDelete(c: Ctx): void {
  if (!articleOf(c)) return;
  c.state.data(c.account.appid).articles.delete(String(c.json.article_id));
  c.send(ok);
}

function publishArticle(c: Ctx): void {
  const article = articleOf(c);
  if (article) c.send({ news_item: withUrls(article.articles).map((a) => ({ ...a, is_deleted: false })) });
}

function publishBatchGet(c: Ctx): void {
  const { offset = 0, count = 20, no_content: noContent = 0 } = c.json;
  if (!intIn(offset, 0, Number.MAX_SAFE_INTEGER) || !intIn(count, 1, 20)) return c.fail(40097, 'invalid args hint: [offset or count]');
  const all = [...c.state.data(c.account.appid).articles].map(([article_id, a]) => ({ article_id, content: { news_item: withUrls(a.articles, noContent === 1) }, update_time: a.update_time }));
  const item = all.slice(offset, offset + count);
  c.send({ total_count: all.length, item_count: item.length, item });
}

/** Every comment endpoint names an article by msg_data_id (the seeded one) and index. */
function commentTarget(c: Ctx): boolean {
  if (numeric(c.json.msg_data_id) !== SIM_MSG_DATA_ID) return void c.fail(88001, 'msg_data is not exists'), false;
  if (c.json.index !== undefined && numeric(c.json.index) !== 0) return void c.fail(88002, 'the article is limit for safety'), false;
  if (c.json.user_comment_id !== undefined && !intIn(numeric(c.json.user_comment_id), 1, 2)) return void c.fail(88003, 'elected comment upper limit'), false;
  return true;
}

function commentList(c: Ctx): void {
  if (!commentTarget(c)) return;
  if (!intIn(numeric(c.json.count), 1, 50)) return c.fail(88004, 'comment was deleted by user');
  const [first, second] = followers(c.account.appid);
  const comment = [
    { user_comment_id: 1, openid: first, create_time: 1_700_000_100, content: '写得好 Nice', comment_type: 1, reply: { content: '谢谢 Thanks', create_time: 1_700_000_200 } },
    { user_comment_id: 2, openid: second, create_time: 1_700_000_300, content: '学到了 Learnt something', comment_type: 0 },
  ];
  c.send({ ...ok, total: comment.length, comment: comment.filter((x) => c.json.type === 0 || c.json.type === undefined || x.comment_type === (c.json.type === 2 ? 1 : 0)) });
}

const commentOk = (c: Ctx) => commentTarget(c) && c.send(ok);

function replyAdd(c: Ctx): void {
  if (!commentTarget(c)) return;
  if (typeof c.json.content !== 'string' || c.json.content.length > 600) return c.fail(88005, 'already reply');
  c.send(ok);
}

function shortenFetch(c: Ctx): void {
  const found = c.state.data(c.account.appid).shortKeys.get(String(c.json.short_key));
  if (!found) return c.fail(40097, 'invalid args hint: [short_key]');
  c.send({ ...ok, long_data: found.long_data, create_time: found.create_time, expire_seconds: Math.max(0, found.create_time + found.expire_seconds - now()) });
}

function kfOf(c: Ctx, account: unknown) {
  const kf = c.state.data(c.account.appid).kf.get(String(account));
  if (!kf) c.fail(65401, 'invalid kf_account');
  return kf;
}

function kfList(c: Ctx): void {
  const kf_list = [...c.state.data(c.account.appid).kf].map(([kf_account, k]) => ({ kf_account, kf_nick: k.kf_nick, kf_id: k.kf_id, kf_headimgurl: 'http://mmbiz.qpic.cn/sim/kf/0', kf_wx: 'wxid_sim' }));
  c.send({ kf_list });
}

function kfOnline(c: Ctx): void {
  const kf_online_list = [...c.state.data(c.account.appid).kf].map(([kf_account, k]) => ({ kf_account, status: 1, kf_id: k.kf_id, accepted_case: 1 }));
  c.send({ kf_online_list });
}

function kfAdd(c: Ctx): void {
  const account = String(c.json.kf_account);
  const kf = c.state.data(c.account.appid).kf;
  if (!/^[A-Za-z0-9_]{1,10}@\S+$/.test(account)) return c.fail(65400, 'invalid kf_account');
  if (kf.has(account)) return c.fail(65406, 'kf_account exsited');
  if (String(c.json.nickname).length > 16) return c.fail(65403, 'invalid nickname');
  kf.set(account, { kf_nick: String(c.json.nickname), kf_id: 1000 + kf.size + 1 });
  c.send(ok);
}

function kfUpdate(c: Ctx): void {
  const kf = kfOf(c, c.json.kf_account);
  if (!kf) return;
  if (String(c.json.nickname).length > 16) return c.fail(65403, 'invalid nickname');
  kf.kf_nick = String(c.json.nickname);
  c.send(ok);
}

function kfDelete(c: Ctx): void {
  const account = c.req.query.get('kf_account');
  if (!kfOf(c, account)) return;
  c.state.data(c.account.appid).kf.delete(account!);
  c.send(ok);
}

const kfInvite = (c: Ctx) => kfOf(c, c.json.kf_account) && c.send(ok);
const kfSession = (c: Ctx) => kfOf(c, c.json.kf_account) && follower(c, c.json.openid, followers) && c.send(ok);

function kfGetSession(c: Ctx): void {
  if (!follower(c, c.req.query.get('openid'), followers)) return;
  c.send({ ...ok, createtime: 1_700_000_000, kf_account: [...c.state.data(c.account.appid).kf.keys()][0] ?? '' });
}

function kfSessionList(c: Ctx): void {
  if (!kfOf(c, c.req.query.get('kf_account'))) return;
  c.send({ sessionlist: [{ createtime: 1_700_000_000, openid: followers(c.account.appid)[0] }] });
}

function msgRecords(c: Ctx): void {
  const start = numeric(c.json.starttime);
  const end = numeric(c.json.endtime);
  if (start === undefined || end === undefined || end < start || end - start > 86_400) return c.fail(65416, 'invalid starttime or endtime');
  if (!intIn(numeric(c.json.number), 1, 10_000)) return c.fail(65417, 'invalid number');
  const worker = [...c.state.data(c.account.appid).kf.keys()][0] ?? '';
  const recordlist = [{ openid: followers(c.account.appid)[0], opercode: 2002, text: '你好 Hello', time: start + 60, worker }];
  c.send({ recordlist, number: recordlist.length, msgid: numeric(c.json.msgid)! + recordlist.length });
}

export const CONTENT_ROUTES: Route[] = [
  route('POST', '/cgi-bin/media/upload', ['oa', 'mp', 'wecom'], mediaUpload, 100_000),
  route('POST', '/cgi-bin/media/uploadimg', ['oa', 'wecom'], uploadImg, 3000),
  route('POST', '/cgi-bin/material/add_material', OA, materialAdd, 5000),
  route('POST', '/cgi-bin/material/del_material', OA, materialDelete, 5000),
  route('POST', '/cgi-bin/draft/add', OA, draftAdd, 1000),
  route('POST', '/cgi-bin/draft/get', OA, draftGet, 1000),
  route('POST', '/cgi-bin/draft/update', OA, draftUpdate, 1000),
  route('POST', '/cgi-bin/draft/delete', OA, draftDelete, 1000),
  route('GET', '/cgi-bin/draft/count', OA, (c) => c.send({ total_count: c.state.data(c.account.appid).drafts.size }), 1000),
  route('POST', '/cgi-bin/draft/batchget', OA, draftBatchGet, 1000),
  route('POST', '/cgi-bin/freepublish/submit', OA, publishSubmit, 100),
  route('POST', '/cgi-bin/freepublish/get', OA, publishGet, 1000),
  route('POST', '/cgi-bin/freepublish/delete', OA, publishDelete, 100),
  route('POST', '/cgi-bin/freepublish/getarticle', OA, publishArticle, 1000),
  route('POST', '/cgi-bin/freepublish/batchget', OA, publishBatchGet, 1000),
  route('POST', '/cgi-bin/comment/open', OA, commentOk),
  route('POST', '/cgi-bin/comment/close', OA, commentOk),
  route('POST', '/cgi-bin/comment/list', OA, commentList),
  route('POST', '/cgi-bin/comment/markelect', OA, commentOk),
  route('POST', '/cgi-bin/comment/unmarkelect', OA, commentOk),
  route('POST', '/cgi-bin/comment/delete', OA, commentOk),
  route('POST', '/cgi-bin/comment/reply/add', OA, replyAdd),
  route('POST', '/cgi-bin/comment/reply/delete', OA, commentOk),
  route('POST', '/cgi-bin/shorten/fetch', OA, shortenFetch, 1000),
  route('GET', '/cgi-bin/customservice/getkflist', OA, kfList),
  route('GET', '/cgi-bin/customservice/getonlinekflist', OA, kfOnline),
  route('POST', '/customservice/kfaccount/add', OA, kfAdd),
  route('POST', '/customservice/kfaccount/update', OA, kfUpdate),
  route('GET', '/customservice/kfaccount/del', OA, kfDelete),
  route('POST', '/customservice/kfaccount/inviteworker', OA, kfInvite),
  route('POST', '/customservice/kfsession/create', OA, kfSession),
  route('POST', '/customservice/kfsession/close', OA, kfSession),
  route('GET', '/customservice/kfsession/getsession', OA, kfGetSession),
  route('GET', '/customservice/kfsession/getsessionlist', OA, kfSessionList),
  route('GET', '/customservice/kfsession/getwaitcase', OA, (c) => c.send({ ...ok, count: 1, waitcaselist: [{ latest_time: 1_700_000_000, openid: followers(c.account.appid)[1] }] })),
  route('POST', '/customservice/msgrecord/getmsglist', OA, msgRecords),
];
