/**
 * The `wxtoken` command line: one more host over the core. `main` returns the exit code and never calls
 * process.exit, so output is flushed and the core is closed before the process ends.
 */
import type { KeychainLink } from '../core/keychain/keychain-link';
import { version } from '../../../package.json';
import { appError } from '../../shared/errors/errors';
import { AppFailure } from '../../shared/result';
import { parseCommand } from './args';
import { commands, groups } from './commands/index';
import { Context, type OpenCore } from './context';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes';
import { commandHelp, globalHelp, groupHelp } from './output/help';
import { nodeIo, type CliIo } from './io';
import { coreOpener } from './startup/open-core';
import { cliLanguage, L, pick, savedLanguage, type CliLang } from './lang';
import { formatError } from './output/report';
import { UsageFailure, type CommandSpec } from './spec';

export { EXIT_FAILURE, EXIT_KEYCHAIN, EXIT_NETWORK, EXIT_OK, EXIT_USAGE, EXIT_WECHAT, exitCodeFor } from './exit-codes';

/** `keychain`: the line to the keychain, if launch.ts opened it already. */
export async function main(argv: string[], keychain?: KeychainLink): Promise<number> {
  try {
    // The core is loaded only when a command needs it: help and usage errors stay instant.
    return await run(argv, nodeIo(), coreOpener(keychain));
  } finally {
    // A line opened early for a command that never opened the core (a usage error, say).
    keychain?.release();
  }
}

/** `main` with its surroundings passed in. */
export async function run(argv: string[], io: CliIo, openCore: OpenCore): Promise<number> {
  const lang = cliLanguage(io.env, savedLanguage(io.env));
  const ctx = new Context(io, lang, openCore);
  try {
    return await dispatch(ctx, argv);
  } catch (err) {
    if (err instanceof UsageFailure) {
      io.err(usageText(err, lang));
      return EXIT_USAGE;
    }
    if (err instanceof AppFailure) {
      io.err(formatError(err.error, lang));
      return exitCodeFor(err.error);
    }
    // A bug: its text may hold anything, so it is shown only when asked for.
    io.err(formatError(appError('internal'), lang));
    if (io.env.WXTOKEN_DEBUG) io.err(`${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT_FAILURE;
  } finally {
    await ctx.close().catch(() => undefined);
  }
}

async function dispatch(ctx: Context, argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const { io, lang } = ctx;
  if (first === undefined) {
    io.err(globalHelp(lang));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.out(globalHelp(lang));
    return EXIT_OK;
  }
  if (first === 'help') return dispatch(ctx, [...rest, '--help']);
  if (first === '--version' || first === '-V') {
    io.out(`${version}\n`);
    return EXIT_OK;
  }
  let spec: CommandSpec | undefined;
  let args = rest;
  if (groups.includes(first)) {
    const [sub, ...subArgs] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      (sub === undefined ? io.err : io.out)(groupHelp(first, lang));
      return sub === undefined ? EXIT_USAGE : EXIT_OK;
    }
    spec = commands.find((c) => c.name === `${first} ${sub}`);
    if (!spec) throw new UsageFailure(L(`没有这个 ${first} 子命令："${sub}"`, `unknown ${first} subcommand "${sub}"`), undefined, first);
    args = subArgs;
  } else {
    spec = commands.find((c) => c.name === first);
    if (!spec) {
      const what = first.startsWith('-') ? L(`未知选项 ${first}`, `unknown option ${first}`) : L(`没有这个命令："${first}"`, `unknown command "${first}"`);
      throw new UsageFailure(what);
    }
  }
  const outcome = parseCommand(spec, args);
  if (outcome.help) {
    io.out(commandHelp(spec, lang));
    return EXIT_OK;
  }
  return spec.run(ctx, outcome.parsed);
}

function usageText(failure: UsageFailure, lang: CliLang): string {
  const zh = lang === 'zh';
  const problem = `wxtoken: ${pick(lang, failure.text)}\n`;
  if (failure.spec) {
    const more = zh ? `（详见 wxtoken ${failure.spec.name} --help）` : `(see wxtoken ${failure.spec.name} --help)`;
    return `${problem}${zh ? '用法：' : 'usage: '}${failure.spec.usage}\n${more}\n`;
  }
  const group = failure.group;
  if (group) {
    const lines = commands.filter((c) => c.name.startsWith(`${group} `)).map((c) => `  ${c.usage}`);
    return `${problem}${zh ? '用法：' : 'usage:'}\n${lines.join('\n')}\n`;
  }
  return `${problem}${zh ? '用法：wxtoken <命令> [参数]（wxtoken --help 列出所有命令）' : 'usage: wxtoken <command> [arguments] (wxtoken --help lists them all)'}\n`;
}
