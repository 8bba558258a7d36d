import { l, OA_DOC, param, pretty } from '../define';
import type { Endpoint } from '../model';

/** 账号管理: parametric QR codes, short keys; the JS-SDK ticket. */
export const OA_LINKS: Endpoint[] = [
  {
    id: 'oa.qrcode.create',
    group: 'links',
    kinds: ['oa'],
    method: 'POST',
    path: '/cgi-bin/qrcode/create',
    name: l('生成带参数的二维码', 'Create a parametric QR code'),
    description: l('返回 ticket，用它换取二维码图片；临时码最长 30 天', 'Returns a ticket to exchange for the QR image; temporary codes last up to 30 days'),
    body: pretty({ expire_seconds: 604800, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'x' } } }),
    bodyParams: [
      param('expire_seconds', 'number', false, '临时码的有效秒数，最长 2592000（30 天）', 'A temporary code\'s lifetime in seconds, up to 2592000 (30 days)', 604800),
      param('action_name', 'string', true, 'QR_SCENE、QR_STR_SCENE（临时）或 QR_LIMIT_SCENE、QR_LIMIT_STR_SCENE（永久，最多 10 万个）', 'QR_SCENE, QR_STR_SCENE (temporary) or QR_LIMIT_SCENE, QR_LIMIT_STR_SCENE (permanent, up to 100,000)', 'QR_STR_SCENE'),
      param('action_info', 'object', true, '{scene: {scene_id} 或 {scene_str}}，scene_str 1 到 64 个字符', '{scene: {scene_id} or {scene_str}}; scene_str is 1 to 64 characters'),
    ],
    docUrl: `${OA_DOC}/Account_Management/Generating_a_Parametric_QR_Code.html`,
  },
  {
    id: 'oa.shorten.gen',
    group: 'links',
    kinds: ['oa'],
    method: 'POST',
    path: '/cgi-bin/shorten/gen',
    name: l('生成短 key', 'Create a short key'),
    description: l('把一段长数据换成短 key，最长保存 30 天', 'Turns long data into a short key, kept up to 30 days'),
    body: pretty({ long_data: 'loooooong data', expire_seconds: 2592000 }),
    bodyParams: [
      param('long_data', 'string', true, '要保存的数据，最长 4KB', 'The data to keep, up to 4 KB', 'loooooong data'),
      param('expire_seconds', 'number', false, '有效秒数，最长 2592000（30 天）', 'Lifetime in seconds, up to 2592000 (30 days)', 2592000),
    ],
    docUrl: `${OA_DOC}/Account_Management/KEY_Shortener.html`,
  },
  {
    id: 'oa.shorten.fetch',
    group: 'links',
    kinds: ['oa'],
    method: 'POST',
    path: '/cgi-bin/shorten/fetch',
    name: l('用短 key 取回长数据', 'Fetch the data of a short key'),
    description: l('返回长数据、创建时间和剩余秒数', 'Returns the data, when it was created and the seconds left'),
    body: pretty({ short_key: 'SHORT_KEY' }),
    bodyParams: [param('short_key', 'string', true, '生成短 key 返回的 short_key', 'The short_key shorten/gen returned', 'SHORT_KEY')],
    docUrl: `${OA_DOC}/Account_Management/KEY_Shortener.html`,
  },
  {
    id: 'oa.ticket.jsapi',
    group: 'links',
    kinds: ['oa'],
    method: 'GET',
    path: '/cgi-bin/ticket/getticket',
    name: l('获取 JS-SDK ticket', 'Get the JS-SDK ticket'),
    description: l('用于网页 JS-SDK 签名，有效期 7200 秒，调用次数有限，需要缓存', 'Signs JS-SDK web pages; valid 7200 s, calls are limited, cache it'),
    query: [param('type', 'string', true, 'jsapi 或 wx_card', 'jsapi or wx_card', 'jsapi')],
    docUrl: `${OA_DOC}/OA_Web_Apps/JS-SDK.html`,
  },
];
