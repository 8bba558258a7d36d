// @ts-check
/**
 * Installers for the desktop app: AppImage and deb on Linux, dmg on macOS, nsis on Windows (`npm run dist`).
 * Only the built app goes in (out/, without source maps) plus the production dependencies electron-builder
 * adds from package.json; the fuses are flipped on the packaged Electron binary before it is signed.
 * test/unit/desktop/packaging/builder-config.test.ts checks all of this.
 *
 * @type {import('electron-builder').Configuration}
 */
const config = {
  // The same id is the Windows AppUserModelID (src/main/desktop/tray/notify.ts): toasts need it.
  appId: 'dev.wxtoken.app',
  productName: 'wxtoken',
  copyright: 'MIT License',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**/*',
    'package.json',
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/{test,tests,__tests__,spec}/**',
    '!**/*.{test,spec}.*',
  ],
  asar: true,
  // keytar's native addon cannot be loaded from inside the asar archive.
  asarUnpack: ['**/*.node'],
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    // The renderer is served from app://wxtoken, so file:// needs none of its old privileges.
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    executableName: 'wxtoken',
    synopsis: 'WeChat access_token keeper / 微信 access_token 管家',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  publish: null,
};

module.exports = config;
