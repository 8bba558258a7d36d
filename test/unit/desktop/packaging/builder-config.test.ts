/**
 * The installer configuration (electron-builder.config.cjs), and — where a packed app exists (`npm run dist`
 * or WXTOKEN_PACKED_APP=dist/linux-unpacked) — what really went into it: the fuses in the binary and the
 * files in app.asar.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID } from '../../../../src/main/desktop/tray/notify';

const root = path.resolve(__dirname, '../../../..');
const require = createRequire(path.join(root, 'package.json'));
const config = require('./electron-builder.config.cjs') as {
  appId: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string>; devDependencies: Record<string, string> };

describe('the installer configuration', () => {
  it('builds AppImage and deb, dmg, nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder --config electron-builder\.config\.cjs/);
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS, no --inspect, the app only from an integrity-checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the built app and package.json, never sources, tests or source maps', () => {
    const included = config.files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['out/**/*', 'package.json']);
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.map', '!**/*.{ts,tsx,mts,cts}', '!**/{test,tests,__tests__,spec}/**']));
    // package.json's entry is inside what is shipped.
    expect(pkg.main.startsWith('out/')).toBe(true);
    // keytar's native addon is unpacked (it cannot be dlopen()ed from inside the archive).
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('uses its appId as the Windows AppUserModelID the main process sets', () => {
    expect(APP_USER_MODEL_ID).toBe(config.appId);
  });
});

/** The fuse wire as @electron/fuses reads it: after the sentinel, a version byte, a length byte, '0'/'1' per fuse. */
function fuseWire(binary: string): string {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  if (at < 0) throw new Error(`no fuse sentinel in ${binary}`);
  const wire = at + 32;
  return bytes.subarray(wire + 2, wire + 2 + bytes[wire + 1]).toString('latin1');
}

/** The paths in an asar archive: its header is a Chromium pickle holding one JSON string. */
function asarFiles(archive: string): string[] {
  const bytes = readFileSync(archive);
  const header = JSON.parse(bytes.subarray(16, 16 + bytes.readUInt32LE(12)).toString('utf8')) as Node;
  type Node = { files?: Record<string, Node> };
  const out: string[] = [];
  const walk = (node: Node, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const p = `${prefix}/${name}`;
      if (child.files) walk(child, p);
      else out.push(p);
    }
  };
  walk(header, '');
  return out;
}

const packed = process.env.WXTOKEN_PACKED_APP ?? path.join(root, 'dist/linux-unpacked');
const packedReason = existsSync(path.join(packed, 'resources/app.asar')) ? '' : `no packed app at ${path.relative(root, packed) || packed} (run \`npm run dist\`)`;

describe.skipIf(Boolean(packedReason))(`the packed Linux app${packedReason ? ` (skipped: ${packedReason})` : ''}`, () => {
  it('has its fuses flipped in the binary', () => {
    // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolExtraPrivileges
    expect(fuseWire(path.join(packed, 'wxtoken')).slice(0, 8)).toBe('01001100');
  });

  it('holds the built app and its production dependencies, and no source, test or map', () => {
    const files = asarFiles(path.join(packed, 'resources/app.asar'));
    for (const needed of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/node_modules/ioredis/package.json', '/node_modules/keytar/package.json']) {
      expect(files).toContain(needed);
    }
    // ioredis's own dependencies came along (not only the top-level packages).
    expect(files.some((f) => f.startsWith('/node_modules/denque/'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('/src/') || f.startsWith('/test/') || /\/(__tests__|tests?)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /node_modules\/(electron|vitest|vite|typescript|playwright-core|react)\//.test(f))).toEqual([]);
  });
});
