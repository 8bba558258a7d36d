/**
 * The push history: each push (request, reply, verdict) kept per account across restarts, newest first and
 * bounded, the callback Token and EncodingAESKey never written, a corrupt file set aside and reported; listed by
 * the core and by `wxtoken push NAME --history`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../../support/cli';
import { hasTestKeyring } from '../../support/keychain/keychain';
import { makeCoreEnv, type CoreEnv } from '../../support/core-env';
import { field, startCallbackServer, type CallbackServer } from '../../support/toolbox/callback-server';

const TOKEN = 'historyToken42';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** Every file under `dir`, as text (binary files read as latin1). */
async function filesOf(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const file of await readdir(dir, { recursive: true })) {
    const text = await readFile(join(dir, file)).then((b) => b.toString('latin1'), () => undefined);
    if (text !== undefined) out.push({ file, text });
  }
  return out;
}

describe.skipIf(!hasTestKeyring())('push history', () => {
  let env: CoreEnv | undefined;
  let cli: CliSandbox | undefined;
  let server: CallbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    await env?.close();
    await cli?.cleanup();
    env = cli = server = undefined;
  });

  it('keeps each push across a restart, newest first, at most 50; the Token and EncodingAESKey never reach the disk', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    expect((await env.core.api.setCallbackConfig({ name: 'oa', token: TOKEN, aesKey: AES_KEY })).ok).toBe(true);
    const srv = (server = await startCallbackServer({ token: TOKEN, aesKey: AES_KEY }));
    // A careless server that echoes the Token and the key in its reply: shown once, never kept.
    srv.answer = (r) => ({ body: r.query.get('echostr') ? `${r.query.get('echostr')}` : `token=${TOKEN} key=${AES_KEY}` });
    const push = async (input: Record<string, unknown>) => {
      const got = await env!.core.api.pushMessage({ name: 'oa', to: srv.url, ...input } as never);
      if (!got.ok) throw new Error(got.error.message.en);
      return got.value;
    };
    expect((await push({ verify: true, mode: undefined })).passed).toBe(true);
    const echoed = await push({ text: 'hello', mode: 'safe' });
    expect(echoed.reply.body).toContain(TOKEN); // what the page shows right after the push

    const restarted = await env.reopen();
    const listed = await restarted.api.listPushHistory({ name: 'oa' });
    if (!listed.ok) throw new Error(listed.error.message.en);
    expect(listed.value.map((e) => [e.what, e.mode, e.report.passed])).toEqual([['text', 'safe', false], ['verify', undefined, true]]);
    expect(listed.value[0].report.request.plainBody).toContain('<Content><![CDATA[hello]]></Content>');
    expect(listed.value[0].report.reply.body).toBe('token=*** key=***');
    expect(listed.value[0].report.verdict.en).toBe(echoed.verdict.en);
    for (const { file, text } of await filesOf(env.home)) {
      expect(text, file).not.toContain(TOKEN);
      expect(text, file).not.toContain(AES_KEY);
    }

    srv.answer = () => ({ body: 'success' });
    for (let i = 0; i < 50; i++) await push({ event: 'CLICK', eventKey: `k${i}`, mode: 'plain' });
    const full = await restarted.api.listPushHistory({ name: 'oa' });
    expect(full.ok && full.value.length).toBe(50);
    expect(full.ok && field(full.value[0].report.request.body ?? '', 'EventKey')).toBe('k49');
    expect(full.ok && full.value.at(-1)?.what).toBe('event');
  });

  it('a corrupt history file is set aside and reported, and pushing goes on', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    expect((await env.core.api.setCallbackConfig({ name: 'oa', token: TOKEN, aesKey: '' })).ok).toBe(true);
    const srv = (server = await startCallbackServer({ token: TOKEN }));
    srv.answer = () => ({ body: 'success' });
    expect((await env.core.api.pushMessage({ name: 'oa', to: srv.url, text: 'one' })).ok).toBe(true);
    await writeFile(join(env.home, 'pushes', 'oa.json'), '{"version":1,"entries":[{"id":');

    const listed = await env.core.api.listPushHistory({ name: 'oa' });
    expect(listed).toEqual({ ok: true, value: [] });
    const problems = await env.core.api.listProblems({});
    expect(problems.ok && problems.value.map((p) => p.message.en).join('\n')).toMatch(/oa\.json was corrupt \(not valid JSON\); the file was moved to oa\.json\.corrupt-/);
    expect((await readdir(join(env.home, 'pushes'))).filter((f) => f.startsWith('oa.json.corrupt-'))).toHaveLength(1);

    expect((await env.core.api.pushMessage({ name: 'oa', to: srv.url, text: 'two' })).ok).toBe(true);
    const after = await env.core.api.listPushHistory({ name: 'oa' });
    expect(after.ok && after.value.map((e) => field(e.report.request.body ?? '', 'Content'))).toEqual(['two']);
  });

  it('follows a rename and goes with the account', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    expect((await env.core.api.setCallbackConfig({ name: 'oa', token: TOKEN, aesKey: '' })).ok).toBe(true);
    const srv = (server = await startCallbackServer({ token: TOKEN }));
    srv.answer = () => ({ body: 'success' });
    expect((await env.core.api.pushMessage({ name: 'oa', to: srv.url, text: 'one' })).ok).toBe(true);
    expect((await env.core.api.editAccount({ name: 'oa', patch: { name: 'shop' } })).ok).toBe(true);
    const moved = await env.core.api.listPushHistory({ name: 'shop' });
    expect(moved.ok && moved.value.map((e) => e.account)).toEqual(['shop']);
    expect((await env.core.api.removeAccount({ name: 'shop' })).ok).toBe(true);
    await env.addAccount('shop', {}, 'stable');
    expect(await env.core.api.listPushHistory({ name: 'shop' })).toEqual({ ok: true, value: [] });
  });

  it('a rename onto a name whose pushes file outlived its account (an interrupted remove) does not inherit it', async () => {
    env = await makeCoreEnv();
    await env.addAccount('oa', {}, 'stable');
    await env.addAccount('other', {}, 'stable');
    expect((await env.core.api.setCallbackConfig({ name: 'oa', token: TOKEN, aesKey: '' })).ok).toBe(true);
    const srv = (server = await startCallbackServer({ token: TOKEN }));
    srv.answer = () => ({ body: 'success' });
    expect((await env.core.api.pushMessage({ name: 'oa', to: srv.url, text: 'one' })).ok).toBe(true);
    const pushes = join(env.home, 'pushes');
    await writeFile(join(pushes, 'ghost.json'), await readFile(join(pushes, 'oa.json')));
    expect((await env.core.api.editAccount({ name: 'other', patch: { name: 'ghost' } })).ok).toBe(true);
    expect(await env.core.api.listPushHistory({ name: 'ghost' })).toEqual({ ok: true, value: [] });
  });

  it('wxtoken push NAME --history lists the pushes of earlier runs, as text and as JSON', async () => {
    cli = await cliSandbox();
    const srv = (server = await startCallbackServer({ token: TOKEN }));
    expect((await cli.run(['account', 'add', 'oa', '--appid', 'wx5f3c9a1e7b2d4c61', '--api-base', 'http://127.0.0.1:9'], { input: 'unusedsecret\n' })).code).toBe(0);
    expect((await cli.run(['callback', 'set', 'oa'], { input: `${TOKEN}\n\n` })).code).toBe(0);
    const none = await cli.run(['push', 'oa', '--history']);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('No pushes yet');

    srv.answer = (r) => ({ body: r.query.get('echostr') ?? 'success' });
    expect((await cli.run(['push', 'oa', '--to', srv.url, '--verify'])).code).toBe(0);
    srv.answer = () => ({ body: 'not xml' });
    expect((await cli.run(['push', 'oa', '--to', srv.url, '--event', 'subscribe'])).code).toBe(1);

    const text = await cli.run(['push', 'oa', '--history']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  ✗  event subscribe \\(plain\\)  POST ${srv.url}  `));
    expect(lines[1]).toMatch(/  ✓  verify  GET .*  URL check passed/);
    const json = JSON.parse((await cli.run(['push', 'oa', '--history', '--json'])).stdout);
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({ what: 'event', event: 'subscribe', mode: 'plain', passed: false, reply: { body: 'not xml' } });
    expect(json[1]).toMatchObject({ what: 'verify', passed: true, request: { method: 'GET' } });

    const mixed = await cli.run(['push', 'oa', '--history', '--to', srv.url]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--history only lists pushes: leave out --to');
  });
});
