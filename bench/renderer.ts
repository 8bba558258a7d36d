/**
 * `npx tsx bench/renderer.ts [--smoke]`: the browser UI in Debian's Chromium against a real `wxtoken serve`
 * and the simulator. (a) 500 accounts in the sidebar: navigation start → app ready with the list rendered.
 * (b) a 5 MB JSON response in the console: response received → rendered. For each, the longest main-thread
 * task (a `longtask` PerformanceObserver installed before the app's scripts). Target: no task over 200 ms.
 * `--smoke`: 30 accounts and a 200 kB body, one round; it only checks that everything completes.
 * `--profile`: also prints the functions with the most self time (a CDP CPU profile) of the first round.
 * Needs a keychain: without the private test one it re-runs itself under scripts/with-keyring.mjs.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { openCore } from '../src/main/core/core';
import { launchChromium, openApp } from '../test/support/e2e/e2e-browser';
import { CpuProfile, type Hotspot } from '../test/support/e2e/e2e-profile';
import { rendererMissing, ROOT, startServeStack, uniqueAppid } from '../test/support/e2e/e2e-serve';
import { ConsolePage } from '../test/e2e/pages/console';
import { SidebarPage } from '../test/e2e/pages/sidebar';

const smoke = process.argv.includes('--smoke');
const profiling = process.argv.includes('--profile');
const ACCOUNTS = smoke ? 30 : 500;
const BODY_BYTES = smoke ? 200_000 : 5_000_000;
const ROUNDS = smoke ? 1 : 5;
const LONG_TASK_TARGET_MS = 200;

/** Installed before the app's own scripts: every long task from navigation start on. */
const LONG_TASKS = `
  window.__longTasks = [];
  // 500 accounts mean 500 status calls on load: keep every resource timing, not the default 250.
  performance.setResourceTimingBufferSize(100000);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;
type LongTask = { start: number; duration: number };
declare global {
  interface Window {
    __longTasks: LongTask[];
  }
}

interface Sample {
  ms: number;
  longest: number;
  tasks: number;
}

function printHotspots(what: string, spots: Hotspot[]): void {
  console.log(`\nCPU self time, ${what}:`);
  for (const s of spots) console.log(`  ${s.selfMs.toFixed(0).padStart(6)} ms  ${s.fn}  ${s.where}`);
}

async function listLoad(browser: Browser, url: string, profile: boolean): Promise<Sample> {
  let cpu: CpuProfile | undefined;
  const app = await openApp(browser, url, {
    locale: 'en-US',
    initScripts: [LONG_TASKS],
    beforeGoto: async (page) => void (profile && (cpu = await CpuProfile.start(page))),
  });
  try {
    const at = await app.page.waitForFunction(
      (n) => document.documentElement.dataset.ready === 'true' && document.querySelectorAll('[role="option"]').length >= n && performance.now(),
      ACCOUNTS,
      { polling: 'raf', timeout: 60_000 },
    );
    const ms = (await at.jsonValue()) as number;
    if (cpu) printHotspots(`${ACCOUNTS} accounts, navigation → list rendered`, await cpu.stop());
    return { ms, ...longest(await app.page.evaluate((until) => window.__longTasks.filter((t) => t.start <= until), ms)) };
  } finally {
    await app.close();
  }
}

async function bigResponse(browser: Browser, url: string, profile: boolean): Promise<Sample & { sendToRendered: number }> {
  const app = await openApp(browser, url, { locale: 'en-US', initScripts: [LONG_TASKS] });
  try {
    const { page } = app;
    await new SidebarPage(page, 'en').select('acct-000');
    const c = new ConsolePage(page, 'en');
    await c.path.fill('/cgi-bin/sim/large_json');
    await c.section.getByRole('button', { name: 'Add parameter', exact: true }).click();
    await c.section.getByRole('textbox', { name: 'Parameter 1 name', exact: true }).fill('bytes');
    await c.queryValue(1).fill(String(BODY_BYTES));
    const sentAt = await page.evaluate(() => {
      window.__longTasks.length = 0;
      return performance.now();
    });
    const cpu = profile ? await CpuProfile.start(page) : undefined;
    await c.sendButton.click();
    const done = await page.waitForFunction(
      () => {
        const tree = document.querySelector('.response .json-tree');
        return tree !== null && tree.textContent!.length > 0 && performance.now();
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const renderedAt = (await done.jsonValue()) as number;
    if (cpu) printHotspots(`${BODY_BYTES.toLocaleString('en')}-byte response, Send → tree rendered`, await cpu.stop());
    const receivedAt = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return entries.filter((e) => e.name.endsWith('/api/sendRequest')).at(-1)?.responseEnd ?? Number.NaN;
    });
    const tasks = await page.evaluate((from) => window.__longTasks.filter((t) => t.start + t.duration >= from), receivedAt);
    return { ms: renderedAt - receivedAt, sendToRendered: renderedAt - sentAt, ...longest(tasks) };
  } finally {
    await app.close();
  }
}

function longest(tasks: LongTask[]): { longest: number; tasks: number } {
  return { longest: Math.max(0, ...tasks.map((t) => t.duration)), tasks: tasks.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => ms.toFixed(0);

async function main(): Promise<void> {
  const missing = rendererMissing();
  if (missing) throw new Error(missing);
  const stack = await startServeStack({
    async beforeServe({ home, service, sim }) {
      const started = Date.now();
      const core = await openCore({ home, keychainService: service });
      for (let i = 0; i < ACCOUNTS; i++) {
        const account = { appid: uniqueAppid(), secret: `bench${i.toString().padStart(27, '0')}`, kind: 'oa' as const };
        sim.addAccount(account);
        const added = await core.api.addAccount({
          account: { name: `acct-${i.toString().padStart(3, '0')}`, appid: account.appid, kind: 'oa', apiBase: sim.url, note: i % 3 ? undefined : `note ${i}` },
          secret: account.secret,
        });
        if (!added.ok) throw new Error(`adding account ${i}: ${added.error.message.en}`);
      }
      await core.close();
      console.log(`seeded ${ACCOUNTS} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  });
  const browser = await launchChromium();
  try {
    const lists: Sample[] = [];
    const bodies: (Sample & { sendToRendered: number })[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      lists.push(await listLoad(browser, stack.url, profiling && round === 0));
      bodies.push(await bigResponse(browser, stack.url, profiling && round === 0));
    }
    const worst = Math.max(...lists.map((s) => s.longest), ...bodies.map((s) => s.longest));
    console.log(`\nrenderer bench${smoke ? ' (smoke)' : ''}: ${ACCOUNTS} accounts, ${BODY_BYTES.toLocaleString('en')}-byte JSON, ${ROUNDS} round(s), medians; longest task = worst round`);
    console.log('| measurement | median ms | longest task ms | long tasks (median) |');
    console.log('|---|---:|---:|---:|');
    console.log(`| ${ACCOUNTS} accounts: navigation start → ready, list rendered | ${fmt(median(lists.map((s) => s.ms)))} | ${fmt(Math.max(...lists.map((s) => s.longest)))} | ${median(lists.map((s) => s.tasks))} |`);
    console.log(`| ${(BODY_BYTES / 1e6).toFixed(1)} MB JSON: response received → tree rendered | ${fmt(median(bodies.map((s) => s.ms)))} | ${fmt(Math.max(...bodies.map((s) => s.longest)))} | ${median(bodies.map((s) => s.tasks))} |`);
    console.log(`| ${(BODY_BYTES / 1e6).toFixed(1)} MB JSON: Send clicked → tree rendered | ${fmt(median(bodies.map((s) => s.sendToRendered)))} | | |`);
    if (!smoke) console.log(worst > LONG_TASK_TARGET_MS ? `\nover target: a task took ${fmt(worst)} ms (target ≤ ${LONG_TASK_TARGET_MS})` : `\nwithin target: no task over ${LONG_TASK_TARGET_MS} ms`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

if (process.env.WXTOKEN_TEST_KEYRING !== '1') {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(process.execPath, [join(ROOT, 'scripts/with-keyring.mjs'), process.execPath, '--import', tsx, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
