// The arguments scripts/start.mjs gives electron-vite. `npm run dev` (and only it) tells the app it is in
// development: DevTools, the Reload menu items and the dev server's URL are never inferred from running
// unpackaged (src/main/desktop/launch/launch-mode.ts, whose DEV_FLAG this must match). electron-vite hands
// what follows `--` to Electron.
export const DEV_FLAG = '--wxtoken-dev';

/** @param {string} command @param {string[]} rest */
export function electronViteArgs(command, rest) {
  if (command !== 'dev') return [command, ...rest];
  return rest.includes('--') ? [command, ...rest, DEV_FLAG] : [command, ...rest, '--', DEV_FLAG];
}
