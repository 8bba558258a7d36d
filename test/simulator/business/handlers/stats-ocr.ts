/** 数据统计 (Official Accounts), 数据分析 (Mini Programs), and the OCR / image endpoints. */
import { ENDPOINTS } from '../../../../src/shared/catalogue/index';
import { ok, route, type Ctx, type Route } from '../route';

const DAY = 86_400_000;

/** `2024-01-01` (OA) or `20240101` (MP) → epoch ms, or undefined. */
function parseDay(value: unknown, compact: boolean): number | undefined {
  const m = (compact ? /^(\d{4})(\d{2})(\d{2})$/ : /^(\d{4})-(\d{2})-(\d{2})$/).exec(String(value));
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : t;
}

const fmt = (t: number, compact: boolean) => new Date(t).toISOString().slice(0, 10).replace(/-/g, compact ? '' : '-');

/** The days asked for, within the span WeChat allows and no later than yesterday; undefined after answering 61501. */
function days(c: Ctx, maxDays: number, compact: boolean): number[] | undefined {
  const begin = parseDay(c.json.begin_date, compact);
  const end = parseDay(c.json.end_date, compact);
  if (begin === undefined || end === undefined || end < begin || (end - begin) / DAY + 1 > maxDays || end >= Date.now() - (Date.now() % DAY)) {
    c.fail(61501, 'date range error');
    return undefined;
  }
  return Array.from({ length: (end - begin) / DAY + 1 }, (_, i) => begin + i * DAY);
}

type Row = (day: string, i: number) => Record<string, unknown>;

/** An OA datacube endpoint: {list: [row per day]} over at most `maxDays` days. */
function oaCube(path: string, maxDays: number, row: Row): Route {
  return route('POST', `/datacube/${path}`, ['oa'], (c) => {
    const list = days(c, maxDays, false);
    if (list) c.send({ list: list.map((t, i) => row(fmt(t, false), i)) });
  });
}

/** An MP analysis endpoint; `shape` builds the whole answer from the days. */
function mpCube(path: string, shape: (begin: string, end: string, daysAsked: number) => Record<string, unknown>, maxDays = 31): Route {
  return route('POST', `/datacube/${path}`, ['mp'], (c) => {
    const list = days(c, maxDays, true);
    if (list) c.send(shape(fmt(list[0], true), fmt(list.at(-1)!, true), list.length));
  });
}

const visitRow = (ref_date: string) => ({ ref_date, session_cnt: 142, visit_pv: 2350, visit_uv: 101, visit_uv_new: 17, stay_time_uv: 152.3, stay_time_session: 108.4, visit_depth: 4.2 });

/** What a recognised image gives back, per OCR path. */
const OCR: Record<string, Record<string, unknown>> = {
  '/cv/ocr/idcard': { type: 'Front', name: '张三', id: '110101199001011234', addr: '北京市东城区示例路 1 号', gender: '男', nationality: '汉' },
  '/cv/ocr/bankcard': { number: '6222000000000000000' },
  '/cv/ocr/driving': { plate_num: '粤A12345', vehicle_type: '小型普通客车', owner: '张三', use_character: '非营运', model: '示例牌 SIM7150', vin: 'LSVAM4187C2184847', register_date: '2020-01-01', issue_date: '2020-01-01' },
  '/cv/ocr/drivinglicense': { id_num: '110101199001011234', name: '张三', sex: '男', nationality: '中国', address: '北京市东城区示例路 1 号', car_class: 'C1', valid_from: '2020-01-01', valid_to: '2026-01-01' },
  '/cv/ocr/bizlicense': { reg_num: '91440300000000000X', serial: '', legal_representative: '张三', enterprise_name: '示例科技有限公司', type_of_organization: '有限责任公司', address: '深圳市南山区示例路 1 号', valid_period: '长期' },
  '/cv/ocr/comm': { items: [{ text: '示例文字 sample text', pos: { left_top: { x: 10, y: 10 }, right_top: { x: 210, y: 10 }, right_bottom: { x: 210, y: 40 }, left_bottom: { x: 10, y: 40 } } }] },
  '/cv/ocr/platenum': { number: '粤A12345' },
  '/cv/img/qrcode': { code_results: [{ type_name: 'QR_CODE', data: 'https://example.com/', pos: { left_top: { x: 10, y: 10 }, right_top: { x: 110, y: 10 }, right_bottom: { x: 110, y: 110 }, left_bottom: { x: 10, y: 110 } } }] },
  '/cv/img/aicrop': { results: [{ crop_left: 0, crop_top: 0, crop_right: 400, crop_bottom: 400 }] },
};

/** An image by URL (img_url) or upload (img); either must be there and look like an image. */
function ocr(c: Ctx): void {
  const url = c.req.query.get('img_url');
  const file = c.form.get('img');
  if (!url && !file?.data.length) return c.fail(101000, 'invalid image url or image data');
  if (url && !/^https?:\/\//.test(url)) return c.fail(101000, 'invalid image url or image data');
  if (file && file.data.length > 2 << 20) return c.fail(101002, 'image data size too large');
  c.send({ ...ok, ...OCR[c.req.path], img_size: { w: 800, h: 600 } });
}

export const STATS_OCR_ROUTES: Route[] = [
  oaCube('getusersummary', 7, (ref_date) => ({ ref_date, user_source: 0, new_user: 12, cancel_user: 1 })),
  oaCube('getusercumulate', 7, (ref_date, i) => ({ ref_date, cumulate_user: 1200 + i * 11 })),
  oaCube('getarticlesummary', 1, (ref_date) => ({ ref_date, msgid: '2247483647_1', title: '欢迎使用 wxtoken', int_page_read_user: 320, int_page_read_count: 410, ori_page_read_user: 0, ori_page_read_count: 0, share_user: 12, share_count: 15, add_to_fav_user: 3, add_to_fav_count: 3 })),
  oaCube('getarticletotal', 1, (ref_date) => ({ ref_date, msgid: '2247483647_1', title: '欢迎使用 wxtoken', details: [{ stat_date: ref_date, target_user: 1200, int_page_read_user: 320, int_page_read_count: 410, share_user: 12, share_count: 15 }] })),
  oaCube('getuserread', 3, (ref_date) => ({ ref_date, int_page_read_user: 320, int_page_read_count: 410, ori_page_read_user: 0, ori_page_read_count: 0, share_user: 12, share_count: 15, add_to_fav_user: 3, add_to_fav_count: 3 })),
  oaCube('getupstreammsg', 7, (ref_date) => ({ ref_date, msg_type: 1, msg_user: 18, msg_count: 27 })),
  oaCube('getinterfacesummary', 30, (ref_date) => ({ ref_date, callback_count: 430, fail_count: 2, total_time_cost: 18_900, max_time_cost: 320 })),
  mpCube('getweanalysisappiddailysummarytrend', (day) => ({ list: [{ ref_date: day, visit_total: 8210, share_pv: 56, share_uv: 41 }] }), 1),
  mpCube('getweanalysisappiddailyvisittrend', (day) => ({ list: [visitRow(day)] }), 1),
  mpCube('getweanalysisappidweeklyvisittrend', (begin, end) => ({ list: [visitRow(`${begin}-${end}`)] }), 7),
  mpCube('getweanalysisappidmonthlyvisittrend', (begin) => ({ list: [visitRow(begin.slice(0, 6))] })),
  mpCube('getweanalysisappiddailyretaininfo', (day) => ({ ref_date: day, visit_uv_new: [{ key: 0, value: 17 }], visit_uv: [{ key: 0, value: 101 }] }), 1),
  mpCube('getweanalysisappidvisitpage', (day) => ({ ref_date: day, list: [{ page_path: 'pages/index/index', page_visit_pv: 1320, page_visit_uv: 98, page_staytime_pv: 35.2, entrypage_pv: 120, exitpage_pv: 80, page_share_pv: 5, page_share_uv: 4 }] }), 1),
  mpCube('getweanalysisappidvisitdistribution', (day) => ({ ref_date: day, list: [{ index: 'access_source_session_cnt', item_list: [{ key: 10, value: 5 }, { key: 8, value: 72 }] }] }), 1),
  mpCube('getweanalysisappiduserportrait', (begin, end) => ({ ref_date: `${begin}-${end}`, visit_uv_new: { province: [{ id: 31, name: '广东省', value: 8 }], genders: [{ id: 1, name: '男', value: 9 }] }, visit_uv: { province: [{ id: 31, name: '广东省', value: 55 }], genders: [{ id: 1, name: '男', value: 60 }] } }), 30),
  ...ENDPOINTS.filter((e) => e.group === 'ocr').map((e) => route('POST', e.path, ['oa', 'mp'], ocr, 100)),
];
