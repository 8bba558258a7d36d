import { common, l, MP_DOC, param, pretty, quota } from '../define';
import type { Endpoint } from '../model';

const SUBSCRIBE = `${MP_DOC}/mp-message-management/subscribe-message`;

/** 小程序订阅消息 and dynamic (updatable) messages. */
export const MP_MESSAGES: Endpoint[] = [
  {
    id: 'mp.subscribe.send',
    group: 'messages',
    kinds: ['mp'],
    method: 'POST',
    path: '/cgi-bin/message/subscribe/send',
    name: l('发送订阅消息', 'Send a subscription message'),
    description: l('用户需先在小程序内订阅该模板；data 的字段名取决于模板', 'The user must have subscribed to the template; the fields in data depend on it'),
    body: pretty({
      touser: 'OPENID',
      template_id: 'TEMPLATE_ID',
      page: 'pages/index/index',
      miniprogram_state: 'developer',
      lang: 'zh_CN',
      data: { thing1: { value: '订单已发货' }, time2: { value: '2024-01-01 12:00' } },
    }),
    bodyParams: [
      common.touser(),
      param('template_id', 'string', true, '订阅消息模板 id', 'The subscription template id', 'TEMPLATE_ID'),
      param('page', 'string', false, '点击后打开的页面，可带参数', 'The page a tap opens, with a query if needed', 'pages/index/index'),
      param('miniprogram_state', 'string', false, 'developer、trial 或 formal（默认）', 'developer, trial or formal (the default)', 'developer'),
      param('lang', 'string', false, 'zh_CN（默认）、en_US、zh_HK 或 zh_TW', 'zh_CN (default), en_US, zh_HK or zh_TW', 'zh_CN'),
      param('data', 'object', true, '模板字段：{"字段名": {"value": "…"}}', 'Template fields: {"name": {"value": "…"}}'),
    ],
    sideEffect: quota('发给真实用户，消耗用户的一次订阅', 'Reaches a real user and uses up one of their subscriptions'),
    docUrl: `${SUBSCRIBE}/api_sendmessage.html`,
  },
  {
    id: 'mp.newtmpl.add',
    group: 'messages',
    kinds: ['mp'],
    method: 'POST',
    path: '/wxaapi/newtmpl/addtemplate',
    name: l('添加订阅消息模板', 'Add a subscription template'),
    description: l('从公共模板库选用，kidList 为关键词 id（2 到 5 个）', 'Picks a public template; kidList holds 2 to 5 keyword ids'),
    body: pretty({ tid: '401', kidList: [1, 2], sceneDesc: '发货提醒' }),
    bodyParams: [
      param('tid', 'string', true, '公共模板标题 id', 'The public template\'s title id', '401'),
      param('kidList', 'array', true, '关键词 id，2 到 5 个，按顺序', 'Keyword ids, 2 to 5, in order', '[1,2]'),
      param('sceneDesc', 'string', false, '使用场景描述，15 个字以内', 'Where it is used, up to 15 characters', '发货提醒'),
    ],
    docUrl: `${SUBSCRIBE}/api_addwxanewtemplate.html`,
  },
  {
    id: 'mp.newtmpl.pubtitles',
    group: 'messages',
    kinds: ['mp'],
    method: 'GET',
    path: '/wxaapi/newtmpl/getpubtemplatetitles',
    name: l('获取类目下的公共模板', 'List public templates of categories'),
    description: l('ids 为类目 id，多个用逗号分隔；limit 最多 30', 'ids are category ids separated by commas; limit up to 30'),
    query: [
      param('ids', 'string', true, '类目 id，来自获取类目', 'Category ids, from getcategory', '616'),
      param('start', 'number', true, '从第几个开始', 'Where to start', 0),
      param('limit', 'number', true, '返回数量，最多 30', 'How many, up to 30', 30),
    ],
    docUrl: `${SUBSCRIBE}/api_getpubnewtemplatetitles.html`,
  },
  {
    id: 'mp.newtmpl.pubkeywords',
    group: 'messages',
    kinds: ['mp'],
    method: 'GET',
    path: '/wxaapi/newtmpl/getpubtemplatekeywords',
    name: l('获取公共模板的关键词', 'List a public template\'s keywords'),
    description: l('关键词的 kid、名称、示例和规则', 'Each keyword\'s kid, name, example and rule'),
    query: [param('tid', 'string', true, '公共模板标题 id', 'The public template\'s title id', '401')],
    docUrl: `${SUBSCRIBE}/api_getpubnewtemplatekeywords.html`,
  },
  {
    id: 'mp.activityid.create',
    group: 'messages',
    kinds: ['mp'],
    method: 'GET',
    path: '/cgi-bin/message/wxopen/activityid/create',
    name: l('创建动态消息的 activity_id', 'Create an activity_id for an updatable message'),
    description: l('用于可更新的分享卡片，24 小时内有效', 'For a shareable card that can be updated; valid 24 hours'),
    query: [param('unionid', 'string', false, '分享者的 UnionID（与 openid 二选一）', 'The sharer\'s UnionID (or give openid)'), { ...common.openid(false), description: l('分享者的 OpenID', 'The sharer\'s openid') }],
    docUrl: `${MP_DOC}/mp-message-management/updatable-message/api_createactivityid.html`,
  },
];
