/**
 * A data folder with one account whose token is already cached, driven through the built CLI
 * (`bin/wxtoken.cjs`, i.e. what users run): the simulator on 127.0.0.1 plays WeChat for the one fetch.
 * Needs a keychain: run under `scripts/with-keyring.mjs` (`npm run bench` does).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNT, startSimulator } from '../../test/simulator';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'wxtoken.cjs');
export const ACCOUNT = 'bench';

export interface WxtokenHome {
  env: Record<string, string>;
  /** Runs the built CLI to completion with the same Node as this process. */
  cli(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

/** `share`: the account shares its token through this Redis (saved as the connection `team`), as a team member's would. */
export async function wxtokenHome(options: { share?: { url: string; password: string } } = {}): Promise<WxtokenHome> {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('the CLI is not built: run `npm run build` first');
  if (!process.env.WXTOKEN_TEST_KEYRING) throw new Error('no private keychain: run through `npm run bench` (scripts/with-keyring.mjs)');
  const sim = await startSimulator({ expiresIn: 7200 });
  sim.addAccount(DEMO_ACCOUNT);
  const home = await mkdtemp(join(tmpdir(), 'wxtoken-bench-'));
  const env = { WXTOKEN_HOME: home, WXTOKEN_KEYCHAIN_SERVICE: `wxtoken-bench-${randomUUID()}`, WXTOKEN_LANG: 'en' };
  const cli: WxtokenHome['cli'] = (args, input = '') =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  const must = async (args: string[], input?: string) => {
    const run = await cli(args, input);
    if (run.code !== 0) throw new Error(`wxtoken ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
    return run;
  };
  if (options.share) await must(['redis', 'add', 'team', '--url', options.share.url], `${options.share.password}\n`);
  const share = options.share ? ['--share', 'team'] : [];
  // The demo secret is simulator test data; it goes through stdin all the same.
  await must(['account', 'add', ACCOUNT, '--appid', DEMO_ACCOUNT.appid, '--kind', DEMO_ACCOUNT.kind, '--api-base', sim.url, ...share], DEMO_ACCOUNT.secret);
  await must(['token', ACCOUNT]);
  return {
    env,
    cli,
    async close() {
      await cli(['account', 'remove', ACCOUNT, '--yes']).catch(() => undefined);
      await sim.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
