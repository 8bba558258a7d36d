import type { Localized } from './result';

export interface WechatErrorInfo {
  meaning: Localized;
  next: Localized;
  /** How a client reacts: see wechat-api.md §2. */
  policy: 'retry-backoff' | 'refetch-once' | 'stop' | 'report';
}

/** Every errcode in wechat-api.md §2. (Filled in by the catalogue work.) */
export const WECHAT_ERRORS: Record<number, WechatErrorInfo> = {
  40164: {
    meaning: { zh: '调用方 IP 不在接口 IP 白名单中', en: 'The caller IP is not in the API IP whitelist' },
    next: { zh: '把该 IP 加入白名单：公众平台 → 设置与开发 → 基本配置 → IP 白名单', en: 'Add this IP in the platform: Settings & Development → Basic configuration → IP whitelist' },
    policy: 'stop',
  },
};
