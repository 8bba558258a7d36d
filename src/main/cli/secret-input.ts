/** Reads an AppSecret: all of stdin when it is piped, else a no-echo prompt. Never from an argument. */
import { appError } from '../../shared/errors/errors';
import { AppFailure } from '../../shared/result';
import type { Context } from './context';
import { L } from './lang';
import { UsageFailure, type CommandSpec } from './spec';

export async function readSecret(ctx: Context, spec: CommandSpec, account: string): Promise<string> {
  let secret: string | undefined;
  if (ctx.io.stdinIsTTY) {
    secret = await ctx.io.promptHidden(ctx.t(L(`${account} 的 AppSecret（输入时不显示）：`, `AppSecret for ${account} (not shown as you type): `)));
    if (secret === undefined) throw new AppFailure(appError('cancelled'));
  } else {
    secret = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  }
  if (!secret) {
    throw new UsageFailure(
      L('AppSecret 为空：请通过标准输入传入（如 `wxtoken account add … < secret.txt`），或在终端提示时输入', 'the AppSecret is empty: pipe it on stdin (e.g. `wxtoken account add … < secret.txt`) or type it at the prompt'),
      spec,
    );
  }
  return secret;
}

/** Asks yes/no on the terminal; anything but yes is no. */
export async function confirm(ctx: Context, question: string): Promise<boolean> {
  const answer = await ctx.io.promptLine(`${question} ${ctx.t(L('[y/N]', '[y/N]'))} `);
  return answer !== undefined && /^\s*(y|yes|是|好)\s*$/i.test(answer);
}
