/**
 * `npm start` on a machine that has no Electron binary yet. Electron 45 downloads it on first
 * `require('electron')`; `npm start` must let it, then launch it with the app — and when nothing can be
 * downloaded, say what to do instead and exit non-zero.
 * A loopback server plays Electron's release mirror (ELECTRON_MIRROR), serving a stub `electron` that
 * records how it was launched. `npm start` runs in a throwaway project holding a copy of
 * node_modules/electron and its own download cache, so the shared install and the user's cache stay as
 * they are. No display needed: the stub only writes a file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedZip } from '../../support/stored-zip';

const root = path.resolve(__dirname, '../../..');
const sharedModules = realpathSync(path.join(root, 'node_modules'));
const { version } = JSON.parse(readFileSync(path.join(sharedModules, 'electron/package.json'), 'utf8')) as { version: string };
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;

const STUB_ELECTRON = `#!/bin/sh
# Stands in for Electron: records the folder and the arguments it was launched with.
{ pwd -P; printf '%s\\n' "$@"; } > "$(dirname "$0")/launched.txt"
`;

interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves what @electron/get asks a mirror for: `<mirror>v<version>/<zip>` and its SHASUMS256.txt. */
async function startMirror(): Promise<Mirror> {
  const zip = storedZip([{ name: 'electron', data: Buffer.from(STUB_ELECTRON), mode: 0o755 }]);
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  const files = new Map<string, Buffer>([
    [`/v${version}/${zipName}`, zip],
    [`/v${version}/SHASUMS256.txt`, Buffer.from(sums)],
  ]);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-length': body?.length ?? 0 }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A project with the app's `start` script, a built entry, a copy of the electron package (no binary). */
function makeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wxtoken-npm-start-'));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'wxtoken-start-check', private: true, main: 'out/main/index.js', scripts: { start: pkg.scripts.start } }),
  );
  mkdirSync(path.join(dir, 'out/main'), { recursive: true });
  writeFileSync(path.join(dir, 'out/main/index.js'), '');
  symlinkSync(path.join(root, 'scripts'), path.join(dir, 'scripts'));
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  const electron = path.join(sharedModules, 'electron');
  cpSync(electron, path.join(modules, 'electron'), {
    recursive: true,
    filter: (src) => !['dist', 'path.txt', 'node_modules'].includes(path.relative(electron, src).split(path.sep)[0]),
  });
  for (const name of ['@electron', '@electron-internal', 'electron-vite']) {
    symlinkSync(path.join(sharedModules, name), path.join(modules, name));
  }
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function npmStart(project: string, mirrorUrl: string): Promise<Run> {
  // Nothing inherited may redirect or short-cut the download (an .npmrc mirror, a preset binary).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(electron_|npm_)/i.test(key)));
  const env = {
    ...inherited,
    // Where `npm start` finds node and electron-vite in the real project.
    PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    ELECTRON_MIRROR: mirrorUrl,
    electron_use_remote_checksums: '1',
    electron_config_cache: path.join(project, 'electron-cache'),
    // npm's own cache and logs stay in the throwaway project; no update check leaves the machine.
    npm_config_cache: path.join(project, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  // --skipBuild: the throwaway project has no sources; building is electron-vite's own business.
  const child = spawn('npm', ['start', '--', '--skipBuild'], { cwd: project, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm start with no Electron binary yet', () => {
  let project: string;
  let launched: string;
  beforeEach(() => {
    project = makeProject();
    launched = path.join(project, 'node_modules/electron/dist/launched.txt');
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('downloads it from the mirror and launches it with the app', async () => {
    const mirror = await startMirror();
    try {
      const run = await npmStart(project, mirror.url);
      expect(run.code, run.stderr).toBe(0);
      expect(mirror.requests).toEqual(expect.arrayContaining([`/v${version}/${zipName}`, `/v${version}/SHASUMS256.txt`]));
      expect(readFileSync(path.join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    } finally {
      await mirror.close();
    }
    // Electron is started in the project folder with "." as its app: the package whose main is the built entry.
    const [folder, ...args] = readFileSync(launched, 'utf8').trim().split('\n');
    expect(args).toEqual(['.']);
    expect(folder).toBe(realpathSync(project));
  });

  it('says plainly that none could be downloaded and points to npm run demo when the mirror is unreachable', async () => {
    const mirror = await startMirror();
    await mirror.close();

    const run = await npmStart(project, mirror.url);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('No Electron binary could be downloaded');
    expect(run.stderr).toContain('无法下载 Electron 二进制文件');
    expect(run.stderr).toContain('`npm run demo` runs the same UI in your browser');
    expect(run.stderr).toMatch(/^原因 \/ Reason: \S.*fetch failed/m);
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(run.stderr).not.toContain('Electron uninstall');
    expect(existsSync(launched)).toBe(false);
  });
});
