import { describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../../../src/main/csp';
import type { AppOrigin } from '../../../../src/main/desktop/security/app-origin';
import { guardEveryWebContents, type GuardableContents } from '../../../../src/main/desktop/security/web-contents-guard';

const origin: AppOrigin = { rendererDir: '/opt/wxtoken/out/renderer' };

function fakeSession() {
  const installed = { request: 0, check: 0, headers: 0 };
  let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
  return {
    installed,
    ask: (permission: string) => {
      const cb = vi.fn();
      request!({}, permission, cb);
      return cb.mock.calls[0]?.[0] as boolean | undefined;
    },
    session: {
      setPermissionRequestHandler: (h: typeof request) => {
        installed.request++;
        request = h;
      },
      setPermissionCheckHandler: () => void installed.check++,
      webRequest: { onHeadersReceived: () => void installed.headers++ },
    },
  };
}

/** A webContents as `web-contents-created` hands it over: no listener, no window-open handler yet. */
function fakeContents(session: GuardableContents['session']) {
  const listeners = new Map<string, (event: { preventDefault(): void; url?: string }, url?: string) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardableContents = {
    session,
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (h) => (openHandler = h),
  };
  const stopped = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault, url }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, stopped, open: (url: string) => openHandler?.({ url }) };
}

describe('the web-contents-created hook', () => {
  it('guards every new webContents, not only the main window', () => {
    const openExternal = vi.fn();
    const hook = guardEveryWebContents({ origin, csp: APP_CSP, openExternal });
    const s = fakeSession();
    for (const { contents, stopped, open } of [fakeContents(s.session), fakeContents(s.session)]) {
      hook({}, contents);
      expect(stopped('will-navigate', 'https://evil.example/')).toBe(true);
      expect(stopped('will-frame-navigate', 'https://evil.example/')).toBe(true);
      expect(stopped('will-redirect', 'file:///etc/passwd')).toBe(true);
      expect(stopped('will-attach-webview', 'app://wxtoken/index.html')).toBe(true);
      expect(stopped('will-navigate', 'app://wxtoken/index.html')).toBe(false);
      expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it("guards each session once, denying permissions in a new webContents' session too", () => {
    const hook = guardEveryWebContents({ origin, csp: APP_CSP, openExternal: () => {} });
    const first = fakeSession();
    const other = fakeSession();
    hook({}, fakeContents(first.session).contents);
    hook({}, fakeContents(first.session).contents);
    hook({}, fakeContents(other.session).contents);
    expect(first.installed).toEqual({ request: 1, check: 1, headers: 1 });
    expect(other.installed).toEqual({ request: 1, check: 1, headers: 1 });
    expect(other.ask('media')).toBe(false);
    expect(other.ask('geolocation')).toBe(false);
  });
});
