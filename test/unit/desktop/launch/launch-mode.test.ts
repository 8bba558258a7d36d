import { describe, expect, it } from 'vitest';
import { DEV_FLAG, launchMode, loopbackDevUrl } from '../../../../src/main/desktop/launch/launch-mode';
import { appMenuTemplate } from '../../../../src/main/desktop/app-menu';

const DEV_ENV = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
const roles = (development: boolean) =>
  JSON.stringify(appMenuTemplate({ lang: 'en', development, platform: 'linux', appName: 'wxtoken' }));

describe('the development flag', () => {
  it('is off when the app merely runs unpackaged (npm start), even with a dev server URL in the environment', () => {
    expect(launchMode(['/usr/bin/electron', '.'], DEV_ENV, false)).toEqual({ development: false });
    expect(roles(launchMode(['/usr/bin/electron', '.'], DEV_ENV, false).development)).not.toMatch(/toggleDevTools|"reload"/);
  });

  it('is on only with the flag npm run dev passes, and then trusts a loopback dev server', () => {
    expect(launchMode(['/usr/bin/electron', '.', DEV_FLAG], DEV_ENV, false)).toEqual({ development: true, devUrl: 'http://localhost:5173/' });
    expect(launchMode(['/usr/bin/electron', '.', DEV_FLAG], {}, false)).toEqual({ development: true });
    expect(roles(true)).toMatch(/toggleDevTools/);
  });

  it('is never on in a packaged app, whatever the arguments or environment say', () => {
    expect(launchMode(['/opt/wxtoken/wxtoken', DEV_FLAG], DEV_ENV, true)).toEqual({ development: false });
  });

  it('ignores a dev server URL that is not plain http on this machine', () => {
    expect(loopbackDevUrl('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173/');
    expect(loopbackDevUrl('http://[::1]:5173/')).toBe('http://[::1]:5173/');
    for (const url of ['https://evil.example/', 'http://evil.example:5173/', 'http://localhost.evil.example/', 'file:///tmp/x.html', 'http://u:p@localhost:5173/', 'javascript:alert(1)', '', undefined]) {
      expect(loopbackDevUrl(url), String(url)).toBeUndefined();
    }
    expect(launchMode(['e', '.', DEV_FLAG], { ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toEqual({ development: true });
  });
});

describe('the scripts', () => {
  it('pass the development flag for npm run dev only, after the -- that electron-vite hands to Electron', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { electronViteArgs, DEV_FLAG: scriptFlag } = (await import('../../../../scripts/electron-vite-args.mjs')) as {
      electronViteArgs(command: string, rest: string[]): string[];
      DEV_FLAG: string;
    };
    expect(scriptFlag).toBe(DEV_FLAG);
    expect(electronViteArgs('dev', [])).toEqual(['dev', '--', DEV_FLAG]);
    expect(electronViteArgs('dev', ['--watch', '--', '--trace-warnings'])).toEqual(['dev', '--watch', '--', '--trace-warnings', DEV_FLAG]);
    expect(electronViteArgs('preview', [])).toEqual(['preview']);
    expect(electronViteArgs('preview', ['--', DEV_FLAG.replace('dev', 'x')])).not.toContain(DEV_FLAG);
  });
});
