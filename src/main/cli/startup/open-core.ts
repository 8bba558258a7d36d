/** How every CLI run opens the core: its keychain calls go to a child process, so a hung keychain cannot hang it. */
import type { Core, CoreOptions } from '../../core/core';
import type { KeychainLink } from '../../core/keychain/keychain-link';
import { pick, type CliLang } from '../lang';

export type OpenCore = (options: CoreOptions) => Promise<Core>;

/** `keychain`: the line launch.ts opened before the CLI loaded, if it did. The core (and keytar under it) loads on first use. */
export function coreOpener(keychain?: KeychainLink): OpenCore {
  return async (options) => {
    const [{ openCore }, { IsolatedSecretStore }, { keychainWorkerPath }] = await Promise.all([
      import('../../core/core'),
      import('../../core/keychain/isolated-secret-store'),
      import('../launch'),
    ]);
    const secrets = new IsolatedSecretStore({ workerPath: keychainWorkerPath(), started: keychain });
    // Only `serve` lives long enough for in-memory copies of the files to pay for their watch.
    return openCore({ watchFiles: options.autoRefresh === true, ...options, secrets });
  };
}

/** The core's start-up problems now, and a corrupt file a store finds later in the command, as `wxtoken: …` lines. */
export function reportProblems(core: Core, lang: CliLang, err: (text: string) => void): void {
  const tell = (problem: { message: { zh: string; en: string } }) => err(`wxtoken: ${pick(lang, problem.message)}\n`);
  core.problems().forEach(tell);
  core.onEvent((event) => event.name === 'storageProblem' && tell(event.payload));
}
