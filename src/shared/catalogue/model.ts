import type { AccountKind, HttpMethod } from '../models';
import type { Localized } from '../result';

/**
 * The sections of WeChat's own server-API docs: 基础 (diagnostics), 用户管理, 自定义菜单, 消息 (custom, template,
 * subscribe), 群发, 素材管理, 草稿箱与发布, 图文留言, 二维码与链接, 客服, 数据统计, 内容安全, OCR/图像, 小程序 (login,
 * plugins, cloud), and WeCom's 通讯录管理 and 应用管理.
 */
export type EndpointGroup =
  | 'diagnostics'
  | 'users'
  | 'menu'
  | 'messages'
  | 'mass'
  | 'material'
  | 'publish'
  | 'comments'
  | 'links'
  | 'customer-service'
  | 'datacube'
  | 'security'
  | 'ocr'
  | 'miniprogram'
  | 'contacts'
  | 'apps';

export type ParamType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'file';

export interface EndpointParam {
  name: string;
  required: boolean;
  /** What the form shows when the field is empty; also the value a template starts with. */
  sample?: string;
  description?: Localized;
  /** Defaults to 'string'. 'file' only in `form` (a multipart upload). */
  type?: ParamType;
}

/**
 * What sending it does besides answering: `destructive` changes or deletes the account's data for everyone
 * (the menu, materials, a mass send); `quota` spends something WeChat counts per day or month. The console
 * asks once before sending either.
 */
export interface SideEffect {
  kind: 'destructive' | 'quota';
  note: Localized;
}

export interface Endpoint {
  /** Stable id, e.g. `oa.user.get`. */
  id: string;
  group: EndpointGroup;
  /** Account kinds this endpoint works for. */
  kinds: AccountKind[];
  method: HttpMethod;
  path: string;
  name: Localized;
  description?: Localized;
  query?: EndpointParam[];
  /** A sample JSON body, pretty-printed. */
  body?: string;
  /** The fields of the JSON body (top level; nested ones described in their parent's description). */
  bodyParams?: EndpointParam[];
  /** A multipart/form-data upload (media, materials): its fields, the file among them. */
  form?: EndpointParam[];
  /** Success is binary (an image, voice or file); failure is still JSON. */
  binary?: boolean;
  sideEffect?: SideEffect;
  /** The official documentation page. */
  docUrl?: string;
}
