/** What the business endpoints change per account: menus, tags, drafts, material, agents, members, rids, ids. */
import {
  MENU,
  SIM_ARTICLE_ID,
  SIM_CHAT_ID,
  SIM_DRAFT_ID,
  SIM_KF_ACCOUNT,
  SIM_MASS_MSG_ID,
  SIM_PUBLISH_ID,
  SIM_SHORT_KEY,
  SIM_TEMPLATE_ID,
  SIM_WECOM_MSGID,
  TAGS,
  WECOM_DEPARTMENTS,
  WECOM_MEMBERS,
  newsItem,
} from './data';

export interface RidRecord {
  invoke_time: number;
  cost_in_ms: number;
  request_url: string;
  request_body: string;
  response_body: string;
  client_ip: string;
}

type Json = Record<string, unknown>;

export interface AccountData {
  /** undefined after menu/delete: menu/get answers 46003. */
  menu?: { button: unknown[] };
  /** Conditional menus by menuid. */
  conditional: Map<string, Json>;
  /** Errors answered to this account, by rid, for rid/get (WeChat keeps them 7 days; the simulator the last 1000). */
  rids: Map<string, RidRecord>;
  nextMsgId: number;
  nextId: number;
  tags: { id: number; name: string; count: number }[];
  blacklist: Set<string>;
  /** Uploaded media and material by media_id; deleted permanent material. */
  media: Map<string, { type: string; bytes: Buffer; permanent: boolean }>;
  deletedMaterial: Set<string>;
  drafts: Map<string, { articles: Json[]; update_time: number }>;
  /** Published articles by article_id; publish jobs by publish_id → article_id. */
  articles: Map<string, { articles: Json[]; update_time: number }>;
  publishJobs: Map<string, string>;
  massSends: Map<number, string>;
  shortKeys: Map<string, { long_data: string; create_time: number; expire_seconds: number }>;
  kf: Map<string, { kf_nick: string; kf_id: number }>;
  templates: Set<string>;
  /** WeCom: members, departments, tags, chats, sent message ids, the app menu. */
  members: Json[];
  departments: Json[];
  wecomTags: Map<number, { tagname: string; userlist: Set<string>; partylist: Set<number> }>;
  chats: Map<string, { name: string; owner: string; userlist: string[] }>;
  sentMsgIds: Set<string>;
  agentMenu?: { button: unknown[] };
}

const MAX_RIDS = 1000;
const SEEDED = 1_700_000_000;

export function newAccountData(): AccountData {
  return {
    menu: structuredClone(MENU.menu),
    conditional: new Map([['208379533', { menuid: '208379533', button: [{ type: 'click', name: '内测功能', key: 'BETA' }], matchrule: { tag_id: '100' } }]]),
    rids: new Map(),
    nextMsgId: 3_147_483_648,
    nextId: 200,
    tags: structuredClone(TAGS),
    blacklist: new Set(),
    media: new Map(),
    deletedMaterial: new Set(),
    drafts: new Map([[SIM_DRAFT_ID, { articles: [newsItem(0, true)], update_time: SEEDED }]]),
    articles: new Map([[SIM_ARTICLE_ID, { articles: [newsItem(1, true)], update_time: SEEDED }]]),
    publishJobs: new Map([[SIM_PUBLISH_ID, SIM_ARTICLE_ID]]),
    massSends: new Map([[SIM_MASS_MSG_ID, 'SEND_SUCCESS']]),
    shortKeys: new Map([[SIM_SHORT_KEY, { long_data: 'loooooong data', create_time: SEEDED, expire_seconds: 2_592_000 }]]),
    kf: new Map([[SIM_KF_ACCOUNT, { kf_nick: '客服小王', kf_id: 1001 }]]),
    templates: new Set([SIM_TEMPLATE_ID]),
    members: structuredClone(WECOM_MEMBERS) as unknown as Json[],
    departments: structuredClone(WECOM_DEPARTMENTS) as unknown as Json[],
    wecomTags: new Map([[1, { tagname: '管理层', userlist: new Set(['zhangsan']), partylist: new Set<number>() }]]),
    chats: new Map([[SIM_CHAT_ID, { name: '演示群', owner: 'zhangsan', userlist: ['zhangsan', 'lisi'] }]]),
    sentMsgIds: new Set([SIM_WECOM_MSGID]),
    agentMenu: { button: [{ type: 'click', name: '今日待办', key: 'TODO', sub_button: [] }] },
  };
}

export function rememberRid(data: AccountData, rid: string, record: RidRecord): void {
  data.rids.set(rid, record);
  if (data.rids.size > MAX_RIDS) data.rids.delete(data.rids.keys().next().value!);
}
