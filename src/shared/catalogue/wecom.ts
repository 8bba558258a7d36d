import type { Endpoint } from './model';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** A few well-known WeCom (企业微信) endpoints, on qyapi.weixin.qq.com with the app's token. */
export const WECOM_ENDPOINTS: Endpoint[] = [
  {
    id: 'wecom.agent.list',
    group: 'diagnostics',
    kinds: ['wecom'],
    method: 'GET',
    path: '/cgi-bin/agent/list',
    name: { zh: '获取应用列表', en: 'List apps' },
    description: { zh: '当前 Secret 可访问的应用，用来确认 Secret 属于哪个应用', en: 'The apps this Secret can see: tells which app the Secret belongs to' },
  },
  {
    id: 'wecom.department.list',
    group: 'users',
    kinds: ['wecom'],
    method: 'GET',
    path: '/cgi-bin/department/list',
    name: { zh: '获取部门列表', en: 'List departments' },
    description: { zh: '只返回应用可见范围内的部门', en: 'Only departments within the app\'s visible range' },
    query: [{ name: 'id', required: false, sample: '1', description: { zh: '部门 id，留空返回全部', en: 'A department id; empty lists them all' } }],
  },
  {
    id: 'wecom.user.get',
    group: 'users',
    kinds: ['wecom'],
    method: 'GET',
    path: '/cgi-bin/user/get',
    name: { zh: '读取成员', en: 'Get a member' },
    description: { zh: '成员需在应用的可见范围内', en: 'The member must be within the app\'s visible range' },
    query: [{ name: 'userid', required: true, sample: 'zhangsan', description: { zh: '成员的 UserID', en: 'The member\'s UserID' } }],
  },
  {
    id: 'wecom.message.send',
    group: 'messages',
    kinds: ['wecom'],
    method: 'POST',
    path: '/cgi-bin/message/send',
    name: { zh: '发送应用消息', en: 'Send an app message' },
    description: { zh: 'agentid 填应用的 AgentId；touser 多个成员用 | 分隔，@all 为全员', en: 'agentid is the app\'s AgentId; separate several members in touser with |, @all means everyone' },
    body: pretty({ touser: 'zhangsan', msgtype: 'text', agentid: 1000002, text: { content: '你好 Hello' }, safe: 0 }),
  },
];
