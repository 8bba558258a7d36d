/** Help text: the global overview, a group's overview, and one command's usage with its options. */
import { commands } from '../commands/index';
import { pick, type CliLang } from '../lang';
import type { CommandSpec } from '../spec';
import { width } from './format';

const EXIT_TEXT = {
  zh: '退出码：0 成功，1 其他失败，2 用法或输入错误（包括没有这个账号），3 微信错误码，4 网络/超时/响应异常/HTTP 状态/Redis 无法连接，5 钥匙串不可用或缺少 AppSecret',
  en: 'Exit codes: 0 ok, 1 other failure, 2 usage or invalid input (an unknown account too), 3 WeChat errcode, 4 network / timeout / bad response / HTTP status / Redis unreachable, 5 keychain unavailable or AppSecret missing',
};

function list(specs: CommandSpec[], lang: CliLang): string {
  return specs.map((s) => `  ${s.usage}\n      ${pick(lang, s.summary)}`).join('\n');
}

export function globalHelp(lang: CliLang): string {
  const head =
    lang === 'zh'
      ? 'wxtoken：在系统钥匙串中保存微信 AppSecret，获取并缓存 access_token。\n\n用法：wxtoken <命令> [参数]，每个命令都支持 --help\n'
      : 'wxtoken: keeps WeChat AppSecrets in the OS keychain and fetches and caches access_tokens.\n\nUsage: wxtoken <command> [arguments]; every command takes --help\n';
  const env =
    lang === 'zh'
      ? '环境变量：WXTOKEN_HOME（数据目录）、WXTOKEN_KEYCHAIN_SERVICE（钥匙串服务名）、WXTOKEN_LANG（zh / en；未设置时用设置中的语言，设置为“跟随系统”时用 LANG）\n--json 输出统一使用 snake_case 键名和 ISO 8601 时间。'
      : 'Environment: WXTOKEN_HOME (data folder), WXTOKEN_KEYCHAIN_SERVICE (keychain service name), WXTOKEN_LANG (zh / en; when unset, the language in the settings, or LANG when that is "system")\nEvery --json output uses snake_case keys and ISO 8601 times.';
  return `${head}\n${list(commands.filter((c) => !c.hidden), lang)}\n\n${env}\n${pick(lang, EXIT_TEXT)}\n`;
}

export function groupHelp(group: string, lang: CliLang): string {
  const specs = commands.filter((c) => c.name.startsWith(`${group} `));
  const head = lang === 'zh' ? `用法：wxtoken ${group} <子命令> [参数]` : `Usage: wxtoken ${group} <subcommand> [arguments]`;
  return `${head}\n\n${list(specs, lang)}\n`;
}

export function commandHelp(spec: CommandSpec, lang: CliLang): string {
  const rows: [string, string][] = Object.entries(spec.options).map(([key, o]) => [
    `${o.short ? `-${o.short}, ` : ''}--${key}${o.arg ? ` ${o.arg}` : ''}`,
    pick(lang, o.help),
  ]);
  rows.push(['-h, --help', lang === 'zh' ? '显示此帮助' : 'show this help']);
  const w = Math.max(...rows.map(([k]) => width(k)));
  const options = rows.map(([k, v]) => `  ${k}${' '.repeat(w - width(k))}  ${v}`).join('\n');
  const [usage, opts] = lang === 'zh' ? ['用法：', '选项：'] : ['Usage: ', 'Options:'];
  return `${usage}${spec.usage}\n\n${pick(lang, spec.summary)}\n\n${opts}\n${options}\n`;
}
