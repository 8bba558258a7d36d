/** What every command gets: the terminal, the language, and the core (opened on first use, closed by main). */
import { parseInput, type MethodInput, type MethodName, type MethodOutput, type ValidInput } from '../../shared/contract';
import { AppFailure, type Localized, type Result } from '../../shared/result';
import type { Core } from '../core/core';
import type { CliIo } from './io';
import { pick, type CliLang } from './lang';
import { reportProblems, type OpenCore } from './startup/open-core';

export type { OpenCore } from './startup/open-core';
export type CoreMethod = Exclude<MethodName, 'appInfo' | 'copyToken' | 'serverStatus'>;

export class Context {
  private opened?: Promise<Core>;

  constructor(
    readonly io: CliIo,
    readonly lang: CliLang,
    private readonly openCore: OpenCore,
  ) {}

  t(text: Localized): string {
    return pick(this.lang, text);
  }

  /** A line on stdout. */
  say(text: Localized | string): void {
    this.io.out(`${typeof text === 'string' ? text : this.t(text)}\n`);
  }

  /** A line on stderr: warnings, progress, confirmations. */
  note(text: Localized | string): void {
    this.io.err(`${typeof text === 'string' ? text : this.t(text)}\n`);
  }

  /** The core, opened once; `autoRefresh` only for long-lived hosts (serve). Its start-up problems go to stderr. */
  core(autoRefresh = false): Promise<Core> {
    this.opened ??= this.openCore({ autoRefresh }).then((core) => {
      reportProblems(core, this.lang, this.io.err);
      return core;
    });
    return this.opened;
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }

  /** Validates the input as every host does, calls the core, and unwinds an expected failure to main. */
  async call<N extends CoreMethod>(name: N, input: MethodInput<N>): Promise<MethodOutput<N>> {
    const parsed = parseInput(name, input);
    if (!parsed.ok) throw new AppFailure(parsed.error);
    const core = await this.core();
    // The user at a terminal may move an account's secret elsewhere (see Core.terminalApi).
    const method = core.terminalApi[name] as unknown as (input: ValidInput<N>) => Promise<Result<MethodOutput<N>>>;
    const result = await method(parsed.value);
    if (!result.ok) throw new AppFailure(result.error);
    return result.value;
  }
}
