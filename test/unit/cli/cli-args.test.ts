import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/main/cli/args';
import { accountEdit } from '../../../src/main/cli/commands/account/edit';
import { callCommand } from '../../../src/main/cli/commands/call';
import { tokenCommand } from '../../../src/main/cli/commands/token';
import { UsageFailure } from '../../../src/main/cli/spec';

function usageError(fn: () => unknown): UsageFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageFailure) return err;
    throw err;
  }
  throw new Error('expected a usage error');
}

describe('CLI argument parsing', () => {
  it('maps positionals and options by name', () => {
    const out = parseCommand(callCommand, ['prod', 'post', '/cgi-bin/x', '--query', 'a=1', '--query', 'b=2', '--data', '{}']);
    expect(out).toEqual({
      help: false,
      parsed: { args: { NAME: 'prod', METHOD: 'post', PATH: '/cgi-bin/x' }, values: { query: ['a=1', 'b=2'], data: '{}' } },
    });
  });

  it('answers --help and -h before checking anything else', () => {
    expect(parseCommand(tokenCommand, ['--help']).help).toBe(true);
    expect(parseCommand(callCommand, ['-h', 'only-one-arg']).help).toBe(true);
  });

  it('names the unknown option, the missing argument and the extra one', () => {
    const unknown = usageError(() => parseCommand(tokenCommand, ['prod', '--bogus']));
    expect(unknown.text.en).toBe('unknown option --bogus');
    expect(unknown.spec).toBe(tokenCommand);
    expect(usageError(() => parseCommand(tokenCommand, [])).text.en).toBe('missing NAME');
    expect(usageError(() => parseCommand(tokenCommand, ['a', 'b'])).text.en).toBe('unexpected argument "b"');
    expect(usageError(() => parseCommand(tokenCommand, ['a', '--json=yes'])).text.en).toBe('option --json does not take a value');
    expect(usageError(() => parseCommand(accountEdit, ['a', '--appid'])).text.en).toBe('option --appid needs a value');
  });

  it('has no --secret option anywhere: a secret is never an argument', async () => {
    const { commands } = await import('../../../src/main/cli/commands/index');
    for (const spec of commands) {
      expect(Object.keys(spec.options).filter((o) => /secret/i.test(o))).toEqual([]);
      expect(() => parseCommand(spec, ['x', '--secret', 'abc'])).toThrow(UsageFailure);
    }
  });
});
