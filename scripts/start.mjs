#!/usr/bin/env node
// `npm start` (`node scripts/start.mjs preview`) and `npm run dev` (`… dev`): make sure the Electron binary is
// there, then run electron-vite with the remaining arguments.
// Electron 45 downloads its binary on first `require('electron')` (honouring ELECTRON_MIRROR,
// electron_config_cache, electron_use_remote_checksums, …) and records it in node_modules/electron/path.txt;
// electron-vite only reads path.txt and fails with "Electron uninstall" when it is missing. So we let
// `require('electron')` do its download first, in a child whose stack traces we keep from the user.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronViteArgs } from './electron-vite-args.mjs';

const [command = 'preview', ...rest] = process.argv.slice(2);
// npm runs scripts in the project folder: resolve from there, as electron-vite itself would.
const projectRequire = createRequire(join(process.cwd(), 'package.json'));

/** The Electron executable, downloading it if needed: `{ path }`, or `{ reason }` in one line. */
function electronBinary() {
  if (process.env.ELECTRON_EXEC_PATH) return { path: process.env.ELECTRON_EXEC_PATH };
  const electronPackage = dirname(projectRequire.resolve('electron/package.json'));
  const child = spawnSync(
    process.execPath,
    ['-e', `require('fs').writeSync(3, require(${JSON.stringify(electronPackage)}))`],
    {
      stdio: ['ignore', 'inherit', 'pipe', 'pipe'],
      encoding: 'utf8',
      // @electron/get's debug log names each URL it fetches: "fetch failed" alone does not say from where.
      env: { ...process.env, DEBUG: [process.env.DEBUG, '@electron/get:index'].filter(Boolean).join(',') },
    },
  );
  const path = child.output?.[3];
  if (child.status === 0 && path) return existsSync(path) ? { path } : { reason: `${path} does not exist` };
  // Electron's installer prints the error's stack: its first line ("TypeError: fetch failed", "HTTPError:
  // Response code 404 …", "Error: Generated checksum … did not match …") is the reason.
  const stderr = `${child.stderr ?? ''}`;
  const error = stderr.split('\n').map((line) => line.trim()).find((line) => /^\w*Error\b[^:]*: /.test(line));
  const url = [...stderr.matchAll(/ Downloading (\S+) to /g)].at(-1)?.[1];
  if (!error) return { reason: child.error?.message ?? `exit code ${child.status ?? child.signal}` };
  return { reason: url && !error.includes(url) ? `${error} (${url})` : error };
}

const binary = electronBinary();
if ('reason' in binary) {
  console.error(
    [
      '无法下载 Electron 二进制文件，桌面应用无法启动。`npm run demo` 可在浏览器中运行同样的界面。' +
        '网络受限时，可设置 ELECTRON_MIRROR（例如 https://npmmirror.com/mirrors/electron/）后重试。',
      'No Electron binary could be downloaded, so the desktop app cannot start. `npm run demo` runs the same UI ' +
        'in your browser. On a restricted network, set ELECTRON_MIRROR (e.g. https://npmmirror.com/mirrors/electron/) ' +
        'and try again.',
      `原因 / Reason: ${binary.reason}`,
    ].join('\n'),
  );
  process.exit(1);
}

// electron-vite honours ELECTRON_EXEC_PATH over path.txt, so an ELECTRON_OVERRIDE_DIST_PATH is honoured too.
process.env.ELECTRON_EXEC_PATH = binary.path;
const electronVite = join(dirname(projectRequire.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
// Only `dev` adds the app's development flag (electron-vite-args.mjs).
process.argv = [process.argv[0], electronVite, ...electronViteArgs(command, rest)];
await import(pathToFileURL(electronVite).href);
