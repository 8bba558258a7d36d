/** Plausible canned data for the business endpoints: followers, tags, a menu, IP lists. */
import { createHash } from 'node:crypto';

/** The one media_id /cgi-bin/media/get knows; any other gets 40007. */
export const SIM_MEDIA_ID = 'SIM_MEDIA_c3VwZXJzaW11bGF0b3JtZWRpYQ';

const FOLLOWERS = 12;

/** Openids look like real ones (`o` + 27 URL-safe characters) and are stable per appid. */
export function followers(appid: string): string[] {
  return Array.from({ length: FOLLOWERS }, (_, i) => {
    const digest = createHash('sha256').update(`${appid}:${i}`).digest('base64url');
    return `o${digest.slice(0, 27)}`;
  });
}

export function userInfo(appid: string, openid: string) {
  const i = followers(appid).indexOf(openid);
  return {
    subscribe: 1,
    openid,
    language: 'zh_CN',
    subscribe_time: 1_700_000_000 + i * 86_400,
    unionid: `o6_bm${createHash('sha256').update(openid).digest('base64url').slice(0, 23)}`,
    remark: i === 0 ? '测试用户' : '',
    groupid: 0,
    tagid_list: i % 3 === 0 ? [2, 100] : [],
    subscribe_scene: 'ADD_SCENE_QR_CODE',
    qr_scene: 0,
    qr_scene_str: '',
  };
}

export const TAGS = [
  { id: 0, name: '未分组', count: 8 },
  { id: 1, name: '黑名单', count: 0 },
  { id: 2, name: '星标组', count: 4 },
  { id: 100, name: '内测用户', count: 4 },
];

export const MENU = {
  menu: {
    button: [
      { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC', sub_button: [] },
      {
        name: '菜单',
        sub_button: [
          { type: 'view', name: '搜索', url: 'http://www.example.com/', sub_button: [] },
          { type: 'click', name: '赞一下我们', key: 'V1001_GOOD', sub_button: [] },
        ],
      },
    ],
  },
};

/** Documentation-range addresses: nothing ever connects to them. */
export const CALLBACK_IPS = ['192.0.2.0/25', '192.0.2.128/25', '198.51.100.0/25', '203.0.113.0/25'];
export const API_DOMAIN_IPS = ['198.51.100.18', '198.51.100.103', '203.0.113.19', '203.0.113.143'];

export const MESSAGE_TYPES = ['text', 'image', 'voice', 'video', 'music', 'news', 'mpnews', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage', 'link'];

/** A valid JSON document of about `bytes` bytes (benchmarks). */
export function largeJson(bytes: number): string {
  const head = '{"errcode":0,"errmsg":"ok","items":[';
  const tail = ']}';
  const items: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes - 120; i++) {
    const item = JSON.stringify({ id: i, openid: `oSIM${String(i).padStart(23, '0')}`, nickname: `用户${i}`, note: 'x'.repeat(40) });
    items.push(item);
    size += Buffer.byteLength(item) + 1;
  }
  return head + items.join(',') + tail;
}
