import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../../src/main/csp';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, appFilePath, serveAppFile } from '../../../../src/main/desktop/security/app-scheme';

const ATTACKS = [
  'app://wxtoken/../main/index.js',
  'app://wxtoken/assets/../../main/index.js',
  'app://wxtoken/%2e%2e/main/index.js',
  'app://wxtoken/%2E%2E/%2e%2e/etc/passwd',
  'app://wxtoken/.%2e/main/index.js',
  'app://wxtoken/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
  'app://wxtoken/..%5c..%5cmain%5cindex.js',
  'app://wxtoken/..\\..\\main\\index.js',
  'app://wxtoken/assets\\..\\..\\secret',
  'app://wxtoken//etc/passwd',
  'app://wxtoken/%2fetc%2fpasswd',
  'app://wxtoken/C:/Windows/win.ini',
  'app://wxtoken/C%3a%5cWindows%5cwin.ini',
  'app://wxtoken/index.html%00.png',
  'app://wxtoken/index.html%00',
  'app://wxtoken/%',
  'app://wxtoken/./index.html',
  'app:///etc/passwd',
  'app://evil/index.html',
  'app://wxtoken:1234/index.html',
  'app://user:pw@wxtoken/index.html',
  'file:///etc/passwd',
  'https://wxtoken/index.html',
];

describe('app:// path resolution', () => {
  const root = path.resolve('/opt/wxtoken/out/renderer');

  it('maps the origin to files inside the renderer folder, / to index.html', () => {
    expect(appFilePath(APP_ENTRY_URL, root)).toBe(path.join(root, 'index.html'));
    expect(appFilePath('app://wxtoken/', root)).toBe(path.join(root, 'index.html'));
    expect(appFilePath('app://wxtoken', root)).toBe(path.join(root, 'index.html'));
    expect(appFilePath('app://wxtoken/assets/index-abc.js?v=1#x', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(appFilePath('app://wxtoken/assets/a%20b.css', root)).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it.each(ATTACKS)('refuses %s', (url) => {
    expect(appFilePath(url, root)).toBeUndefined();
  });

  it('cannot leave the folder with Windows paths either', () => {
    const winRoot = 'C:\\Program Files\\wxtoken\\resources\\app.asar\\out\\renderer';
    expect(appFilePath('app://wxtoken/assets/x.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\x.js`);
    for (const url of ATTACKS) expect(appFilePath(url, winRoot, path.win32), url).toBeUndefined();
    expect(appFilePath('app://wxtoken/D:/x', winRoot, path.win32)).toBeUndefined();
    expect(appFilePath('app://wxtoken/%5c%5cserver%5cshare', winRoot, path.win32)).toBeUndefined();
  });

  it('is a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false });
  });
});

describe('serving app://', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'wxtoken-scheme-'));
  const renderer = path.join(base, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>wxtoken</title>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  symlinkSync(path.join(base, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('answers a file with its type, the CSP and nosniff', async () => {
    const page = await serveAppFile(APP_ENTRY_URL, renderer);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>wxtoken</title>');
    const script = await serveAppFile('app://wxtoken/assets/app.js', renderer);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal, a missing file, a folder, and a symlink that points out', async () => {
    for (const url of [
      'app://wxtoken/../secret.txt',
      'app://wxtoken/%2e%2e/secret.txt',
      'app://wxtoken/..%5csecret.txt',
      `app://wxtoken/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://wxtoken/missing.js',
      'app://wxtoken/assets',
      'app://wxtoken/assets/link.txt',
    ]) {
      const response = await serveAppFile(url, renderer);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('SECRET');
    }
  });
});
