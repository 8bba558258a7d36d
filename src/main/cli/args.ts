/** Turns argv into a command's arguments with node:util parseArgs; every mistake becomes a UsageFailure. */
import { parseArgs } from 'node:util';
import { L } from './lang';
import { UsageFailure, type CommandSpec, type ParsedArgs } from './spec';

export type ParseOutcome = { help: true } | { help: false; parsed: ParsedArgs };

export function parseCommand(spec: CommandSpec, argv: string[]): ParseOutcome {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [key, o] of Object.entries(spec.options)) {
    options[key] = { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
  }
  let result: ReturnType<typeof parseArgs>;
  try {
    result = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageFailure(describeParseError(err as Error & { code?: string }), spec);
  }
  if (result.values.help === true) return { help: true };

  const names = spec.positionals;
  const given = result.positionals;
  if (given.length > names.length) {
    const extra = given[names.length];
    throw new UsageFailure(L(`多余的参数 "${extra}"`, `unexpected argument "${extra}"`), spec);
  }
  const args: ParsedArgs['args'] = {};
  names.forEach((declared, i) => {
    const name = declared.replace(/\?$/, '');
    if (given[i] === undefined && !declared.endsWith('?')) throw new UsageFailure(L(`缺少 ${name}`, `missing ${name}`), spec);
    args[name] = given[i];
  });
  const { help: _help, ...values } = result.values;
  return { help: false, parsed: { args, values: values as ParsedArgs['values'] } };
}

function describeParseError(err: Error & { code?: string }) {
  const option = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return L(`未知选项 ${option}`, `unknown option ${option}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(err.message)
        ? L(`选项 ${option} 不接受值`, `option ${option} does not take a value`)
        : L(`选项 ${option} 需要一个值`, `option ${option} needs a value`);
    default:
      return L(`参数有误：${err.message}`, `bad arguments: ${err.message}`);
  }
}
