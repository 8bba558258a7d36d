/**
 * V8's code cache for the CLI's own modules, kept in the data folder: compiling them is a tenth of a
 * `wxtoken token NAME` run, and scripts run that in loops. Only in a data folder no one else can write to
 * (cached code is code this process runs); a NODE_COMPILE_CACHE the user set wins.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { privateDataHome } from '../../core/storage/data-home';

export function useCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_COMPILE_CACHE !== undefined || typeof enableCompileCache !== 'function') return;
  const home = privateDataHome(env);
  if (!home) return;
  try {
    enableCompileCache(join(home, 'compile-cache'));
  } catch {
    // Only ever a speed-up.
  }
}
