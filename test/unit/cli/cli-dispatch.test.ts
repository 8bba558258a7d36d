import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/main/cli/io';
import { EXIT_OK, EXIT_USAGE, run } from '../../../src/main/cli/main';

/** An in-memory terminal; the core is never needed by help or usage errors, so opening it fails the test. */
function fakeIo(env: NodeJS.ProcessEnv = {}) {
  const io = {
    stdout: '',
    stderr: '',
    env,
    cwd: process.cwd(),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    out: (t: string) => void (io.stdout += t),
    outBytes: (b: Uint8Array) => void (io.stdout += Buffer.from(b).toString('utf8')),
    err: (t: string) => void (io.stderr += t),
    readStdin: async () => '',
    promptHidden: async () => undefined,
    promptLine: async () => undefined,
    waitForStop: () => new Promise<string>(() => undefined),
  };
  return io satisfies CliIo & { stdout: string; stderr: string };
}
const noCore = async () => {
  throw new Error('the core must not be opened');
};

describe('CLI dispatch', () => {
  it('prints the global help on stdout with --help, on stderr (exit 2) with no command', async () => {
    const io = fakeIo();
    expect(await run(['--help'], io, noCore)).toBe(EXIT_OK);
    expect(io.stdout).toContain('wxtoken account add NAME --appid ID');
    expect(io.stdout).toContain('Exit codes');
    const bare = fakeIo();
    expect(await run([], bare, noCore)).toBe(EXIT_USAGE);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('wxtoken token NAME');
  });

  it('gives per-command help, also through `help CMD`, in Chinese when asked', async () => {
    const io = fakeIo({ WXTOKEN_LANG: 'zh_CN' });
    expect(await run(['help', 'account', 'remove'], io, noCore)).toBe(EXIT_OK);
    expect(io.stdout).toContain('用法：wxtoken account remove NAME [--yes]');
    expect(io.stdout).toContain('--yes');
    const group = fakeIo();
    expect(await run(['account', '-h'], group, noCore)).toBe(EXIT_OK);
    expect(group.stdout).toContain('wxtoken account set-secret NAME');
  });

  it('turns unknown commands and options into usage errors that show the usage line', async () => {
    const io = fakeIo();
    expect(await run(['tokn', 'x'], io, noCore)).toBe(EXIT_USAGE);
    expect(io.stderr).toContain('unknown command "tokn"');
    const opt = fakeIo();
    expect(await run(['token', 'prod', '--frobnicate'], opt, noCore)).toBe(EXIT_USAGE);
    expect(opt.stderr).toContain('unknown option --frobnicate');
    expect(opt.stderr).toContain('usage: wxtoken token NAME');
    const sub = fakeIo();
    expect(await run(['account', 'delete', 'x'], sub, noCore)).toBe(EXIT_USAGE);
    expect(sub.stderr).toContain('unknown account subcommand "delete"');
    expect(sub.stderr).toContain('wxtoken account remove NAME');
  });

  it('rejects conflicting options before touching the core', async () => {
    const io = fakeIo();
    expect(await run(['token', 'prod', '--refresh', '--force'], io, noCore)).toBe(EXIT_USAGE);
    expect(io.stderr).toContain('either --refresh or --force');
    const edit = fakeIo();
    expect(await run(['account', 'edit', 'prod'], edit, noCore)).toBe(EXIT_USAGE);
    expect(edit.stderr).toContain('nothing to change');
    const both = fakeIo();
    expect(await run(['account', 'edit', 'prod', '--proxy', 'http://127.0.0.1:1', '--no-proxy'], both, noCore)).toBe(EXIT_USAGE);
    const method = fakeIo();
    expect(await run(['call', 'prod', 'DELETE', '/x'], method, noCore)).toBe(EXIT_USAGE);
    expect(method.stderr).toContain('GET or POST');
  });

  it('reports a bug as an internal error without its text', async () => {
    const io = fakeIo();
    const broken = async () => {
      throw new Error('secret-ish detail');
    };
    expect(await run(['account', 'list'], io, broken)).toBe(1);
    expect(io.stderr).toContain('[internal]');
    expect(io.stderr).not.toContain('secret-ish detail');
  });
});
