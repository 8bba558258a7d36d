/**
 * A request written as a URL, the way WeChat's docs print it (`https://api.weixin.qq.com/cgi-bin/user/get?
 * access_token=ACCESS_TOKEN&next_openid=`) or as `PATH?query`: split into the path and query pairs the console
 * sends, without access_token (the account's token is added at sending). The host is only reported: requests
 * always go to the account's API base, which is where its token may go.
 */
export const WECHAT_API_HOSTS = ['api.weixin.qq.com', 'api2.weixin.qq.com', 'sh.api.weixin.qq.com', 'sz.api.weixin.qq.com', 'hk.api.weixin.qq.com', 'qyapi.weixin.qq.com'];

export interface SplitRequestUrl {
  path: string;
  query: [string, string][];
  /** The host of a full URL. */
  host?: string;
  /** Whether that host is one of WeChat's API hosts (wechat-api.md §3). */
  wechatHost?: boolean;
  /** An access_token was in the query and was dropped. */
  droppedToken: boolean;
}

/** Undefined when the text is neither an http(s) URL nor a path starting with "/". */
export function splitRequestUrl(text: string): SplitRequestUrl | undefined {
  const value = text.trim();
  let url: URL;
  let host: string | undefined;
  try {
    if (/^https?:\/\//i.test(value)) {
      url = new URL(value);
      host = url.hostname.toLowerCase();
    } else if (value.startsWith('/') && !value.startsWith('//')) url = new URL(value, 'http://path.invalid');
    else return undefined;
  } catch {
    return undefined;
  }
  const all = [...url.searchParams.entries()];
  const query = all.filter(([k]) => k !== 'access_token');
  return {
    path: decodePath(url.pathname),
    query,
    ...(host ? { host, wechatHost: WECHAT_API_HOSTS.includes(host) } : {}),
    droppedToken: query.length !== all.length,
  };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
