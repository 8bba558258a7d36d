import type { Localized } from '../result';

export interface WechatErrorInfo {
  meaning: Localized;
  next: Localized;
  /** How a client reacts: see wechat-api.md §2. */
  policy: 'retry-backoff' | 'refetch-once' | 'stop' | 'report';
}

const TOKEN_RETRY: Localized = {
  zh: '通常会自动处理：丢弃失效的缓存 token，重新获取一次并重试一次。若仍失败，检查是否有其他服务器在用同一 AppID 调用 /cgi-bin/token（每次调用都会让旧 token 在 5 分钟后失效），建议改用稳定版 token（stable_token）',
  en: 'Usually handled for you: the stale cached token is dropped, a new one fetched and the call retried once. If it still fails, check whether another server calls /cgi-bin/token for the same AppID (each call kills the previous token 5 minutes later); prefer stable tokens (stable_token)',
};

const BAD_REQUEST: Localized = {
  zh: '这是请求本身的问题：检查方法、路径和参数是否与接口文档一致',
  en: 'The request itself is wrong: check the method, path and parameters against the API documentation',
};

const BODY_CHECK: Localized = {
  zh: '检查请求体：必须是合法 JSON（UTF-8），字段名和类型与接口文档一致，必填字段齐全',
  en: 'Check the request body: it must be valid JSON (UTF-8), with the field names and types from the API documentation and every required field present',
};

const SECRET_CHECK: Localized = {
  zh: '核对 AppSecret：公众号在 公众平台 → 设置与开发 → 基本配置 → 开发者密码(AppSecret)；小程序在 开发管理 → 开发设置 → 开发者ID；企业微信在 应用管理 → 应用 → Secret。重置后旧密钥立即失效，用到它的服务器都要更新；然后用 `wxtoken account set-secret NAME` 重新保存',
  en: 'Check the AppSecret: Official Account at Settings & Development → Basic configuration → Developer password (AppSecret); Mini Program at Development management → Development settings → Developer ID; WeCom at App management → the app → Secret. Resetting it kills the old one at once on every server using it. Then store it again with `wxtoken account set-secret NAME`',
};

const ADMIN_BLOCKED: Localized = {
  zh: '在此期间不要重试；等限制解除后重新调用，并提前告知账号管理员在微信中点击“确认”',
  en: 'Do not retry meanwhile; call again after the block ends, and ask the account admin beforehand to tap "confirm" in WeChat',
};

/** Every errcode in wechat-api.md §2, plus a few common business ones. */
export const WECHAT_ERRORS: Record<number, WechatErrorInfo> = {
  [-1]: {
    meaning: { zh: '微信系统繁忙', en: 'The WeChat system is busy' },
    next: { zh: '稍后重试（会自动退避重试几次）；期间仍可使用未过期的缓存 token', en: 'Retry a little later (a few retries with backoff happen automatically); a cached token that is still valid keeps working meanwhile' },
    policy: 'retry-backoff',
  },
  40001: {
    meaning: {
      zh: '在获取 token 的接口上：AppSecret 错误。在其他接口上：access_token 无效或不是最新的（有人获取了更新的 token）',
      en: 'At the token endpoint: wrong AppSecret. Elsewhere: the access_token is invalid or not the latest (someone fetched a newer one)',
    },
    next: TOKEN_RETRY,
    policy: 'refetch-once',
  },
  40002: {
    meaning: { zh: '不合法的凭证类型（grant_type）', en: 'Invalid grant_type' },
    next: { zh: 'grant_type 必须是 client_credential；这是程序缺陷，请报告问题', en: 'grant_type must be client_credential; this is a bug, please report it' },
    policy: 'report',
  },
  40003: {
    meaning: { zh: '不合法的 OpenID', en: 'Invalid openid' },
    next: { zh: 'OpenID 按 AppID 区分：确认它来自当前账号（不是另一个公众号或小程序），并且没有多余的空格', en: 'An openid belongs to one AppID: make sure it comes from this account (not another Official Account or Mini Program) and has no stray spaces' },
    policy: 'report',
  },
  40007: {
    meaning: { zh: '不合法的 media_id', en: 'Invalid media_id' },
    next: { zh: '确认 media_id 属于当前账号；临时素材只保存 3 天，过期后需重新上传', en: 'Make sure the media_id belongs to this account; temporary media is kept for 3 days only, upload it again after that' },
    policy: 'report',
  },
  40013: {
    meaning: { zh: '不合法的 AppID', en: 'Invalid AppID' },
    next: { zh: '核对账号设置里的 AppID（企业微信为 corpid）：拼写、多余空格，以及账号类型是否选对', en: 'Check the AppID (the corpid for WeCom) in the account settings: spelling, stray spaces, and whether the account kind is right' },
    policy: 'stop',
  },
  40014: {
    meaning: { zh: '不合法的 access_token', en: 'Invalid access_token' },
    next: TOKEN_RETRY,
    policy: 'refetch-once',
  },
  40029: {
    meaning: { zh: '无效的 oauth_code（网页授权 code 已用过、已过期（5 分钟）或不属于这个 AppID）', en: 'Invalid oauth code: the web-authorisation code was already used, expired (5 minutes) or belongs to another AppID' },
    next: { zh: '每个 code 只能用一次：让用户重新走一次授权跳转拿新的 code，并确认换取时用的是发起授权的同一个 AppID', en: 'A code works once: send the user through the authorisation redirect again for a new one, and exchange it with the AppID that started the redirect' },
    policy: 'stop',
  },
  40037: {
    meaning: { zh: '无效的模板 ID（template_id）', en: 'Invalid template_id' },
    next: { zh: '在公众平台的 模板消息 / 订阅消息 → 我的模板 中复制 ID；模板属于添加它的账号，换账号要重新添加', en: 'Copy the ID from Template messages / Subscribe messages → My templates in the platform console; a template belongs to the account that added it, so another account must add it again' },
    policy: 'stop',
  },
  40091: {
    meaning: { zh: '企业微信：Secret 不合法（旧错误码）', en: 'WeCom: invalid secret (older error code)' },
    next: { zh: '在企业微信管理后台 应用管理 → 应用 → Secret 查看正确的 Secret，并确认它属于该 corpid 下的这个应用', en: 'Look up the right Secret in the WeCom admin console under App management → the app → Secret, and check that it belongs to this app of this corpid' },
    policy: 'stop',
  },
  40125: {
    meaning: { zh: '不合法的 AppSecret', en: 'Invalid AppSecret' },
    next: SECRET_CHECK,
    policy: 'stop',
  },
  40164: {
    meaning: { zh: '调用方 IP 不在接口 IP 白名单中', en: 'The caller IP is not in the API IP whitelist' },
    next: {
      zh: '把上面显示的 IP 加入白名单。公众号：公众平台 → 设置与开发 → 基本配置 → IP白名单；小程序：开发管理 → 开发设置 → IP白名单。IP 经常变化时，可在有固定 IP 的反向代理后调用，并把账号的 API 地址指向它',
      en: 'Add the IP shown above to the whitelist. Official Account: Official Accounts Platform → Settings & Development → Basic configuration → IP whitelist; Mini Program: Development management → Development settings → IP whitelist. If your IP changes often, call through a reverse proxy with a fixed IP and point the account\'s API base URL at it',
    },
    policy: 'stop',
  },
  40243: {
    meaning: { zh: 'AppSecret 已被冻结', en: 'The AppSecret is frozen' },
    next: { zh: '登录公众平台（设置与开发 → 基本配置 → 开发者密码）解冻后再调用；解冻前不要重试', en: 'Sign in to the platform (Settings & Development → Basic configuration → Developer password) and unfreeze it; do not retry until then' },
    policy: 'stop',
  },
  41001: {
    meaning: { zh: '缺少 access_token 参数', en: 'The access_token parameter is missing' },
    next: { zh: 'access_token 会自动加到查询参数里；若仍出现，说明请求被改写（检查反向代理），或是程序缺陷，请报告', en: 'access_token is added to the query for you; if this still shows up the request was rewritten (check the reverse proxy) or it is a bug, please report it' },
    policy: 'report',
  },
  41002: {
    meaning: { zh: '缺少 appid 参数', en: 'The appid parameter is missing' },
    next: { zh: '在请求中补上 appid；若出现在获取 token 时，是程序缺陷，请报告', en: 'Add appid to the request; if it happens while fetching a token, it is a bug, please report it' },
    policy: 'report',
  },
  41004: {
    meaning: { zh: '缺少 secret 参数', en: 'The secret parameter is missing' },
    next: { zh: '确认账号已保存 AppSecret（`wxtoken account set-secret NAME`）；若已保存仍出现，是程序缺陷，请报告', en: 'Make sure the account has an AppSecret stored (`wxtoken account set-secret NAME`); if it has and this still happens, it is a bug, please report it' },
    policy: 'report',
  },
  41006: {
    meaning: { zh: '缺少 media_id 参数', en: 'The media_id parameter is missing' },
    next: { zh: '先上传素材拿到 media_id（临时素材 3 天后失效），再填入请求', en: 'Upload the media first to get a media_id (temporary media expires after 3 days), then put it in the request' },
    policy: 'stop',
  },
  41009: {
    meaning: { zh: '缺少 openid 参数', en: 'The openid parameter is missing' },
    next: { zh: '填入用户在本账号下的 OpenID（可用“获取关注者列表”查到）；OpenID 因账号而异，不能跨账号使用', en: 'Fill in the user\'s openid for this account (List followers shows them); openids differ per account and cannot be used across accounts' },
    policy: 'stop',
  },
  42001: {
    meaning: { zh: 'access_token 已过期', en: 'The access_token has expired' },
    next: TOKEN_RETRY,
    policy: 'refetch-once',
  },
  43002: {
    meaning: { zh: '需要使用 POST 请求', en: 'POST is required' },
    next: { zh: '把请求方法改为 POST，并在请求体里放 JSON', en: 'Change the method to POST and put JSON in the body' },
    policy: 'report',
  },
  43003: {
    meaning: { zh: '需要使用 HTTPS 请求', en: 'HTTPS is required' },
    next: { zh: '检查账号的 API 地址是否以 https:// 开头；使用反向代理时确认它以 HTTPS 转发到微信', en: 'Check that the account\'s API base URL starts with https://; with a reverse proxy, make sure it forwards to WeChat over HTTPS' },
    policy: 'report',
  },
  44002: {
    meaning: { zh: 'POST 请求体为空', en: 'The POST body is empty' },
    next: BODY_CHECK,
    policy: 'report',
  },
  45009: {
    meaning: { zh: '接口调用次数已达今日上限', en: 'The daily call quota for this API is reached' },
    next: {
      zh: '不要重试（会继续消耗额度）。等到次日额度重置，或用 /cgi-bin/clear_quota 清零（每月 10 次）；可用 /cgi-bin/openapi/quota/get 查看用量',
      en: 'Do not retry (it burns more quota). Wait for tomorrow\'s reset, or reset it with /cgi-bin/clear_quota (10 times a month); /cgi-bin/openapi/quota/get shows the usage',
    },
    policy: 'stop',
  },
  45011: {
    meaning: { zh: '调用太频繁，触发了每分钟频率限制', en: 'Too many calls: the per-minute rate limit was hit' },
    next: { zh: '放慢调用频率，稍等一分钟再试', en: 'Slow down and try again in a minute' },
    policy: 'retry-backoff',
  },
  46003: {
    meaning: { zh: '菜单不存在（账号尚未通过接口创建菜单，或已被删除）', en: 'No menu exists: none was created through the API, or it was deleted' },
    next: { zh: '先用“创建自定义菜单”创建；在公众平台网页后台设置的菜单请用“查询当前菜单配置”（get_current_selfmenu_info）读取', en: 'Create one with Create menu first; a menu set up in the platform\'s web console is read with get_current_selfmenu_info instead' },
    policy: 'stop',
  },
  47001: {
    meaning: { zh: '请求体解析失败或缺少必填字段', en: 'The body could not be parsed or a required field is missing' },
    next: BODY_CHECK,
    policy: 'report',
  },
  48001: {
    meaning: { zh: '该账号没有此接口的权限（token 类型不对、账号未认证或功能未开通）', en: 'This account is not authorised for this API (wrong token kind, unverified account or feature not enabled)' },
    next: {
      zh: '确认账号类型选对了（公众号的 token 不能调小程序接口，反之亦然）；在公众平台 → 设置与开发 → 接口权限 查看该接口是否已获得；部分接口需要微信认证',
      en: 'Check that the account kind is right (an Official Account token cannot call Mini Program APIs, nor the reverse); see Settings & Development → API permissions in the platform; some APIs need a verified account',
    },
    policy: 'report',
  },
  48006: {
    meaning: { zh: '禁止清零调用次数：本月的清零次数已用完', en: 'clear_quota refused: this month\'s resets are used up' },
    next: { zh: '每个账号每月只能清零 10 次：等到下个月，或等次日额度自动重置', en: 'An account may reset its quota 10 times a month: wait for next month, or for tomorrow\'s automatic reset' },
    policy: 'report',
  },
  50001: {
    meaning: { zh: '用户未授权该接口', en: 'The user has not authorised this API' },
    next: { zh: '确认用户已授权相应范围（如网页授权 scope 或订阅消息），或换用已授权的用户测试', en: 'Make sure the user granted the needed scope (e.g. the OAuth scope or the subscription message), or test with a user who did' },
    policy: 'report',
  },
  50002: {
    meaning: { zh: '用户受限，可能是违规后接口被封禁', en: 'The user is restricted, possibly blocked after a violation' },
    next: { zh: '换一个用户测试；如需申诉，请在公众平台查看违规记录', en: 'Test with another user; to appeal, see the violation records in the platform' },
    policy: 'report',
  },
  60020: {
    meaning: { zh: '企业微信：调用方 IP 不是企业可信 IP', en: 'WeCom: the caller IP is not a trusted IP of the corp' },
    next: {
      zh: '把上面显示的 IP 加入企业可信IP：企业微信管理后台 → 应用管理 → 应用 → 企业可信IP。IP 经常变化时，可在有固定 IP 的反向代理后调用',
      en: 'Add the IP shown above as a trusted IP: WeCom admin console → App management → the app → Trusted corporate IPs. If your IP changes often, call through a reverse proxy with a fixed IP',
    },
    policy: 'stop',
  },
  60111: {
    meaning: { zh: '企业微信：userid 不存在', en: 'WeCom: no such userid' },
    next: { zh: '核对成员账号（userid，区分大小写）：在 管理后台 → 通讯录 → 成员详情 中查看；或用“读取成员”接口确认', en: 'Check the member\'s userid (case-sensitive) under Contacts → the member in the admin console, or look it up with the Get member API' },
    policy: 'stop',
  },
  61024: {
    meaning: { zh: '这是第三方平台（component）账号，需要使用第三方平台的 token 接口', en: 'This is a third-party platform (component) account: it needs the component token API' },
    next: { zh: 'wxtoken 暂不支持第三方平台账号；请改用公众号或小程序自己的 AppID 和 AppSecret', en: 'wxtoken does not support third-party platform accounts yet; use the Official Account\'s or Mini Program\'s own AppID and AppSecret' },
    policy: 'stop',
  },
  76021: {
    meaning: { zh: 'quota/get：cgi_path 填写错误', en: 'quota/get: unknown cgi_path' },
    next: { zh: 'cgi_path 只写路径，以 / 开头、不带域名和查询参数，例如 /cgi-bin/message/custom/send', en: 'cgi_path is the path only, starting with / and without host or query, e.g. /cgi-bin/message/custom/send' },
    policy: 'report',
  },
  76022: {
    meaning: { zh: 'quota/get：当前账号无权查询该接口', en: 'quota/get: this account does not own that API' },
    next: { zh: '确认该接口属于当前账号类型并已获得权限（公众平台 → 设置与开发 → 接口权限）', en: 'Check that the API belongs to this kind of account and is granted (Settings & Development → API permissions)' },
    policy: 'report',
  },
  89501: {
    meaning: { zh: '此 IP 正在等待管理员确认', en: 'This IP is waiting for the admin\'s confirmation' },
    next: { zh: '请账号管理员在微信中确认该 IP 的调用请求，确认后再重试', en: 'Ask the account admin to confirm the request for this IP in WeChat, then retry' },
    policy: 'stop',
  },
  89503: {
    meaning: { zh: '此 IP 调用需要管理员确认，已向管理员发送确认消息', en: 'Calls from this IP need the admin\'s confirmation; a message was sent to the admin' },
    next: { zh: '请账号管理员在微信中点击“确认”，之后再重试；不要反复调用', en: 'Ask the account admin to tap "confirm" in WeChat, then retry; do not call again and again' },
    policy: 'stop',
  },
  89506: {
    meaning: { zh: '24 小时内该 IP 被管理员拒绝两次，24 小时内禁止调用', en: 'The admin rejected this IP twice within 24 hours: calls are blocked for 24 hours' },
    next: ADMIN_BLOCKED,
    policy: 'stop',
  },
  89507: {
    meaning: { zh: '1 小时内该 IP 被管理员拒绝，1 小时内禁止调用', en: 'The admin rejected this IP within the last hour: calls are blocked for 1 hour' },
    next: ADMIN_BLOCKED,
    policy: 'stop',
  },
};

/** What changes at /cgi-bin/token, /cgi-bin/stable_token and WeCom's gettoken: mostly the credentials. */
export const TOKEN_ENDPOINT_ERRORS: Record<number, WechatErrorInfo> = {
  40001: {
    meaning: { zh: 'AppSecret 错误（或 AppSecret 不属于这个 AppID）', en: 'Wrong AppSecret (or it does not belong to this AppID)' },
    next: SECRET_CHECK,
    policy: 'stop',
  },
  40013: {
    meaning: { zh: '不合法的 AppID：获取 token 失败', en: 'Invalid AppID: no token could be fetched' },
    next: WECHAT_ERRORS[40013]!.next,
    policy: 'stop',
  },
  40125: {
    meaning: { zh: '不合法的 AppSecret：获取 token 失败', en: 'Invalid AppSecret: no token could be fetched' },
    next: SECRET_CHECK,
    policy: 'stop',
  },
  45009: {
    meaning: { zh: '今日获取 access_token 的次数已用完', en: 'The daily access_token quota is used up' },
    next: {
      zh: '已暂停获取，不要重试。若生产服务器也在用这个 AppID，它同样拿不到新 token。等到次日重置，或用 clear_quota 清零（每月 10 次）后选择“恢复获取”',
      en: 'Fetching is paused: do not retry. If production servers use this AppID they cannot get new tokens either. Wait for tomorrow\'s reset, or reset it with clear_quota (10 times a month) and choose "resume fetching"',
    },
    policy: 'stop',
  },
  48001: {
    meaning: { zh: '该账号无权获取此类 token', en: 'This account may not fetch this kind of token' },
    next: { zh: '确认账号类型（公众号 / 小程序 / 企业微信）选对了；企业微信账号请使用 corpid 和应用 Secret', en: 'Check that the account kind (Official Account / Mini Program / WeCom) is right; WeCom accounts use the corpid and the app\'s Secret' },
    policy: 'stop',
  },
};
