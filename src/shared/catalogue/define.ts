/** Small builders that keep the catalogue files readable: one line per parameter, bodies as objects. */
import type { Localized } from '../result';
import type { EndpointParam, ParamType, SideEffect } from './model';

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export const l = (zh: string, en: string): Localized => ({ zh, en });

/** A parameter: name, type, required, zh and en descriptions, and the sample value a template starts with. */
export function param(name: string, type: ParamType, required: boolean, zh: string, en: string, sample?: string | number): EndpointParam {
  return { name, type, required, description: { zh, en }, ...(sample === undefined ? {} : { sample: String(sample) }) };
}

export const destructive = (zh: string, en: string): SideEffect => ({ kind: 'destructive', note: { zh, en } });
export const quota = (zh: string, en: string): SideEffect => ({ kind: 'quota', note: { zh, en } });

export const OA_DOC = 'https://developers.weixin.qq.com/doc/offiaccount';
/** The Mini Program server-API docs (the index the toolbox's doc-link check used; the older OpenApiDoc pages moved here). */
export const MP_DOC = 'https://developers.weixin.qq.com/miniprogram/dev/server/API';
export const WECOM_DOC = 'https://developer.work.weixin.qq.com/document/path';

/** Parameters many endpoints share. */
export const common = {
  openid: (required = true) => param('openid', 'string', required, '用户在本账号下的 OpenID', 'The user\'s openid for this account', 'OPENID'),
  touser: () => param('touser', 'string', true, '接收消息的用户的 OpenID', 'The openid of the user who gets the message', 'OPENID'),
  mediaId: (zh = '素材的 media_id', en = 'The media_id of the material') => param('media_id', 'string', true, zh, en, 'MEDIA_ID'),
  offset: () => param('offset', 'number', true, '从第几个开始，0 为第一个', 'Where to start; 0 is the first', 0),
  count: (max = 20) => param('count', 'number', true, `返回数量，1 到 ${max}`, `How many to return, 1 to ${max}`, max),
  beginDate: () => param('begin_date', 'string', true, '开始日期 yyyy-MM-dd', 'First day, yyyy-MM-dd', '2024-01-01'),
  endDate: (days: number, sample: string) => param('end_date', 'string', true, `结束日期；最大跨度 ${days} 天，不能晚于昨天`, `Last day; at most ${days} day(s) from begin_date, no later than yesterday`, sample),
};
