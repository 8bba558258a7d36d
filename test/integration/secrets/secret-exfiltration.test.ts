/**
 * An attacker on this machine tries to get an account's AppSecret sent to a server of their own: first
 * with only what the data folder holds (the way a script is told to find the server), then with the UI
 * key itself. The secret may only travel to a new place together with the secret, typed in again.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../support/http/capture-server';
import { rendererMissing, startServeStack, type ServeStack } from '../../support/e2e/e2e-serve';

let stack: ServeStack;
let capture: CaptureServer;
let secret: string;

beforeAll(async () => {
  capture = await startCaptureServer();
  stack = await startServeStack();
  secret = (await stack.addAccount('victim', {})).secret;
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await capture?.close();
});

/** Every 256-bit base64url string in any file of the data folder: what a program given the folder could try. */
async function keysInDataFolder(dir: string): Promise<string[]> {
  const found = new Set<string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'latin1');
    for (const match of text.matchAll(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g)) found.add(match[0]);
  }
  return [...found];
}

type Attempt = { status: number; body: string };

async function post(path: string, input: unknown, headers: Record<string, string>): Promise<Attempt> {
  const res = await fetch(stack.origin + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) });
  return { status: res.status, body: await res.text() };
}

/** Points the account elsewhere every way the contract allows, then makes it fetch every way there is. */
async function attack(auth: Record<string, string>, query = ''): Promise<Attempt[]> {
  const api = (method: string, input: unknown) => post(`/api/${method}${query}`, input, auth);
  const seen: Attempt[] = [];
  for (const patch of [{ apiBase: capture.url }, { proxy: capture.url }, { apiBase: capture.url, proxy: capture.url }, { kind: 'mp', apiBase: capture.url }]) {
    seen.push(await api('editAccount', { name: 'victim', patch }));
    seen.push(await api('editAccount', { name: 'victim', patch: { ...patch, name: 'moved' } }));
    for (const name of ['victim', 'moved']) {
      seen.push(await api('testCredentials', { name }));
      seen.push(await api('getToken', { name }));
      seen.push(await api('refreshToken', { name, force: true }));
      seen.push(await api('sendRequest', { account: name, method: 'GET', path: '/cgi-bin/get_api_domain_ip', noHistory: true }));
      const token = await fetch(`${stack.origin}/v1/token/${name}${query}`, { headers: auth });
      seen.push({ status: token.status, body: await token.text() });
    }
  }
  return seen;
}

describe('the AppSecret cannot be sent to a server of the attacker’s choosing', () => {
  it('with only what the data folder holds', async () => {
    const keys = await keysInDataFolder(stack.home);
    for (const key of keys) {
      await attack({ Authorization: `Bearer ${key}` });
      await attack({}, `?key=${key}`);
    }
    expect(capture.received()).toBe('');
    expect(capture.received()).not.toContain(secret);
  }, 60_000);

  it('with the UI key: every move of the account is refused until the secret is typed in again', async () => {
    const mark = capture.received().length;
    const attempts = await attack({ Authorization: `Bearer ${stack.uiKey}` });
    expect(capture.received().slice(mark)).not.toContain(secret);
    expect(capture.received().slice(mark)).toBe('');
    const refusals = attempts.map((a) => JSON.parse(a.body)).filter((b) => b.ok === false && b.error?.field === 'secret');
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0].error).toMatchObject({ code: 'validation', message: { en: expect.stringMatching(/AppSecret/), zh: expect.stringMatching(/AppSecret/) } });
  }, 60_000);

  it('left the account where it was, still working with its own secret', async () => {
    const listed = await stack.call('listAccounts', {});
    expect(listed.ok && listed.value.map((a) => [a.name, a.apiBase, a.proxy])).toEqual([['victim', stack.sim.url, undefined]]);
    const tested = await stack.call('testCredentials', { name: 'victim' });
    expect(tested.ok).toBe(true);
  });
});
