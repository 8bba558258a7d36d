/**
 * A core on a fresh data directory and a private keychain service, in front of a fresh simulator: what the
 * token engine's integration tests (and the benchmarks) run against. `close()` removes every trace.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../src/main/core/core';
import { startSimulator, type SimAccount, type Simulator } from '../simulator';

export const FAST_RETRY = { attempts: 3, baseDelayMs: 20, maxTotalMs: 2_000 };

export interface CoreEnv {
  home: string;
  service: string;
  sim: Simulator;
  core: Core;
  /** Opens another core on the same folder and keychain: a restart, or a second host. */
  reopen(options?: CoreOptions): Promise<Core>;
  /** Adds an account in the simulator and in the core, with its secret in the keychain. */
  addAccount(name: string, sim: Partial<SimAccount> & { kind?: SimAccount['kind'] }, mode?: 'stable' | 'classic'): Promise<SimAccount>;
  close(): Promise<void>;
}

let counter = 0;

/** A unique, valid AppID per call (`wx` + 16 hex digits). */
export function uniqueAppid(prefix: 'wx' | 'ww' = 'wx'): string {
  const hex = (Date.now().toString(16) + (counter++).toString(16).padStart(4, '0') + randomUUID().replace(/-/g, '')).slice(-16);
  return prefix + hex;
}

export async function makeCoreEnv(
  options: { expiresIn?: number; callerIp?: string; renewWindowSeconds?: number; core?: CoreOptions } = {},
): Promise<CoreEnv> {
  const home = await mkdtemp(join(tmpdir(), 'wxtoken-test-'));
  const service = `wxtoken-test-${randomUUID()}`;
  const sim = await startSimulator({ expiresIn: options.expiresIn, callerIp: options.callerIp, renewWindowSeconds: options.renewWindowSeconds });
  const cores: Core[] = [];
  const reopen = async (extra: CoreOptions = {}) => {
    const core = await openCore({ home, keychainService: service, retry: FAST_RETRY, timeoutMs: 2_000, ...options.core, ...extra });
    cores.push(core);
    return core;
  };
  const core = await reopen();
  return {
    home,
    service,
    sim,
    core,
    reopen,
    async addAccount(name, simAccount, mode = 'stable') {
      const account: SimAccount = {
        kind: 'oa',
        appid: uniqueAppid(simAccount.kind === 'wecom' ? 'ww' : 'wx'),
        secret: randomUUID().replace(/-/g, ''),
        ...simAccount,
      };
      sim.addAccount(account);
      const added = await core.api.addAccount({
        account: { name, appid: account.appid, kind: account.kind, mode, apiBase: sim.url },
        secret: account.secret,
      });
      if (!added.ok) throw new Error(`addAccount failed: ${added.error.message.en}`);
      return account;
    },
    async close() {
      for (const c of cores) await c.close();
      await sim.close();
      await deleteKeychainService(service);
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Removes every item a test stored under its private keychain service. */
export async function deleteKeychainService(service: string): Promise<void> {
  const imported = await import('keytar');
  // Under tsx's CommonJS build the functions sit on `default`; under vitest on the namespace.
  const keytar = ((imported as unknown as { default?: typeof imported }).default ?? imported) as typeof imported;
  const items = await keytar.findCredentials(service);
  for (const item of items) await keytar.deletePassword(service, item.account);
}

/** Resolves with the first event `match` accepts, or rejects after `ms`. */
export function nextEvent<T>(core: Core, match: (e: Parameters<Parameters<Core['onEvent']>[0]>[0]) => T | undefined, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('no matching event in time'));
    }, ms);
    const off = core.onEvent((event) => {
      const value = match(event);
      if (value !== undefined) {
        clearTimeout(timer);
        off();
        resolve(value);
      }
    });
  });
}

/** Waits until the wall clock passes `at` (for tests that need a token to reach its refresh point). */
export async function until(at: number): Promise<void> {
  const wait = at - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
