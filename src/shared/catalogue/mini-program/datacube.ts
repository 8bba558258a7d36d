import { common, l, MP_DOC, pretty } from '../define';
import type { Endpoint } from '../model';

const ANALYSIS = `${MP_DOC}/data-analysis`;

/** One 数据分析 entry: POST {begin_date, end_date}; weekly and monthly ones take whole weeks / months. */
function cube(id: string, path: string, zh: string, en: string, page: string, end: string, descZh: string, descEn: string): Endpoint {
  return {
    id: `mp.datacube.${id}`,
    group: 'datacube',
    kinds: ['mp'],
    method: 'POST',
    path: `/datacube/${path}`,
    name: l(zh, en),
    description: l(descZh, descEn),
    body: pretty({ begin_date: '20240101', end_date: end }),
    bodyParams: [
      { ...common.beginDate(), description: l('开始日期 yyyymmdd', 'First day, yyyymmdd'), sample: '20240101' },
      { ...common.endDate(1, end), description: l('结束日期 yyyymmdd；范围见说明', 'Last day, yyyymmdd; see the description for the range'), sample: end },
    ],
    docUrl: `${ANALYSIS}/${page}`,
  };
}

/** 小程序数据分析. */
export const MP_DATACUBE: Endpoint[] = [
  cube('dailysummary', 'getweanalysisappiddailysummarytrend', '获取用户访问概况', 'Get the daily summary', 'others/api_getdailysummary.html', '20240101', '累计用户、转发次数和人数；只能查一天', 'Total users, shares and sharers; one day only'),
  cube('dailyvisit', 'getweanalysisappiddailyvisittrend', '获取日访问趋势', 'Get the daily visit trend', 'visit-trend/api_getdailyvisittrend.html', '20240101', '打开次数、访问人数、停留时长等；只能查一天', 'Sessions, visitors, time spent and more; one day only'),
  cube('weeklyvisit', 'getweanalysisappidweeklyvisittrend', '获取周访问趋势', 'Get the weekly visit trend', 'visit-trend/api_getweeklyvisittrend.html', '20240107', '开始为周一、结束为周日', 'From a Monday to the Sunday after'),
  cube('monthlyvisit', 'getweanalysisappidmonthlyvisittrend', '获取月访问趋势', 'Get the monthly visit trend', 'visit-trend/api_getmonthlyvisittrend.html', '20240131', '开始为月初、结束为月末', 'From the first to the last day of a month'),
  cube('dailyretain', 'getweanalysisappiddailyretaininfo', '获取日访问留存', 'Get daily retention', 'visit-retain/api_getdailyretain.html', '20240101', '新增和活跃用户的留存；只能查一天', 'Retention of new and active users; one day only'),
  cube('visitpage', 'getweanalysisappidvisitpage', '获取访问页面数据', 'Get page visits', 'others/api_getvisitpage.html', '20240101', '各页面的访问次数、人数和停留时长；只能查一天', 'Visits, visitors and time spent per page; one day only'),
  cube('visitdistribution', 'getweanalysisappidvisitdistribution', '获取访问分布', 'Get the visit distribution', 'others/api_getvisitdistribution.html', '20240101', '访问来源、时长和深度的分布；只能查一天', 'Visits by source, duration and depth; one day only'),
  cube('userportrait', 'getweanalysisappiduserportrait', '获取用户画像', 'Get the user portrait', 'others/api_getuserportrait.html', '20240107', '地区、性别、年龄、设备分布；可查最近 1、7、30 天', 'Region, gender, age and device; the last 1, 7 or 30 days'),
];
