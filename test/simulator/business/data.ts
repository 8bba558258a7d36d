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

/** The template every OA and MP account has (template/send, subscribe/send); any other id gets 40037. */
export const SIM_TEMPLATE_ID = 'SIMtpl_iPk5sOIt5X_flOVKn5GrTFpncEYTojx6ddbt8WYk';

/** A getPhoneNumber code the simulator honours; any other gets 40029. */
export const SIM_PHONE_CODE = 'sim_phone_code_e31968a91e9bbb57';

/** The WeCom app (agent) of every simulated corp, and its members. */
export const WECOM_AGENT_ID = 1000002;
export const WECOM_MEMBERS = [
  { userid: 'zhangsan', name: '张三', department: [1, 2], position: '产品经理', mobile: '13800000000', email: 'zhangsan@example.com' },
  { userid: 'lisi', name: '李四', department: [2], position: '开发工程师', mobile: '13800000001', email: 'lisi@example.com' },
];
export const WECOM_DEPARTMENTS = [
  { id: 1, name: '演示企业', name_en: 'Demo Corp', department_leader: ['zhangsan'], parentid: 0, order: 100000000 },
  { id: 2, name: '研发部', name_en: 'R&D', department_leader: ['lisi'], parentid: 1, order: 99999000 },
  { id: 3, name: '市场部', name_en: 'Marketing', department_leader: [], parentid: 1, order: 99998000 },
];

export function templates(): Record<string, unknown>[] {
  return [
    {
      template_id: SIM_TEMPLATE_ID,
      title: '订单发货提醒',
      primary_industry: 'IT科技',
      deputy_industry: '互联网|电子商务',
      content: '订单状态：{{thing1.DATA}}\n发货时间：{{time2.DATA}}',
      example: '订单状态：订单已发货\n发货时间：2024-01-01 12:00',
    },
  ];
}

const MATERIAL_TIME = 1_700_000_000;

/** Permanent material per type; the first image is SIM_MEDIA_ID so one id works for media/get and get_material. */
export function materials(type: string): Record<string, unknown>[] {
  const media = (i: number) => (i === 0 && type === 'image' ? SIM_MEDIA_ID : `SIM_${type}_${createHash('sha256').update(`${type}${i}`).digest('base64url').slice(0, 32)}`);
  const count = { image: 3, voice: 1, video: 1, news: 2 }[type] ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const base = { media_id: media(i), update_time: MATERIAL_TIME + i * 3600 };
    if (type === 'news') return { ...base, content: { news_item: [newsItem(i, true)], create_time: MATERIAL_TIME, update_time: MATERIAL_TIME } };
    return { ...base, name: `${type}-${i + 1}.${{ image: 'jpg', voice: 'mp3', video: 'mp4' }[type]}`, url: type === 'image' ? `https://mmbiz.qpic.cn/sim/${i}/0` : '' };
  });
}

export function newsItem(i: number, withContent: boolean): Record<string, unknown> {
  return {
    title: ['欢迎使用 wxtoken', '模拟器里的第二篇文章'][i % 2],
    author: 'wxtoken',
    digest: '这是模拟器生成的示例图文 / a sample article from the simulator',
    ...(withContent ? { content: '<p>示例正文 / sample body</p>' } : {}),
    content_source_url: '',
    thumb_media_id: SIM_MEDIA_ID,
    show_cover_pic: 0,
    url: `https://mp.weixin.qq.com/s/sim${i}`,
    need_open_comment: 0,
    only_fans_can_comment: 0,
  };
}

export const AUTOREPLY = {
  is_add_friend_reply_open: 1,
  is_autoreply_open: 1,
  add_friend_autoreply_info: { type: 'text', content: '感谢关注！Thanks for following!' },
  message_default_autoreply_info: { type: 'text', content: '你好，这是自动回复 / Hello, this is an automatic reply' },
  keyword_autoreply_info: {
    list: [
      {
        rule_name: '帮助',
        create_time: 1_700_000_000,
        reply_mode: 'reply_all',
        keyword_list_info: [{ type: 'text', match_mode: 'contain', content: '帮助' }],
        reply_list_info: [{ type: 'text', content: '回复“菜单”查看功能 / Reply "menu" to see what I can do' }],
      },
    ],
  },
};

/** Words the text security check calls risky (the real one uses a model; this is enough to show both answers). */
export const RISKY_WORDS = ['违禁', 'forbidden'];

/**
 * Real values for the catalogue's placeholders, per account: what a user would paste after looking them up
 * (an openid from user/get, a media_id from batchget_material, …).
 */
export function sampleValues(appid: string): Record<string, string> {
  return { APPID: appid, OPENID: followers(appid)[0], MEDIA_ID: SIM_MEDIA_ID, TEMPLATE_ID: SIM_TEMPLATE_ID, CODE: SIM_PHONE_CODE };
}

/** Ids the simulator seeds every account with, so the catalogue's placeholders have real values in the demo. */
export const SIM_DRAFT_ID = 'SIM_DRAFT_Gw8Yp0kQ7dLr2NcVbT5xZa3';
export const SIM_PUBLISH_ID = '2247483901';
export const SIM_ARTICLE_ID = 'SIM_ARTICLE_oQ3WmXz8cJt1Kp5Ld';
export const SIM_MSG_DATA_ID = 2_247_483_647;
export const SIM_MASS_MSG_ID = 1_000_000_001;
export const SIM_KF_ACCOUNT = 'kf2001@gh_wxtoken';
export const SIM_SHORT_KEY = 'SIMshortKeyb9Q2w';
export const SIM_CHAT_ID = 'SIMCHAT1';
export const SIM_WECOM_MSGID = 'SIM_wecom_msgid_Zx81Qp';
export const SIM_RESPONSE_CODE = 'SIM_response_code_4Kd9';

/** The openid WeCom's convert_to_openid gives a member. */
export function wecomOpenid(userid: string): string {
  return `oWECOM${createHash('sha256').update(userid).digest('base64url').slice(0, 22)}`;
}

/** Every placeholder the catalogue's samples use, with the value that works for this account. */
export function placeholderValues(appid: string): Record<string, string> {
  return {
    ...sampleValues(appid),
    OPENID2: followers(appid)[1],
    DRAFT_MEDIA_ID: SIM_DRAFT_ID,
    PUBLISH_ID: SIM_PUBLISH_ID,
    ARTICLE_ID: SIM_ARTICLE_ID,
    MSG_DATA_ID: String(SIM_MSG_DATA_ID),
    MSG_ID: String(SIM_MASS_MSG_ID),
    KF_ACCOUNT: SIM_KF_ACCOUNT,
    SHORT_KEY: SIM_SHORT_KEY,
    CHATID: SIM_CHAT_ID,
    MSGID: SIM_WECOM_MSGID,
    RESPONSE_CODE: SIM_RESPONSE_CODE,
    WECOM_OPENID: wecomOpenid('zhangsan'),
  };
}
