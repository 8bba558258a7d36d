import type { Endpoint } from '../model';
import { WECOM_APPS } from './apps';
import { WECOM_CONTACTS } from './contacts';
import { WECOM_MESSAGES } from './messages';

/** WeCom (企业微信) endpoints, on qyapi.weixin.qq.com with the app's token. */
export const WECOM_ENDPOINTS: Endpoint[] = [...WECOM_CONTACTS, ...WECOM_MESSAGES, ...WECOM_APPS];
