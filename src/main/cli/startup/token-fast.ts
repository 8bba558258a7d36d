/**
 * `wxtoken token NAME`, the call scripts make in `$(…)` over and over, answered without loading the command
 * table or the contract's schemas (a third of the CLI's start-up): the same core call `token` makes, with the
 * same output, errors and exit codes. Only that exact form, with a name already as the schema would leave it;
 * any other form (options, help, a name to trim or reject) goes through `main`.
 */
import { ACCOUNT_NAME_MAX, ACCOUNT_NAME_PATTERN } from '../../../shared/models';
import type { KeychainLink } from '../../core/keychain/keychain-link';
import { exitCodeFor, EXIT_FAILURE } from '../exit-codes';
import { cliLanguage, savedLanguage } from '../lang';
import { coreOpener, reportProblems } from './open-core';

export async function tokenOrMain(argv: string[], keychain?: KeychainLink): Promise<number> {
  const [command, name, ...rest] = argv;
  if (command === 'token' && rest.length === 0 && name !== undefined && name.length <= ACCOUNT_NAME_MAX && ACCOUNT_NAME_PATTERN.test(name)) {
    return plainToken(name, keychain);
  }
  const { main } = await import('../main');
  return main(argv, keychain);
}

async function plainToken(name: string, keychain?: KeychainLink): Promise<number> {
  const lang = cliLanguage(process.env, savedLanguage(process.env));
  const err = (text: string) => void process.stderr.write(text);
  const core = await coreOpener(keychain)({ autoRefresh: false }).catch(() => undefined);
  try {
    if (core) {
      reportProblems(core, lang, err);
      const result = await core.terminalApi.revealToken({ name }).catch(() => undefined);
      if (result?.ok) {
        process.stdout.write(`${result.value.accessToken}\n`);
        return 0;
      }
      if (result) {
        const { formatError } = await import('../output/report');
        err(formatError(result.error, lang));
        return exitCodeFor(result.error);
      }
    }
    // A bug, as `main` reports one: its text may hold anything, so only the generic message.
    const [{ formatError }, { appError }] = await Promise.all([import('../output/report'), import('../../../shared/errors/errors')]);
    err(formatError(appError('internal'), lang));
    return EXIT_FAILURE;
  } finally {
    await core?.close().catch(() => undefined);
    keychain?.release();
  }
}
