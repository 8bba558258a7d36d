/**
 * Bodies no real WeChat request has: refused before anything is sent (a validation error, CLI exit 2), and
 * a request that was sent is never turned into a failure by what comes after it (redaction, history).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH } from '../../../src/shared/json-depth';
import { cliSandbox, type CliSandbox } from '../../support/cli';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';
import { startSimulator, type Simulator } from '../../simulator';

const SEND = '/cgi-bin/message/custom/send';
/** `{"touser":"o1","x":{"x":…{}…}}`, `levels` deep in all. */
const nested = (levels: number) => `{"touser":"o1","msgtype":"text","text":{"content":"hi"},"x":${'{"x":'.repeat(levels - 2)}{}${'}'.repeat(levels - 2)}}`;

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('hostile bodies through the core', () => {
  let env: CoreEnv;
  beforeEach(async () => {
    env = await makeCoreEnv();
    await env.addAccount('prod', {});
    await env.core.api.revealToken({ name: 'prod' });
    env.sim.resetCounts();
  });
  afterEach(() => env.close());

  it(`refuses a body nested deeper than ${MAX_BODY_DEPTH} levels before sending it, and keeps nothing; sends one at the limit`, async () => {
    for (const levels of [MAX_BODY_DEPTH + 1, 5_000, 100_000]) {
      const sent = await env.core.api.sendRequest({ account: 'prod', method: 'POST', path: SEND, body: nested(levels) });
      expect(sent, String(levels)).toMatchObject({ ok: false, error: { code: 'validation', field: 'body' } });
      if (!sent.ok) {
        expect(sent.error.message.en).toContain(`more than ${MAX_BODY_DEPTH} levels`);
        expect(sent.error.message.zh).toContain(`超过 ${MAX_BODY_DEPTH} 层`);
      }
    }
    expect(env.sim.count(SEND)).toBe(0);
    expect(await env.core.api.listHistory({ name: 'prod' })).toEqual({ ok: true, value: [] });

    // The limit itself is a body like any other: sent and recorded.
    const atLimit = await env.core.api.sendRequest({ account: 'prod', method: 'POST', path: SEND, body: nested(MAX_BODY_DEPTH) });
    expect(atLimit).toMatchObject({ ok: true, value: { status: 200 } });
    expect(env.sim.count(SEND)).toBe(1);
    expect(await env.core.api.listHistory({ name: 'prod' })).toMatchObject({ ok: true, value: [{ path: SEND, body: nested(MAX_BODY_DEPTH) }] });
  });

  it('reports a history entry it could not write as a warning on a request that was sent', async () => {
    // A file where the history folder should be: every history write fails.
    await writeFile(join(env.home, 'history'), 'not a folder');
    const sent = await env.core.api.sendRequest({ account: 'prod', method: 'GET', path: '/cgi-bin/getcallbackip' });
    expect(sent).toMatchObject({ ok: true, value: { status: 200, warning: { code: 'storage' } } });
    if (sent.ok) {
      expect(sent.value.bodyText).toContain('ip_list');
      expect(sent.value.warning?.message.en).toContain('The request was sent, but its history entry could not be saved');
      expect(sent.value.warning?.message.zh).toContain('请求已发送');
    }
    expect(env.sim.count('/cgi-bin/getcallbackip')).toBe(1);
  });
});

describe.skipIf(!process.env.WXTOKEN_TEST_KEYRING)('hostile bodies through the CLI', () => {
  let sim: Simulator;
  let cli: CliSandbox;
  const ACCOUNT = { appid: 'wx2c3d4e5f6a7b8c9d', secret: 'b0d1e5ecret0000aaaabbbbccccdddd99', kind: 'oa' as const };
  beforeAll(async () => {
    sim = await startSimulator();
    sim.addAccount(ACCOUNT);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    cli = await cliSandbox();
    const added = await cli.run(['account', 'add', 'prod', '--appid', ACCOUNT.appid, '--api-base', sim.url], { input: `${ACCOUNT.secret}\n` });
    expect(added.code).toBe(0);
    expect((await cli.run(['token', 'prod'])).code).toBe(0);
    sim.resetCounts();
  });
  afterEach(() => cli.cleanup());

  it('exits 2 with a clear message and sends nothing for a body nested 5,000 levels', async () => {
    const file = join(cli.home, '..', `deep-${Date.now()}.json`);
    await writeFile(file, nested(5_000));
    try {
      const call = await cli.run(['call', 'prod', 'POST', SEND, '--data', `@${file}`]);
      expect(call.stderr).toContain(`more than ${MAX_BODY_DEPTH} levels`);
      expect(call.stderr).not.toContain('Internal error');
      expect(call.code).toBe(2);
      const zh = await cli.run(['call', 'prod', 'POST', SEND, '--data', `@${file}`], { env: { WXTOKEN_LANG: 'zh' } });
      expect(zh.stderr).toContain(`超过 ${MAX_BODY_DEPTH} 层`);
      expect(sim.count(SEND)).toBe(0);
      expect(JSON.parse((await cli.run(['history', 'prod', '--json'])).stdout)).toEqual([]);
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(file, { force: true }));
    }
  });

  it('prints the response and a warning on stderr, exit 0, when the history cannot be written', async () => {
    await writeFile(join(cli.home, 'history'), 'not a folder');
    const call = await cli.run(['call', 'prod', 'GET', '/cgi-bin/getcallbackip']);
    expect(call.stdout).toContain('ip_list');
    expect(call.stderr).toContain('its history entry could not be saved');
    expect(call.code).toBe(0);
    expect(sim.count('/cgi-bin/getcallbackip')).toBe(1);
  });
});
