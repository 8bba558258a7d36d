import { common, l, OA_DOC, pretty } from '../define';
import type { Endpoint } from '../model';

const ANALYTICS = `${OA_DOC}/Analytics`;

/** One 数据统计 entry: POST {begin_date, end_date} over at most `days` days. */
function cube(id: string, path: string, days: number, zh: string, en: string, page: string, descZh: string, descEn: string): Endpoint {
  const end = `2024-01-${String(days).padStart(2, '0')}`;
  return {
    id: `oa.datacube.${id}`,
    group: 'datacube',
    kinds: ['oa'],
    method: 'POST',
    path: `/datacube/${path}`,
    name: l(zh, en),
    description: l(`${descZh}；最大时间跨度 ${days} 天`, `${descEn}; at most ${days} day(s) per call`),
    body: pretty({ begin_date: '2024-01-01', end_date: end }),
    bodyParams: [common.beginDate(), common.endDate(days, end)],
    docUrl: `${ANALYTICS}/${page}`,
  };
}

/** 数据统计: users, articles, messages, API calls. */
export const OA_DATACUBE: Endpoint[] = [
  cube('usersummary', 'getusersummary', 7, '获取用户增减数据', 'Get follower gains and losses', 'User_Analysis_Data_Interface.html', '每天新关注、取消关注人数及来源', 'New and lost followers a day, by source'),
  cube('usercumulate', 'getusercumulate', 7, '获取累计用户数据', 'Get cumulative followers', 'User_Analysis_Data_Interface.html', '每天的总用户数', 'Total followers each day'),
  cube('articlesummary', 'getarticlesummary', 1, '获取图文群发每日数据', 'Get daily article stats', 'Graphic_Analysis_Data_Interface.html', '当天群发图文的阅读、分享和收藏', 'Reads, shares and favourites of that day\'s articles'),
  cube('articletotal', 'getarticletotal', 1, '获取图文群发总数据', 'Get total article stats', 'Graphic_Analysis_Data_Interface.html', '群发图文发出后 7 天内的累计数据', 'Totals over the 7 days after an article went out'),
  cube('userread', 'getuserread', 3, '获取图文统计数据', 'Get article reading stats', 'Graphic_Analysis_Data_Interface.html', '每天的图文页阅读和分享', 'Article page reads and shares a day'),
  cube('upstreammsg', 'getupstreammsg', 7, '获取消息发送概况', 'Get message stats', 'Message_analysis_data_interface.html', '用户发给账号的消息数和人数', 'How many messages users sent the account, and how many users'),
  cube('interfacesummary', 'getinterfacesummary', 30, '获取接口分析数据', 'Get API call stats', 'Analytics_API.html', '被动回复的调用次数、失败次数和耗时', 'Callback calls, failures and times'),
];
