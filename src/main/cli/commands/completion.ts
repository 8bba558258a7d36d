import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataHome } from '../../core/storage/paths';
import { completionScript, SHELLS, type Shell } from '../completion';
import { L } from '../lang';
import { arg, UsageFailure, type CommandSpec } from '../spec';

export const completionCommand: CommandSpec = {
  name: 'completion',
  usage: 'wxtoken completion bash|zsh|fish',
  summary: L(
    '输出 shell 补全脚本（命令、选项、账号名和 Redis 连接名）。bash/zsh：source <(wxtoken completion bash)；fish：wxtoken completion fish | source',
    'Print a shell completion script (commands, options, account and Redis names). bash/zsh: source <(wxtoken completion bash); fish: wxtoken completion fish | source',
  ),
  positionals: ['SHELL'],
  complete: { SHELL: SHELLS },
  options: {},
  async run(ctx, parsed) {
    const shell = arg(parsed, 'SHELL');
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw new UsageFailure(L(`SHELL 只能是 bash、zsh 或 fish，而不是 "${shell}"`, `SHELL must be bash, zsh or fish, not "${shell}"`), completionCommand);
    }
    // Loaded here: the command list imports this file.
    const { commands, groups } = await import('./index');
    ctx.io.out(completionScript(shell as Shell, commands, groups, ctx.lang));
    return 0;
  },
};

/**
 * `wxtoken __complete accounts|redis`: the saved names, one a line, for the completion scripts. Reads the
 * data folder's JSON files directly: no core, no keychain, no lock, nothing written, and silent on any problem,
 * so a Tab press stays fast and never prints into the command line.
 */
export const completeNamesCommand: CommandSpec = {
  name: '__complete',
  usage: 'wxtoken __complete accounts|redis',
  summary: L('供补全脚本使用', 'for the completion scripts'),
  positionals: ['WHAT'],
  options: {},
  hidden: true,
  async run(ctx, parsed) {
    const what = arg(parsed, 'WHAT');
    const [file, list] = what === 'accounts' ? ['accounts.json', 'accounts'] : what === 'redis' ? ['redis.json', 'connections'] : [];
    if (!file || !list) return 2;
    const names = await readFile(join(dataHome(ctx.io.env), file), 'utf8')
      .then((text) => {
        const entries = (JSON.parse(text) as Record<string, unknown>)[list];
        return Array.isArray(entries) ? entries.map((e) => (e as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string' && /^[^\s]+$/u.test(n)) : [];
      })
      .catch(() => []);
    if (names.length) ctx.io.out(`${names.join('\n')}\n`);
    return 0;
  },
};
