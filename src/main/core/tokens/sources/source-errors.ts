/** The errors of tokens wxtoken does not fetch (observed, pasted, shared): each says where it looked. */
import { appError } from '../../../../shared/errors/errors';
import type { AppError, Localized } from '../../../../shared/result';

const L = (zh: string, en: string): Localized => ({ zh, en });

export const unavailable = (message: Localized, next?: Localized): AppError =>
  appError('token_unavailable', { message, ...(next ? { next } : {}) });

/** Where an observed token was read: `wx:access_token:wx… on Redis prod` / `https://… `. */
export type Where = Localized;

export const onRedis = (key: string, redis: string, field?: string): Where =>
  L(`Redis ${redis} 的键 ${key}${field ? ` 字段 ${field}` : ''}`, `key ${key}${field ? ` field ${field}` : ''} on Redis ${redis}`);

export const atUrl = (url: string): Where => L(`地址 ${url}`, `the URL ${url}`);

export const nothingAt = (where: Where, appid: string, redis?: string): AppError =>
  unavailable(
    L(`${where.zh} 没有 token（不存在或已过期）；wxtoken 不会自己获取`, `No token at ${where.en} (missing or expired); wxtoken does not fetch one itself`),
    redis
      ? L(`确认生产服务已获取过 token，且键名正确：用 \`wxtoken redis find ${redis} ${appid}\` 查找`, `Check that production has fetched a token and that the key is right: look with \`wxtoken redis find ${redis} ${appid}\``)
      : L('确认对方服务在运行，且这个地址返回 access_token', 'Check that the other server is running and that this URL answers with an access_token'),
  );

export const expiredAt = (where: Where, at: number): AppError =>
  unavailable(
    L(`${where.zh} 的 token 已于 ${new Date(at).toISOString()} 过期；wxtoken 不会自己获取`, `The token at ${where.en} expired at ${new Date(at).toISOString()}; wxtoken does not fetch one itself`),
    L('等生产服务刷新它，然后再试（“刷新”会重新读取）', 'Wait for production to renew it, then try again ("refresh" reads it again)'),
  );

export const unreadable = (where: Where, problem: Localized): AppError =>
  unavailable(L(`${where.zh} 的值无法读取为 token：${problem.zh}`, `The value at ${where.en} cannot be read as a token: ${problem.en}`), L('检查 --format 和 --key 是否与生产服务的 SDK 一致', "Check that --format and --key match production's SDK"));

export const stale = (where: Where): AppError =>
  appError('token_stale', {
    message: L(`微信拒绝了从 ${where.zh} 读取的 token（40001/42001），那里仍是同一个 token：生产环境的 token 已失效`, `WeChat rejected the token read from ${where.en} (40001/42001), and it still holds the same one: production's token is stale`),
  });

export const pastedGone = (name: string, expiredAt?: number): AppError =>
  unavailable(
    expiredAt !== undefined
      ? L(`手动设置的 token 已于 ${new Date(expiredAt).toISOString()} 过期`, `The token set by hand expired at ${new Date(expiredAt).toISOString()}`)
      : L('这个账号还没有手动设置的 token（或微信已拒绝它）', 'This account has no token set by hand (or WeChat rejected it)'),
    L(`粘贴一个新的：\`wxtoken token ${name} --set\`（token 从标准输入读取）`, `Paste a new one: \`wxtoken token ${name} --set\` (the token on stdin)`),
  );

export const noForce = (name: string): AppError =>
  appError('read_only_source', {
    message: L(`${name} 的 token 不由 wxtoken 获取，不能强制刷新`, `${name}'s token is not fetched by wxtoken: there is no force refresh`),
  });

export const notPaste = (name: string): AppError =>
  appError('read_only_source', {
    message: L(`${name} 的 token 来源不是“手动粘贴”，不能设置 token`, `${name}'s token source is not "paste": a token cannot be set by hand`),
    next: L(`先改为手动粘贴：\`wxtoken account edit ${name} --paste\``, `Switch it to paste first: \`wxtoken account edit ${name} --paste\``),
  });
