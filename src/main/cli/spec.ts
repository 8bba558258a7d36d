/** What a command declares: its usage line, its options (with help text) and its positional arguments. */
import type { Localized } from '../../shared/result';
import type { Context } from './context';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in help, e.g. `URL`. */
  arg?: string;
  help: Localized;
  /** What shell completion offers for the value. */
  values?: ValueHint;
}

/** What the shell may offer for a value: fixed words, the saved account or Redis names, or files. */
export type ValueHint = readonly string[] | 'account' | 'redis' | 'file';

export interface ParsedArgs {
  /** Positional arguments by their declared names (optional ones may be missing). */
  args: Record<string, string | undefined>;
  values: Record<string, string | boolean | string[] | undefined>;
}

export interface CommandSpec {
  /** The words that select it, e.g. `account add`. */
  name: string;
  usage: string;
  summary: Localized;
  /** Declared names; a trailing `?` marks an optional one. */
  positionals: string[];
  options: Record<string, OptionSpec>;
  /** What shell completion offers for each positional, by its declared name. */
  complete?: Record<string, ValueHint>;
  /** Left out of help and completion (plumbing for the completion scripts). */
  hidden?: boolean;
  run(ctx: Context, parsed: ParsedArgs): Promise<number>;
}

/** A mistake in how the command was typed: shown with the usage line, exit 2. */
export class UsageFailure extends Error {
  constructor(
    readonly text: Localized,
    readonly spec?: CommandSpec,
    /** A command group (`account`) whose usage lines to show when there is no single command. */
    readonly group?: string,
  ) {
    super(text.en);
    this.name = 'UsageFailure';
  }
}

export function stringValue(parsed: ParsedArgs, key: string): string | undefined {
  const v = parsed.values[key];
  return typeof v === 'string' ? v : undefined;
}

export function flag(parsed: ParsedArgs, key: string): boolean {
  return parsed.values[key] === true;
}

export function listValue(parsed: ParsedArgs, key: string): string[] {
  const v = parsed.values[key];
  return Array.isArray(v) ? v : [];
}

/** The positional that the spec declares as required (parse has already checked it is there). */
export function arg(parsed: ParsedArgs, name: string): string {
  const v = parsed.args[name];
  if (v === undefined) throw new Error(`positional ${name} was not parsed`);
  return v;
}
