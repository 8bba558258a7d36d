/**
 * The Chinese for a validation issue, so a zh message is never half English. The schemas' own messages are
 * English sentences; the known ones are translated here, anything else is described from the issue's code.
 */
import type { z } from 'zod';

const KNOWN: Record<string, string> = {
  'name is empty': '名称为空',
  'name is longer than 64 characters': '名称超过 64 个字符',
  'name may hold letters, digits, "_", "." and "-", and starts with a letter or digit': '名称只能包含字母、数字、"_"、"." 和 "-"，并以字母或数字开头',
  'API base must be an http(s) URL without credentials, query or fragment': 'API 地址必须是 http(s) 网址，不能带用户名密码、查询参数或 #片段',
  'proxy must be an http:// or https:// URL without user or password': '代理必须是 http:// 或 https:// 网址，不能带用户名或密码',
  'note is longer than 500 characters': '备注超过 500 个字符',
  'secret is empty': '密钥为空',
  'secret is longer than 256 characters': '密钥超过 256 个字符',
  'secret must not contain spaces or line breaks': '密钥不能包含空格或换行',
  'path must start with "/" and hold only letters, digits, "_", "-", "." and "/"': '路径必须以 "/" 开头，只能包含字母、数字、"_"、"-"、"." 和 "/"',
  'path must not contain ".."': '路径不能包含 ".."',
  'body is larger than 5 MB': '请求体超过 5 MB',
  'file is larger than 10 MB': '文件超过 10 MB',
  'name is longer than 100 characters': '名称超过 100 个字符',
  'notes are longer than 2000 characters': '备注超过 2000 个字符',
  'body is larger than 1 MB': '请求体超过 1 MB',
  'a form field holds a value or a file': '表单字段要么是文本值，要么是文件',
  'url is empty': '地址为空',
  'url is too long': '地址太长',
  'prefix is longer than 200 characters': '前缀超过 200 个字符',
  'prefix may hold printable ASCII only, no spaces': '前缀只能包含可打印的 ASCII 字符，不能有空格',
  'CA file is larger than 64 KiB': 'CA 文件超过 64 KiB',
  'CA must be a PEM certificate': 'CA 必须是 PEM 格式的证书',
  'password is longer than 1024 characters': '密码超过 1024 个字符',
  'password must be one line': '密码只能有一行',
  'AppID must be "wx" + 16 hex digits (a corpid "ww" + 16 letters or digits)': 'AppID 必须是 "wx" 加 16 位十六进制数字（企业微信 corpid 为 "ww" 加 16 位字母或数字）',
  'AppID must be "wx" followed by 16 hexadecimal digits': 'AppID 必须是 "wx" 加 16 位十六进制数字',
  'corpid must be "ww" followed by 16 letters or digits': 'corpid 必须是 "ww" 加 16 位字母或数字',
};

type Issue = z.core.$ZodIssue;

/** A rule's English sentence in Chinese, when it is a known one. */
export const zhMessage = (en: string): string => KNOWN[en] ?? en;

export function zhIssue(issue: Issue): string {
  const known = KNOWN[issue.message];
  if (known) return known;
  switch (issue.code) {
    case 'invalid_type':
      return `类型不对：应为 ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string' ? `太长：最多 ${String(issue.maximum)} 个字符` : issue.origin === 'array' ? `太多：最多 ${String(issue.maximum)} 项` : `太大：最大 ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? `太短：至少 ${String(issue.minimum)} 个字符` : issue.origin === 'array' ? `太少：至少 ${String(issue.minimum)} 项` : `太小：最小 ${String(issue.minimum)}`;
    case 'invalid_value':
      return `取值无效：只能是 ${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
      return '格式不对';
    default:
      return '输入不符合要求';
  }
}
