import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The built page carries a strict CSP meta tag (a file:// page gets no response headers). The dev server
 * injects an inline React-refresh script that CSP would block, so in dev only the tag is dropped; the dev
 * session still gets the CSP header from the main process.
 */
const dropCspMetaInDev = (): Plugin => ({
  name: 'wxtoken:drop-csp-meta-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/?>/i, ''),
});

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          // The Electron app, and the plain-Node CLI (which also runs `wxtoken serve`).
          index: resolve(__dirname, 'src/main/desktop/main.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          // bin/wxtoken.cjs runs this: it starts the keychain worker, then loads cli.js.
          launch: resolve(__dirname, 'src/main/cli/launch.ts'),
          // The CLI's keychain calls run in this child process, so a hung keychain cannot keep it alive.
          'keychain-worker': resolve(__dirname, 'src/main/core/keychain/keychain-worker.ts'),
        },
        // Chunks by what loads them: `wxtoken token NAME` (cli/startup/token-fast.ts) needs the core, the zod-free shared
        // modules and the schemas the stores check files with, but neither the contract nor the catalogue.
        output: {
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              // `import * as z from 'zod'`, never `import { z }`: that object holds all of zod, its ~40 locales among them,
              // and would make this chunk 657 kB instead of 179 kB (a CLI run reads and runs it: ~30 ms of CPU).
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 5 },
              { name: 'catalogue', test: /src[\\/]shared[\\/]catalogue[\\/]/, priority: 4 },
              // The contract and the schemas only its calls use (the toolbox's): the CLI's cache hit loads neither.
              { name: 'contract', test: /src[\\/]shared[\\/](contract|toolbox[\\/]schemas)\.ts$/, priority: 3 },
              // The other shared modules that import zod (the stores check files with them); the rest stays free of it.
              { name: 'schemas', test: /src[\\/]shared[\\/](schemas|redis)\.ts$/, priority: 2 },
              { name: 'shared', test: /src[\\/]shared[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  },
  preload: {
    // The window is sandboxed: the preload cannot `require`, so everything is bundled into it.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Minified: the renderer is also served to browsers by `wxtoken serve`, and parse time is start-up time.
    build: { minify: true, rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } },
    plugins: [react(), dropCspMetaInDev()],
  },
});
