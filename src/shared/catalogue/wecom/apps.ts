import { destructive, l, param, pretty, WECOM_DOC } from '../define';
import type { Endpoint } from '../model';

const agentid = param('agentid', 'number', true, '应用的 AgentId', 'The app\'s AgentId', 1000002);

function entry(e: Omit<Endpoint, 'kinds'>): Endpoint {
  return { ...e, kinds: ['wecom'] };
}

/** 应用管理 (apps and their menus) and 素材管理. */
export const WECOM_APPS: Endpoint[] = [
  entry({
    id: 'wecom.agent.list',
    group: 'apps',
    method: 'GET',
    path: '/cgi-bin/agent/list',
    name: l('获取应用列表', 'List apps'),
    description: l('当前 Secret 可访问的应用，用来确认 Secret 属于哪个应用', 'The apps this Secret can see: tells which app the Secret belongs to'),
    docUrl: `${WECOM_DOC}/90227`,
  }),
  entry({
    id: 'wecom.agent.get',
    group: 'apps',
    method: 'GET',
    path: '/cgi-bin/agent/get',
    name: l('获取应用详情', 'Get an app'),
    description: l('名称、可见范围、可信域名、主页等', 'Name, visible range, trusted domain, home page and more'),
    query: [agentid],
    docUrl: `${WECOM_DOC}/90227`,
  }),
  entry({
    id: 'wecom.agent.set',
    group: 'apps',
    method: 'POST',
    path: '/cgi-bin/agent/set',
    name: l('设置应用', 'Update an app'),
    description: l('只改传了的字段：描述、主页、可信域名、是否上报进入事件等', 'Changes only the fields given: description, home page, trusted domain, enter-event reporting and more'),
    body: pretty({ agentid: 1000002, description: '演示应用 demo app', home_url: 'https://example.com/' }),
    bodyParams: [agentid, param('name', 'string', false, '应用名', 'The app name'), param('description', 'string', false, '应用描述', 'The description', '演示应用'), param('home_url', 'string', false, '应用主页 URL', 'The home page URL', 'https://example.com/'), param('redirect_domain', 'string', false, '可信域名', 'The trusted domain')],
    sideEffect: destructive('修改所有成员看到的应用设置', 'Changes the app every member sees'),
    docUrl: `${WECOM_DOC}/90228`,
  }),
  entry({
    id: 'wecom.menu.create',
    group: 'apps',
    method: 'POST',
    path: '/cgi-bin/menu/create',
    name: l('创建应用菜单', 'Create an app menu'),
    description: l('覆盖应用现有菜单：最多 3 个一级菜单，每个最多 5 个子菜单', 'Replaces the app\'s menu: up to 3 top-level buttons with 5 sub-buttons each'),
    query: [agentid],
    body: pretty({ button: [{ type: 'click', name: '今日待办', key: 'TODO' }, { type: 'view', name: '官网', url: 'https://example.com/' }] }),
    bodyParams: [param('button', 'array', true, '一级菜单，最多 3 个，每个最多 5 个 sub_button', 'Top-level buttons, up to 3, each with up to 5 sub_button')],
    sideEffect: destructive('替换所有成员看到的应用菜单', 'Replaces the menu every member sees'),
    docUrl: `${WECOM_DOC}/90231`,
  }),
  entry({
    id: 'wecom.menu.get',
    group: 'apps',
    method: 'GET',
    path: '/cgi-bin/menu/get',
    name: l('获取应用菜单', 'Get an app menu'),
    description: l('应用当前的菜单', 'The app\'s current menu'),
    query: [agentid],
    docUrl: `${WECOM_DOC}/90232`,
  }),
  entry({
    id: 'wecom.menu.delete',
    group: 'apps',
    method: 'GET',
    path: '/cgi-bin/menu/delete',
    name: l('删除应用菜单', 'Delete an app menu'),
    description: l('删除应用的全部菜单', 'Deletes the app\'s whole menu'),
    query: [agentid],
    sideEffect: destructive('删除所有成员看到的应用菜单，无法撤销', 'Deletes the menu every member sees; cannot be undone'),
    docUrl: `${WECOM_DOC}/90233`,
  }),
  entry({
    id: 'wecom.media.upload',
    group: 'material',
    method: 'POST',
    path: '/cgi-bin/media/upload',
    name: l('上传临时素材', 'Upload temporary media'),
    description: l('multipart 上传，3 天内有效；图片 10MB、语音 2MB（AMR）、视频 10MB、文件 20MB 以内', 'A multipart upload valid 3 days; images up to 10 MB, voice 2 MB (AMR), video 10 MB, files 20 MB'),
    query: [param('type', 'string', true, 'image、voice、video 或 file', 'image, voice, video or file', 'image')],
    form: [param('media', 'file', true, '文件（form-data 字段名 media）', 'The file (form-data field media)')],
    docUrl: `${WECOM_DOC}/90253`,
  }),
  entry({
    id: 'wecom.media.uploadimg',
    group: 'material',
    method: 'POST',
    path: '/cgi-bin/media/uploadimg',
    name: l('上传图片', 'Upload an image'),
    description: l('返回永久有效的图片 URL；jpg/png，2MB 以内，每天最多 3000 张', 'Returns a permanent image URL; jpg/png up to 2 MB, 3000 a day'),
    form: [param('media', 'file', true, '图片文件（form-data 字段名 media）', 'The image (form-data field media)')],
    docUrl: `${WECOM_DOC}/90256`,
  }),
];
