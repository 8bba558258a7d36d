/**
 * Runs keychain calls in their own process (a hung keytar call holds a thread that could keep a test
 * runner from exiting) and prints what happened as JSON, then kills itself: a normal exit would wait
 * for a call that is still hanging.
 */
import { KeytarSecretStore } from '../../../src/main/core/keychain/secret-store';
import { AppFailure } from '../../../src/shared/result';

const store = new KeytarSecretStore({ service: process.env.KC_SERVICE, timeoutMs: Number(process.env.KC_TIMEOUT ?? 1000) });
const secret = process.env.KC_SECRET ?? 'never-shown-secret';

async function attempt(fn: () => Promise<unknown>) {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof AppFailure) return { ok: false, code: err.error.code, message: err.error.message, text: String(err) };
    return { ok: false, code: 'thrown', text: String(err) };
  }
}

async function main(): Promise<void> {
  const results = [
    await attempt(() => store.set('appsecret:demo', secret)),
    await attempt(() => store.get('appsecret:demo')),
    await attempt(() => store.delete('appsecret:demo')),
  ];
  process.stdout.write(`${JSON.stringify(results)}\n`, () => process.kill(process.pid, 'SIGKILL'));
}

void main();
