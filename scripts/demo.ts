/**
 * `npm run demo [-- --port N]`: the whole app in a browser with no WeChat account and no Electron binary.
 * Starts the WeChat simulator with two ready accounts, then the CLI's own `wxtoken serve` on a throwaway
 * data folder and keychain service, and prints the URL to open. Ctrl+C removes the folder and the
 * keychain items. Where no keychain answers, it re-runs itself inside a private D-Bus session with an
 * unlocked gnome-keyring (scripts/with-keyring.mjs), as the tests do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore, type Core, type CoreOptions } from '../src/main/core/core';
import { KeytarSecretStore } from '../src/main/core/keychain/secret-store';
import { nodeIo } from '../src/main/cli/io';
import { run } from '../src/main/cli/main';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../test/simulator';

const ROOT = resolve(__dirname, '..');
const REEXEC_FLAG = 'WXTOKEN_DEMO_IN_KEYRING';
const say = (line = '') => console.log(line);

/** The Secret Service answers a harmless call within a couple of seconds. */
async function keychainAnswers(): Promise<boolean> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  try {
    await new KeytarSecretStore({ service: 'wxtoken-demo-probe', timeoutMs: 2000 }).list();
    return true;
  } catch {
    return false;
  }
}

function rerunWithPrivateKeyring(): never | Promise<never> {
  say('没有可用的系统钥匙串：在私有的 D-Bus 会话和临时 gnome-keyring 中重新启动演示…');
  say('No keychain answers here: restarting the demo inside a private D-Bus session with a throwaway gnome-keyring…');
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts/with-keyring.mjs'), process.execPath, '--import', tsx, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, [REEXEC_FLAG]: '1' } },
  );
  // The child cleans up and then ends; this process only passes the signal on and waits for it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise(() => child.on('exit', (code) => process.exit(code ?? 1)));
}

function ensureRendererBuilt(): void {
  if (existsSync(join(ROOT, 'out/renderer/index.html'))) return;
  say('界面尚未构建，正在运行 electron-vite build… / The UI is not built yet: running electron-vite build…');
  const built = spawnSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('electron-vite build failed / 构建失败');
}

/**
 * One account of each kind, so every catalogued endpoint can be tried: the simulator's ready-made Official
 * Account, and a Mini Program and a WeCom app made up here.
 */
async function addDemoAccounts(core: Core, sim: Simulator): Promise<void> {
  const mp = { appid: `wx${randomBytes(8).toString('hex')}`, secret: randomBytes(16).toString('hex'), kind: 'mp' as const };
  const wecom = { appid: `ww${randomBytes(8).toString('hex')}`, secret: randomBytes(21).toString('base64url'), kind: 'wecom' as const };
  for (const a of [DEMO_ACCOUNT, mp, wecom]) sim.addAccount(a);
  const note = '演示：模拟器应答 / demo: answered by the simulator';
  const accounts = [
    { account: { name: 'demo', appid: DEMO_ACCOUNT.appid, kind: 'oa' as const, mode: 'stable' as const, apiBase: sim.url, note }, secret: DEMO_ACCOUNT.secret },
    { account: { name: 'demo-mini', appid: mp.appid, kind: 'mp' as const, mode: 'classic' as const, apiBase: sim.url, note }, secret: mp.secret },
    { account: { name: 'demo-wecom', appid: wecom.appid, kind: 'wecom' as const, apiBase: sim.url, note }, secret: wecom.secret },
  ];
  for (const input of accounts) {
    const added = await core.api.addAccount(input);
    if (!added.ok) throw new Error(`${input.account.name}: ${added.error.message.zh} / ${added.error.message.en}`);
  }
}

/** A value for a POSIX shell (and fish): single-quoted, any `'` closed, escaped and reopened. */
const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The one line that lets a CLI in another terminal use the demo's data folder and keychain. On Linux the
 * keychain is the Secret Service on a D-Bus session (the private one when the demo made its own), and
 * without its address the CLI cannot reach it.
 */
function cliEnvLine(home: string, service: string, env: NodeJS.ProcessEnv = process.env): string {
  const vars: [string, string | undefined][] = [
    ['WXTOKEN_HOME', home],
    ['WXTOKEN_KEYCHAIN_SERVICE', service],
    ['DBUS_SESSION_BUS_ADDRESS', env.DBUS_SESSION_BUS_ADDRESS],
  ];
  return `export ${vars.filter(([, v]) => v).map(([k, v]) => `${k}=${shellQuote(v!)}`).join(' ')}`;
}

function banner(sim: Simulator, home: string, service: string, url: string): void {
  say();
  say('══ wxtoken 演示 / demo ══');
  say(`⚠ 应答的是本机的微信模拟服务器，不是微信 / Answered by a local WeChat SIMULATOR, not WeChat: ${sim.url}`);
  say('  账号 / Accounts: demo（公众号 / Official Account, stable_token）, demo-mini（小程序 / Mini Program, classic）, demo-wecom（企业微信 / WeCom）');
  say(`  临时数据目录 / Throwaway data folder: ${home}`);
  say(`  临时钥匙串服务 / Throwaway keychain service: ${service}`);
  say();
  say('在浏览器中打开 / Open in your browser:');
  say(`  ${url}`);
  say();
  say('在另一个终端使用 CLI：先粘贴这一行 / To use the CLI from another terminal, paste this line first:');
  say(`  ${cliEnvLine(home, service)}`);
  say('  然后（在本目录）/ then, in this folder:  npx wxtoken token demo');
  say();
  say('按 Ctrl+C 停止并清理 / Press Ctrl+C to stop and clean up');
}

async function cleanUp(sim: Simulator | undefined, home: string, service: string): Promise<void> {
  await sim?.close().catch(() => undefined);
  await rm(home, { recursive: true, force: true });
  const store = new KeytarSecretStore({ service, timeoutMs: 5000 });
  try {
    const items = await store.list();
    for (const item of items) await store.delete(item);
    say(`已清理：临时数据目录和 ${items.length} 个钥匙串项目 / Cleaned up: the data folder and ${items.length} keychain item(s)`);
  } catch {
    // Under with-keyring the whole private keyring is deleted with its session anyway.
    say(`已删除临时数据目录；钥匙串已关闭，无法删除服务 ${service} 下的项目 / Data folder removed; the keychain is gone, so items under ${service} could not be removed`);
  }
}

async function main(): Promise<number> {
  // Checked before anything (temp folder, keychain items) exists, so a bad value leaves nothing behind.
  const port = portArgument();
  if (port === undefined) return 2;
  if (!(await keychainAnswers())) {
    if (process.env[REEXEC_FLAG]) throw new Error('the private keyring does not answer either / 私有钥匙串也没有响应');
    return rerunWithPrivateKeyring();
  }
  ensureRendererBuilt();

  const home = await mkdtemp(join(tmpdir(), 'wxtoken-demo-'));
  const service = `wxtoken-demo-${randomBytes(6).toString('hex')}`;
  let sim: Simulator | undefined;
  // Ctrl+C arrives more than once (from the terminal and from each wrapper): those must not cut the
  // clean-up short. Only a Ctrl+C pressed again later quits at once.
  let firstInterrupt = 0;
  process.on('SIGINT', () => {
    if (!firstInterrupt) firstInterrupt = Date.now();
    else if (Date.now() - firstInterrupt > 2000) process.exit(130);
  });
  try {
    sim = await startSimulator();
    const setup = await openCore({ home, keychainService: service });
    await addDemoAccounts(setup, sim);
    await setup.close();

    const io = nodeIo();
    const simulator = sim;
    // The CLI's own serve command, unchanged: only its data folder, keychain and first stdout line are ours.
    return await run(['serve', '--port', String(port)], {
      ...io,
      env: { ...io.env, WXTOKEN_HOME: home, WXTOKEN_KEYCHAIN_SERVICE: service },
      out: (text) => {
        const url = /http:\/\/127\.0\.0\.1:\d+\/#key=\S+/.exec(text)?.[0];
        if (url) banner(simulator, home, service, url);
        else io.out(text);
      },
    }, (options: CoreOptions) => openCore({ ...options, home, keychainService: service }));
  } finally {
    await cleanUp(sim, home, service);
  }
}

function portArgument(): number | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf('--port');
  const value = at >= 0 ? Number(args[at + 1]) : 0;
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error('--port 需要 0 到 65535 的整数 / --port takes a whole number from 0 to 65535');
    return undefined;
  }
  return value;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`演示无法启动 / The demo could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
