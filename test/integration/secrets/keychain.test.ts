import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../src/main/core/keychain/secret-store';
import { deleteService, hasTestKeyring, startHungDbus, uniqueService, type HungDbus } from '../../support/keychain/keychain';

const services: string[] = [];
let hung: HungDbus | undefined;
afterEach(async () => {
  if (hasTestKeyring()) for (const s of services.splice(0)) await deleteService(s);
  await hung?.close();
  hung = undefined;
});

function store(): KeytarSecretStore {
  const service = uniqueService('kc');
  services.push(service);
  return new KeytarSecretStore({ service });
}

interface Outcome {
  ok: boolean;
  code?: string;
  text?: string;
  message?: { zh: string; en: string };
}

/** Runs set/get/delete in a child process against another bus; the child is killed if it outlives `boundMs`. */
function inChild(busAddress: string, secret: string, boundMs: number): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/keychain/keychain-child.ts'], {
      cwd: join(__dirname, '..', '..', '..'),
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: busAddress, KC_SERVICE: uniqueService('child'), KC_TIMEOUT: '1500', KC_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    let timedOut = false;
    const guard = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, boundMs);
    proc.on('exit', (code) => {
      clearTimeout(guard);
      // The child may end by SIGKILL on purpose (a keychain call still hanging): judge its output.
      if (timedOut) reject(new Error(`keychain calls hung past ${boundMs} ms`));
      else if (!out.trim()) reject(new Error(`child said nothing (exit ${code}): ${err}`));
      else resolve(JSON.parse(out));
    });
  });
}

const SECRET = 'S3cr3t-value-that-must-not-leak';

function expectUnavailable(outcomes: Outcome[]) {
  expect(outcomes.map((o) => o.code)).toEqual(['keychain_unavailable', 'keychain_unavailable', 'keychain_unavailable']);
  for (const o of outcomes) {
    expect(JSON.stringify(o)).not.toContain(SECRET);
    expect(o.message?.zh).toContain('钥匙串');
  }
}

describe('KeytarSecretStore', () => {
  it.skipIf(!hasTestKeyring())('stores, reads, lists and deletes secrets in the real keychain', async () => {
    const secrets = store();
    expect(await secrets.get('appsecret:prod')).toBeUndefined();
    await secrets.set('appsecret:prod', 'abc123');
    await secrets.set('appsecret:测试', '密钥-✓');
    expect(await secrets.get('appsecret:prod')).toBe('abc123');
    expect(await secrets.get('appsecret:测试')).toBe('密钥-✓');
    expect(await secrets.list()).toEqual(['appsecret:prod', 'appsecret:测试'].sort());
    await secrets.set('appsecret:prod', 'changed');
    expect(await secrets.get('appsecret:prod')).toBe('changed');
    expect(await secrets.delete('appsecret:prod')).toBe(true);
    expect(await secrets.delete('appsecret:prod')).toBe(false);
    expect(await secrets.get('appsecret:prod')).toBeUndefined();
  });

  it.skipIf(!hasTestKeyring())('keeps services apart', async () => {
    const a = store();
    const b = store();
    await a.set('item', 'from-a');
    expect(await b.get('item')).toBeUndefined();
    expect(await b.list()).toEqual([]);
  });

  it('fails with keychain_unavailable, not a hang, when the session bus is not there', async () => {
    expectUnavailable(await inChild('unix:path=/nonexistent/wxtoken-no-bus', SECRET, 20_000));
  }, 30_000);

  it('fails with keychain_unavailable within the bound when the keychain never answers', async () => {
    hung = await startHungDbus();
    const outcomes = await inChild(hung.address, SECRET, 20_000);
    expectUnavailable(outcomes);
    expect(outcomes[0].message?.en).toMatch(/no answer within 1500 ms/);
  }, 30_000);
});
