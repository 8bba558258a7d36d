/** How an AppError reads on stderr: what happened, WeChat's code and words, the caller IP, the rid, what next. */
import type { AppError } from '../../../shared/result';
import { L, pick, type CliLang } from '../lang';

const LABELS = {
  error: L('错误', 'error'),
  wechatSaid: L('微信返回', 'WeChat said'),
  ip: L('调用方 IP', 'caller IP'),
  rid: L('rid（可在微信排查工具中查询，7 天内有效）', 'rid (WeChat diagnosis tools accept it for 7 days)'),
  next: L('下一步', 'next'),
  field: L('字段', 'field'),
  http: L('HTTP 状态', 'HTTP status'),
};

export function formatError(error: AppError, lang: CliLang): string {
  const sep = lang === 'zh' ? '：' : ': ';
  const label = (key: keyof typeof LABELS) => `  ${pick(lang, LABELS[key])}${sep}`;
  const tag = error.errcode !== undefined ? `${error.code} ${error.errcode}` : error.code;
  const lines = [`wxtoken: ${pick(lang, LABELS.error)} [${tag}]${sep}${pick(lang, error.message)}`];
  if (error.errmsg) lines.push(`${label('wechatSaid')}${error.errmsg}`);
  if (error.field) lines.push(`${label('field')}${error.field}`);
  if (error.httpStatus !== undefined) lines.push(`${label('http')}${error.httpStatus}`);
  if (error.ip) lines.push(`${label('ip')}${error.ip}`);
  if (error.rid) lines.push(`${label('rid')}${error.rid}`);
  if (error.next) lines.push(`${label('next')}${pick(lang, error.next)}`);
  return lines.join('\n') + '\n';
}
