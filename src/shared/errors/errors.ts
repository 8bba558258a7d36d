import type { AppError, ErrorCode, Localized } from '../result';
import { scrubSecretPairs } from '../redact';
import { TOKEN_ENDPOINT_ERRORS, WECHAT_ERRORS, type WechatErrorInfo } from './wechat-errors';

const APP_ERRORS: Record<Exclude<ErrorCode, 'wechat'>, { message: Localized; next?: Localized }> = {
  validation: { message: { zh: '输入无效', en: 'Invalid input' } },
  not_found: { message: { zh: '没有这个账号', en: 'No such account' }, next: { zh: '用 `wxtoken account list` 查看已有账号', en: 'See the accounts with `wxtoken account list`' } },
  conflict: { message: { zh: '已存在同名账号', en: 'An account with that name exists already' }, next: { zh: '换一个名字', en: 'Pick another name' } },
  keychain_unavailable: {
    message: { zh: '系统钥匙串不可用（已锁定、未安装或无响应）', en: 'The OS keychain is unavailable (locked, missing or not answering)' },
    next: {
      zh: '解锁钥匙串后重试；Linux 上需要运行中的 Secret Service（如 gnome-keyring）。密钥不会以明文保存到别处。',
      en: 'Unlock the keychain and try again; on Linux a running Secret Service (e.g. gnome-keyring) is needed. Secrets are never stored in plaintext instead.',
    },
  },
  secret_missing: { message: { zh: '钥匙串里没有这个账号的 AppSecret', en: 'The keychain holds no AppSecret for this account' }, next: { zh: '用 `wxtoken account set-secret NAME` 重新保存', en: 'Store it again with `wxtoken account set-secret NAME`' } },
  network: { message: { zh: '网络错误，未能连上微信服务器', en: 'Network error: could not reach the WeChat server' }, next: { zh: '检查网络、代理和 API 地址后重试', en: 'Check the network, the proxy and the API base URL, then retry' } },
  timeout: { message: { zh: '请求超时，微信服务器没有及时响应', en: 'The request timed out: the WeChat server did not answer in time' }, next: { zh: '稍后重试；若持续超时，试试其他接入点（api2 / sh / sz / hk）', en: 'Retry later; if it keeps timing out, try another access point (api2 / sh / sz / hk)' } },
  bad_response: { message: { zh: '微信服务器返回了无法解析的内容（不是 JSON）', en: 'The server answered with something that is not JSON' }, next: { zh: '检查 API 地址是否指向微信或你的反向代理', en: 'Check that the API base URL points at WeChat or your reverse proxy' } },
  truncated: { message: { zh: '响应被截断，连接提前关闭', en: 'The response was cut short: the connection closed early' }, next: { zh: '稍后重试', en: 'Retry later' } },
  http_status: { message: { zh: '服务器返回 HTTP 错误状态', en: 'The server answered with an HTTP error status' }, next: { zh: '稍后重试；检查 API 地址和代理', en: 'Retry later; check the API base URL and the proxy' } },
  fetch_blocked: {
    message: { zh: '今日获取 access_token 的次数已用完（45009），已暂停获取', en: 'The daily access_token quota is used up (45009); fetching is paused' },
    next: { zh: '明天再试，或在公众平台用 clear_quota 重置后点击“恢复获取”', en: 'Try tomorrow, or reset it with clear_quota and choose "resume fetching"' },
  },
  force_limited: {
    message: { zh: '强制刷新受限：每天最多 20 次，两次间隔至少 30 秒', en: 'Force refresh is limited: 20 a day, at least 30 s apart' },
    next: { zh: '稍后再试，或使用普通刷新', en: 'Wait, or use a normal refresh' },
  },
  storage: { message: { zh: '无法读写数据目录中的文件', en: 'A file in the data directory could not be read or written' }, next: { zh: '检查数据目录的权限和磁盘空间', en: 'Check the data directory permissions and free disk space' } },
  unsupported: { message: { zh: '当前环境不支持此操作', en: 'This host does not support that' } },
  redis_unreachable: {
    message: { zh: '无法连接 Redis', en: 'Redis unreachable' },
    next: { zh: '检查 Redis 是否在运行、主机和端口、是否需要 TLS（rediss://）以及防火墙', en: 'Check that Redis is running, the host and port, whether it needs TLS (rediss://), and the firewall' },
  },
  redis_refused: {
    message: { zh: 'Redis 拒绝了用户名或密码', en: 'Redis refused the user or password' },
    next: { zh: '用 `wxtoken redis remove` 删除后重新添加，输入正确的密码', en: 'Remove the connection with `wxtoken redis remove` and add it again with the right password' },
  },
  redis_error: { message: { zh: 'Redis 返回了错误', en: 'Redis answered with an error' } },
  // issue 8 (token sources): the detail (which key, which Redis, which URL) is added where they happen
  token_unavailable: {
    message: { zh: '没有可用的 token', en: 'No usable token' },
    next: { zh: 'wxtoken 不会为这个账号向微信获取 token', en: 'wxtoken never fetches a token from WeChat for this account' },
  },
  token_stale: {
    message: { zh: '微信拒绝了读取到的 token，来源处仍是同一个 token', en: 'WeChat rejected the token read, and its source still holds the same one' },
    next: { zh: '生产环境的 token 已失效：等生产服务刷新它，wxtoken 不会自己获取', en: "Production's token is stale: wait for production to renew it; wxtoken does not fetch one itself" },
  },
  read_only_source: {
    message: { zh: '这个账号的 token 不由 wxtoken 获取', en: "This account's token is not fetched by wxtoken" },
    next: { zh: '“刷新”会重新读取来源；要由本机获取，用 `wxtoken account edit NAME --local`', en: '"refresh" reads the source again; to fetch on this machine, use `wxtoken account edit NAME --local`' },
  },
  cancelled: { message: { zh: '请求已取消', en: 'The request was cancelled' } },
  internal: { message: { zh: '内部错误', en: 'Internal error' }, next: { zh: '请重试；若反复出现，请报告问题', en: 'Try again; if it keeps happening, report it' } },
};

/** An expected failure with the catalogue's message; `extra` adds detail or overrides the text. */
export function appError(code: Exclude<ErrorCode, 'wechat'>, extra: Partial<AppError> = {}): AppError {
  const base = APP_ERRORS[code];
  return { code, message: base.message, ...(base.next ? { next: base.next } : {}), ...extra };
}

/** Adds a detail to both languages of a message, e.g. which account or which field. */
export function withDetail(message: Localized, detail: string): Localized {
  return { zh: `${message.zh}：${detail}`, en: `${message.en}: ${detail}` };
}

const IP_PATTERN = /(?:invalid ip|from ip):?\s*([0-9a-fA-F.:]+)/gi;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const RID_PATTERN = /rid:\s*([0-9a-zA-Z-]+)/;

function asIp(candidate: string): string | undefined {
  const text = candidate.replace(/[.:]+$/, '');
  const v4 = IPV4.exec(text.replace(/^:*ffff:/i, ''));
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255) ? v4[0] : undefined;
  return text.includes(':') && /^[0-9a-fA-F:]+$/.test(text) ? text : undefined;
}

/**
 * The caller IP in a 40164 / 60020 errmsg (wechat-api.md §2: parse loosely). Handles `invalid ip A ipv6 B, …`,
 * `invalid ip A, not in whitelist hint: […]` and WeCom's `…, from ip: A, more info at …`.
 */
export function callerIp(errmsg: string): string | undefined {
  for (const match of errmsg.matchAll(IP_PATTERN)) {
    const ip = asIp(match[1] ?? '');
    if (ip) return ip;
  }
  return undefined;
}

function infoFor(errcode: number, atTokenEndpoint?: boolean) {
  return (atTokenEndpoint ? TOKEN_ENDPOINT_ERRORS[errcode] : undefined) ?? WECHAT_ERRORS[errcode];
}

/**
 * A WeChat errcode explained from the catalogue; unknown codes keep WeChat's own errmsg. At the token
 * endpoints (`atTokenEndpoint`) some codes mean something else: 40001 there is a wrong AppSecret.
 */
export function wechatError(errcode: number, errmsg = '', opts: { atTokenEndpoint?: boolean } = {}): AppError {
  const info = infoFor(errcode, opts.atTokenEndpoint);
  const safeMsg = scrubSecretPairs(errmsg);
  const ip = errcode === 40164 || errcode === 60020 ? callerIp(safeMsg) : undefined;
  const rid = RID_PATTERN.exec(safeMsg)?.[1];
  return {
    code: 'wechat',
    errcode,
    errmsg: safeMsg,
    message: info?.meaning ?? { zh: `微信返回错误 ${errcode}：${safeMsg}`, en: `WeChat error ${errcode}: ${safeMsg}` },
    ...(info ? { next: info.next } : {}),
    ...(ip ? { ip } : {}),
    ...(rid ? { rid } : {}),
  };
}

export function wechatPolicy(errcode: number, opts: { atTokenEndpoint?: boolean } = {}): WechatErrorInfo['policy'] {
  return infoFor(errcode, opts.atTokenEndpoint)?.policy ?? 'report';
}

/** Picks the text for a UI language. */
export function localize(text: Localized, lang: 'zh-CN' | 'en'): string {
  return lang === 'zh-CN' ? text.zh : text.en;
}
