/** What a team member is told when the shared token cannot be had. */
import { appError } from '../../../../shared/errors/errors';
import type { AppError, Localized } from '../../../../shared/result';

const L = (zh: string, en: string): Localized => ({ zh, en });

export const noMemberFetched = (redis: string, appid: string): AppError =>
  appError('token_unavailable', {
    message: L(`Redis ${redis} 上还没有 ${appid} 的团队 token：还没有持有 AppSecret 的成员获取过`, `No team token for ${appid} on Redis ${redis}: no member with the AppSecret has fetched one yet`),
    next: L('请持有 AppSecret 的成员运行一次 `wxtoken token NAME`，或在这里用 `wxtoken account set-secret NAME` 保存 AppSecret', 'Ask a member who has the AppSecret to run `wxtoken token NAME` once, or store it here with `wxtoken account set-secret NAME`'),
  });

export const redisDown = (cause: AppError): AppError => ({
  ...cause,
  next: L(
    '团队 Redis 不可用，本机也没有仍有效的 token；wxtoken 不会在团队锁之外获取（那会让成员互相使 token 失效）。Redis 恢复后重试',
    'The team Redis is unavailable and this machine holds no valid token; wxtoken never fetches outside the team lock (members would invalidate each other). Retry once Redis is back',
  ),
});

export const shareLockTimeout = (): AppError =>
  appError('timeout', {
    message: L('等待团队获取锁超时：另一位成员的获取一直没有完成', "Timed out waiting for the team's fetch lock: another member's fetch did not finish"),
    next: L('稍后重试', 'Retry later'),
  });

/** An account saved before WeCom could be shared: each app has its own token, named by its agentid. */
export const wecomNeedsAgent = (): AppError =>
  appError('validation', {
    field: 'source',
    message: L('通过 Redis 共享的企业微信账号需要 agentid（每个应用一个 token）', 'A WeCom account shared through Redis needs its agentid (one token per app)'),
    next: L('用 `wxtoken account edit NAME --share REDIS --agentid ID` 补上', 'Add it with `wxtoken account edit NAME --share REDIS --agentid ID`'),
  });
