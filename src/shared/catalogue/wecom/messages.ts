import { destructive, l, param, pretty, quota, WECOM_DOC } from '../define';
import type { Endpoint } from '../model';

const agentid = param('agentid', 'number', true, '应用的 AgentId', 'The app\'s AgentId', 1000002);
const msgtype = param('msgtype', 'string', true, 'text、image、voice、video、file、textcard、news、mpnews、markdown、miniprogram_notice 或 template_card；同名字段放内容', 'text, image, voice, video, file, textcard, news, mpnews, markdown, miniprogram_notice or template_card; the field of that name holds the content', 'text');
const text = param('text', 'object', false, 'msgtype 为 text 时：{content}，最长 2048 字节', 'For msgtype text: {content}, up to 2048 bytes');
const chatid = param('chatid', 'string', true, '群聊 id', 'The group chat id', 'CHATID');

function entry(e: Omit<Endpoint, 'kinds'>): Endpoint {
  return { ...e, kinds: ['wecom'] };
}

/** 消息推送: app messages, group chats, recall, statistics. */
export const WECOM_MESSAGES: Endpoint[] = [
  entry({
    id: 'wecom.message.send',
    group: 'messages',
    method: 'POST',
    path: '/cgi-bin/message/send',
    name: l('发送应用消息', 'Send an app message'),
    description: l('agentid 填应用的 AgentId；touser 多个成员用 | 分隔，@all 为全员', 'agentid is the app\'s AgentId; separate several members in touser with |, @all means everyone'),
    body: pretty({ touser: 'zhangsan', msgtype: 'text', agentid: 1000002, text: { content: '你好 Hello' }, safe: 0 }),
    bodyParams: [
      param('touser', 'string', false, '成员 UserID，用 | 分隔，最多 1000 个；@all 为全员', 'Member UserIDs separated by |, up to 1000; @all is everyone', 'zhangsan'),
      param('toparty', 'string', false, '部门 id，用 | 分隔', 'Department ids separated by |'),
      param('totag', 'string', false, '标签 id，用 | 分隔', 'Tag ids separated by |'),
      msgtype,
      text,
      agentid,
      param('safe', 'number', false, '1 为保密消息（不能分享，带水印）', '1 makes it confidential (no sharing, watermarked)', 0),
    ],
    sideEffect: quota('发给真实成员，并计入应用每天的发送上限', 'Reaches real members and counts against the app\'s daily sending limit'),
    docUrl: `${WECOM_DOC}/90236`,
  }),
  entry({
    id: 'wecom.message.recall',
    group: 'messages',
    method: 'POST',
    path: '/cgi-bin/message/recall',
    name: l('撤回应用消息', 'Recall an app message'),
    description: l('只能撤回 24 小时内发送的消息', 'Only messages sent in the last 24 hours'),
    body: pretty({ msgid: 'MSGID' }),
    bodyParams: [param('msgid', 'string', true, '发送应用消息返回的 msgid', 'The msgid message/send returned', 'MSGID')],
    sideEffect: destructive('从成员的会话中撤回消息', 'Takes the message back out of members\' chats'),
    docUrl: `${WECOM_DOC}/94867`,
  }),
  entry({
    id: 'wecom.message.updatecard',
    group: 'messages',
    method: 'POST',
    path: '/cgi-bin/message/update_template_card',
    name: l('更新模板卡片消息', 'Update a template card'),
    description: l('response_code 来自回调，72 小时内有效、只能用一次', 'response_code comes from the callback; single use within 72 hours'),
    body: pretty({ userids: ['zhangsan'], agentid: 1000002, response_code: 'RESPONSE_CODE', button: { replace_name: '已处理' } }),
    bodyParams: [
      param('userids', 'array', false, '要更新的成员 UserID', 'The members whose card to update', '["zhangsan"]'),
      agentid,
      param('response_code', 'string', true, '更新卡片所需的 code', 'The code the update needs', 'RESPONSE_CODE'),
      param('button', 'object', false, '{replace_name}：把按钮换成不可点击的文字', '{replace_name}: turns the button into plain text'),
    ],
    docUrl: `${WECOM_DOC}/94888`,
  }),
  entry({
    id: 'wecom.message.statistics',
    group: 'messages',
    method: 'POST',
    path: '/cgi-bin/message/get_statistics',
    name: l('查询应用消息发送统计', 'Get app message statistics'),
    description: l('time：0 今天、1 昨天', 'time: 0 today, 1 yesterday'),
    body: pretty({ time: 0 }),
    bodyParams: [param('time', 'number', false, '0 今天、1 昨天', '0 today, 1 yesterday', 0)],
    docUrl: `${WECOM_DOC}/92369`,
  }),
  entry({
    id: 'wecom.appchat.create',
    group: 'messages',
    method: 'POST',
    path: '/cgi-bin/appchat/create',
    name: l('创建群聊会话', 'Create a group chat'),
    description: l('成员 2 到 2000 人，须在应用可见范围内', '2 to 2000 members, all within the app\'s visible range'),
    body: pretty({ name: '项目群', owner: 'zhangsan', userlist: ['zhangsan', 'lisi'], chatid: 'project2024' }),
    bodyParams: [
      param('name', 'string', false, '群名，最多 50 个字', 'The name, up to 50 characters', '项目群'),
      param('owner', 'string', false, '群主 UserID', 'The owner\'s UserID', 'zhangsan'),
      param('userlist', 'array', true, '成员 UserID，至少 2 人', 'Member UserIDs, at least 2', '["zhangsan","lisi"]'),
      param('chatid', 'string', false, '指定群聊 id，不填自动生成', 'A chosen chat id; generated when absent', 'project2024'),
    ],
    sideEffect: destructive('在成员的企业微信里新建一个真实群聊', 'Creates a real group chat in the members\' WeCom'),
    docUrl: `${WECOM_DOC}/90245`,
  }),
  entry({
    id: 'wecom.appchat.update',
    group: 'messages',
    method: 'POST',
    path: '/cgi-bin/appchat/update',
    name: l('修改群聊会话', 'Update a group chat'),
    description: l('改名、换群主、加人或移出成员', 'Rename, change owner, add or remove members'),
    body: pretty({ chatid: 'CHATID', name: '项目群（新）', add_user_list: [], del_user_list: [] }),
    bodyParams: [chatid, param('name', 'string', false, '新群名', 'The new name', '项目群（新）'), param('owner', 'string', false, '新群主', 'The new owner'), param('add_user_list', 'array', false, '加入的成员', 'Members to add', '[]'), param('del_user_list', 'array', false, '移出的成员', 'Members to remove', '[]')],
    docUrl: `${WECOM_DOC}/98913`,
  }),
  entry({
    id: 'wecom.appchat.get',
    group: 'messages',
    method: 'GET',
    path: '/cgi-bin/appchat/get',
    name: l('获取群聊会话', 'Get a group chat'),
    description: l('群名、群主和成员', 'Name, owner and members'),
    query: [chatid],
    docUrl: `${WECOM_DOC}/98914`,
  }),
  entry({
    id: 'wecom.appchat.send',
    group: 'messages',
    method: 'POST',
    path: '/cgi-bin/appchat/send',
    name: l('应用推送消息到群聊', 'Send a message to a group chat'),
    description: l('只能发到应用自己创建的群', 'Only to chats the app created'),
    body: pretty({ chatid: 'CHATID', msgtype: 'text', text: { content: '你好 Hello' }, safe: 0 }),
    bodyParams: [chatid, { ...msgtype, description: l('text、image、voice、video、file、textcard、news、mpnews 或 markdown', 'text, image, voice, video, file, textcard, news, mpnews or markdown') }, text, param('safe', 'number', false, '1 为保密消息', '1 makes it confidential', 0)],
    sideEffect: quota('发给群里的真实成员', 'Reaches the chat\'s real members'),
    docUrl: `${WECOM_DOC}/90248`,
  }),
];
