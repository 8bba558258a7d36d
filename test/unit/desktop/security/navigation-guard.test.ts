import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { appEntryUrl, isAppUrl, type AppOrigin } from '../../../../src/main/desktop/security/app-origin';
import { APP_CSP, devCsp, withCsp } from '../../../../src/main/csp';
import { externalUrl, handleWindowOpen, installNavigationGuard, type GuardedContents } from '../../../../src/main/desktop/security/navigation-guard';
import { installSessionGuard, type GuardedSession } from '../../../../src/main/desktop/security/session-guard';

const rendererDir = path.resolve('/opt/wxtoken/out/renderer');
const built: AppOrigin = { rendererDir };
const dev: AppOrigin = { rendererDir, devUrl: 'http://localhost:5173/' };
const fileUrl = (p: string) => pathToFileURL(p).href;

describe('the app origin', () => {
  it('is app://wxtoken/ and nothing else: not the renderer folder on disk, not another host or port', () => {
    expect(appEntryUrl(built)).toBe('app://wxtoken/index.html');
    expect(isAppUrl(appEntryUrl(built), built)).toBe(true);
    expect(isAppUrl('app://wxtoken/index.html#/accounts', built)).toBe(true);
    expect(isAppUrl('app://wxtoken/assets/index-abc.js', built)).toBe(true);
    expect(isAppUrl(fileUrl(path.join(rendererDir, 'index.html')), built)).toBe(false);
    expect(isAppUrl(fileUrl('/etc/passwd'), built)).toBe(false);
    expect(isAppUrl('app://evil/index.html', built)).toBe(false);
    expect(isAppUrl('app://wxtoken:8080/index.html', built)).toBe(false);
    expect(isAppUrl('app://user@wxtoken/index.html', built)).toBe(false);
    expect(isAppUrl('https://mp.weixin.qq.com/', built)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
    expect(isAppUrl('', built)).toBe(false);
  });

  it('in development accepts only the dev server origin', () => {
    expect(appEntryUrl(dev)).toBe('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('app://wxtoken/index.html', dev)).toBe(false);
  });
});

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url?: string }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedContents = {
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  /** Fires an event the way Electron does; returns whether the page's action was stopped. */
  const fire = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)!({ preventDefault, url }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('the navigation guard', () => {
  it('lets the window navigate within the app and stops everything else', () => {
    const { contents, fire } = fakeContents();
    installNavigationGuard(contents, built, () => {});
    expect(fire('will-navigate', 'app://wxtoken/index.html')).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'https://mp.weixin.qq.com/')).toBe(true);
    expect(fire('will-navigate', fileUrl(path.join(rendererDir, 'index.html')))).toBe(true);
    expect(fire('will-redirect', fileUrl('/home/user/.ssh/id_rsa'))).toBe(true);
    expect(fire('will-redirect', 'app://wxtoken/index.html')).toBe(false);
    expect(fire('will-attach-webview', 'app://wxtoken/index.html')).toBe(true);
  });

  it('stops a foreign navigation in any frame, not just the main one', () => {
    const { contents, fire } = fakeContents();
    installNavigationGuard(contents, built, () => {});
    expect(fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-frame-navigate', fileUrl('/etc/passwd'))).toBe(true);
    expect(fire('will-frame-navigate', 'app://wxtoken/index.html')).toBe(false);
  });

  it('never opens a window; vetted https links go to the browser', async () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    installNavigationGuard(contents, built, openExternal);
    for (const url of [
      'https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html',
      'http://mp.weixin.qq.com/',
      'https://mp.weixin.qq.com.evil.example/',
      'https://user:pw@mp.weixin.qq.com/',
      'https://mp.weixin.qq.com:8443/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://example.com/',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledTimes(1));
    expect(openExternal).toHaveBeenCalledWith('https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html');
  });

  it('allow-lists exactly the WeChat platform and documentation hosts, https only', () => {
    for (const host of ['mp.weixin.qq.com', 'developers.weixin.qq.com', 'work.weixin.qq.com', 'open.work.weixin.qq.com']) {
      expect(externalUrl(`https://${host}/x?y=1`)).toBe(`https://${host}/x?y=1`);
      expect(externalUrl(`http://${host}/`)).toBeUndefined();
    }
    expect(externalUrl('https://weixin.qq.com/')).toBeUndefined();
    expect(externalUrl('https://api.weixin.qq.com/cgi-bin/token')).toBeUndefined();
  });

  it('survives an openExternal that fails', async () => {
    const openExternal = vi.fn().mockRejectedValue(new Error('no browser'));
    expect(handleWindowOpen('https://mp.weixin.qq.com/', openExternal)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalled());
  });
});

describe('the session guard', () => {
  function fakeSession() {
    const s = {
      request: undefined as undefined | ((c: unknown, p: string, cb: (granted: boolean) => void) => void),
      check: undefined as undefined | ((c: unknown, p: string) => boolean),
      headers: undefined as undefined | ((d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: { responseHeaders?: Record<string, string[] | string> }) => void) => void),
    };
    const session: GuardedSession = {
      setPermissionRequestHandler: (h) => (s.request = h),
      setPermissionCheckHandler: (h) => (s.check = h),
      webRequest: { onHeadersReceived: (h) => (s.headers = h) },
    };
    return { s, session };
  }

  it('denies every permission request and check but writing text to the clipboard', () => {
    const { s, session } = fakeSession();
    installSessionGuard(session, APP_CSP);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      s.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(s.check!({}, permission)).toBe(false);
    }
    const callback = vi.fn();
    s.request!({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(s.check!({}, 'clipboard-sanitized-write')).toBe(true);
  });

  it('puts the strict CSP on every response, replacing one already there', () => {
    const { s, session } = fakeSession();
    installSessionGuard(session, APP_CSP);
    const callback = vi.fn();
    s.headers!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, callback);
    const headers = callback.mock.calls[0][0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([APP_CSP]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(withCsp(undefined, APP_CSP)).toEqual({ 'Content-Security-Policy': [APP_CSP] });
  });

  it('is strict: no remote scripts, no eval, no inline scripts or styles, no plugins, no framing', () => {
    expect(APP_CSP).toContain("default-src 'self'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("style-src 'self'");
    expect(APP_CSP).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    // Development loosens only what Vite's HMR needs, and only for the dev server's own host.
    expect(devCsp('http://localhost:5173/')).toContain("connect-src 'self' ws://localhost:5173");
    expect(devCsp('http://localhost:5173/')).toContain("style-src 'self' 'unsafe-inline'");
  });

  const html = path.resolve(__dirname, '../../../../src/renderer/index.html');
  const meta = existsSync(html) ? /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(readFileSync(html, 'utf8'))?.[1] : undefined;
  it.skipIf(!meta)(`matches the renderer's meta CSP${meta ? '' : ' (skipped: src/renderer/index.html has no CSP meta tag yet)'}`, () => {
    // frame-ancestors only works as a header (browsers ignore it in a meta tag), so only the header has it.
    const directives = (csp: string) =>
      new Set(csp.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter((d) => d && !d.startsWith('frame-ancestors')));
    expect(directives(meta!)).toEqual(directives(APP_CSP));
  });
});
