/** What the business endpoints change per account: the menu, the rids they answered, message ids. */
import { MENU } from './data';

export interface RidRecord {
  invoke_time: number;
  cost_in_ms: number;
  request_url: string;
  request_body: string;
  response_body: string;
  client_ip: string;
}

export interface AccountData {
  /** undefined after menu/delete: menu/get answers 46003. */
  menu?: { button: unknown[] };
  /** Errors answered to this account, by rid, for rid/get (WeChat keeps them 7 days; the simulator the last 1000). */
  rids: Map<string, RidRecord>;
  nextMsgId: number;
}

const MAX_RIDS = 1000;

export function newAccountData(): AccountData {
  return { menu: structuredClone(MENU.menu), rids: new Map(), nextMsgId: 3_147_483_648 };
}

export function rememberRid(data: AccountData, rid: string, record: RidRecord): void {
  data.rids.set(rid, record);
  if (data.rids.size > MAX_RIDS) data.rids.delete(data.rids.keys().next().value!);
}
