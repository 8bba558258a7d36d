import { destructive, l, OA_DOC, param, pretty } from '../define';
import type { Endpoint } from '../model';

const MENU = `${OA_DOC}/Custom_Menus`;
const button = param('button', 'array', true, '一级菜单，最多 3 个，每个最多 5 个 sub_button；type 为 click、view、miniprogram 等', 'Top-level buttons, up to 3, each with up to 5 sub_button; type is click, view, miniprogram and so on');

/** 自定义菜单, conditional (personalised) menus included. */
export const OA_MENU: Endpoint[] = [
  {
    id: 'oa.menu.get',
    group: 'menu',
    kinds: ['oa'],
    method: 'GET',
    path: '/cgi-bin/menu/get',
    name: l('查询自定义菜单', 'Get the custom menu'),
    description: l('通过接口创建的菜单，以及个性化菜单', 'The menu created through the API, with the conditional menus'),
    docUrl: `${MENU}/Querying_Custom_Menus.html`,
  },
  {
    id: 'oa.menu.create',
    group: 'menu',
    kinds: ['oa'],
    method: 'POST',
    path: '/cgi-bin/menu/create',
    name: l('创建自定义菜单', 'Create the custom menu'),
    description: l('覆盖现有菜单：最多 3 个一级菜单，每个最多 5 个子菜单', 'Replaces the current menu: up to 3 top-level buttons with 5 sub-buttons each'),
    body: pretty({
      button: [
        { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
        { name: '菜单', sub_button: [{ type: 'view', name: '搜索', url: 'https://www.soso.com/' }] },
      ],
    }),
    bodyParams: [button],
    sideEffect: destructive('替换所有用户看到的菜单', 'Replaces the menu every follower sees'),
    docUrl: `${MENU}/Creating_Custom-Defined_Menu.html`,
  },
  {
    id: 'oa.menu.delete',
    group: 'menu',
    kinds: ['oa'],
    method: 'GET',
    path: '/cgi-bin/menu/delete',
    name: l('删除自定义菜单', 'Delete the custom menu'),
    description: l('删除全部菜单，包括个性化菜单', 'Deletes the whole menu, conditional menus included'),
    sideEffect: destructive('删除所有用户看到的菜单（含个性化菜单），无法撤销', 'Deletes the menu every follower sees, conditional menus included; cannot be undone'),
    docUrl: `${MENU}/Deleting_Custom-Defined_Menu.html`,
  },
  {
    id: 'oa.menu.current',
    group: 'menu',
    kinds: ['oa'],
    method: 'GET',
    path: '/cgi-bin/get_current_selfmenu_info',
    name: l('查询当前生效的菜单', 'Get the menu in effect'),
    description: l('包括在公众平台后台设置的菜单', 'Includes a menu set up in the platform\'s web console'),
    docUrl: `${MENU}/Getting_Custom_Menu_Configurations.html`,
  },
  {
    id: 'oa.menu.addconditional',
    group: 'menu',
    kinds: ['oa'],
    method: 'POST',
    path: '/cgi-bin/menu/addconditional',
    name: l('创建个性化菜单', 'Create a conditional menu'),
    description: l('按标签、性别、平台、语言等给部分用户不同的菜单；需先有默认菜单', 'A different menu for users matching a tag, platform or language; needs a default menu first'),
    body: pretty({
      button: [{ type: 'click', name: '内测功能', key: 'BETA' }],
      matchrule: { tag_id: '100', client_platform_type: '2' },
    }),
    bodyParams: [button, param('matchrule', 'object', true, '匹配规则：tag_id、sex、client_platform_type、country、province、city、language，至少一项', 'Who gets it: tag_id, sex, client_platform_type, country, province, city, language; at least one')],
    sideEffect: destructive('匹配的真实用户会立刻看到新菜单', 'Matching followers see the new menu at once'),
    docUrl: `${MENU}/Personalized_menu_interface.html`,
  },
  {
    id: 'oa.menu.delconditional',
    group: 'menu',
    kinds: ['oa'],
    method: 'POST',
    path: '/cgi-bin/menu/delconditional',
    name: l('删除个性化菜单', 'Delete a conditional menu'),
    description: l('menuid 来自创建个性化菜单或查询菜单', 'menuid comes from addconditional or menu/get'),
    body: pretty({ menuid: '208379533' }),
    bodyParams: [param('menuid', 'string', true, '个性化菜单的 menuid', 'The conditional menu\'s menuid', '208379533')],
    sideEffect: destructive('删除个性化菜单，匹配的用户改看默认菜单', 'Deletes the conditional menu; its users fall back to the default menu'),
    docUrl: `${MENU}/Personalized_menu_interface.html`,
  },
  {
    id: 'oa.menu.trymatch',
    group: 'menu',
    kinds: ['oa'],
    method: 'POST',
    path: '/cgi-bin/menu/trymatch',
    name: l('测试个性化菜单匹配', 'Try conditional menu matching'),
    description: l('查看某个用户会看到哪个菜单', 'Shows which menu a given user would see'),
    body: pretty({ user_id: 'OPENID' }),
    bodyParams: [param('user_id', 'string', true, '用户的 OpenID 或微信号', 'The user\'s openid or WeChat ID', 'OPENID')],
    docUrl: `${MENU}/Personalized_menu_interface.html`,
  },
];
