import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../../src/main/desktop/app-menu';
import { resolveLanguage as uiLanguage } from '../../../src/shared/models';

const roles = (menu: MenuItemConstructorOptions[]): string[] =>
  menu.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('the application menu', () => {
  it('has the edit roles, so copy and paste work in inputs', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const r = roles(appMenuTemplate({ lang: 'en', development: false, platform, appName: 'wxtoken' }));
      expect(r).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
    }
  });

  it('offers dev tools and reload only in development', () => {
    const packaged = roles(appMenuTemplate({ lang: 'en', development: false, platform: 'linux', appName: 'wxtoken' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    const dev = roles(appMenuTemplate({ lang: 'en', development: true, platform: 'linux', appName: 'wxtoken' }));
    expect(dev).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('speaks the chosen language', () => {
    const zh = appMenuTemplate({ lang: 'zh-CN', development: false, platform: 'win32', appName: 'wxtoken' });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    const en = appMenuTemplate({ lang: 'en', development: false, platform: 'darwin', appName: 'wxtoken' });
    expect(en.map((m) => m.label)).toEqual(['wxtoken', 'Edit', 'View', 'Window']);
  });

  it('follows the setting, or the OS locale for "system"', () => {
    expect(uiLanguage('system', 'zh-CN')).toBe('zh-CN');
    expect(uiLanguage('system', 'zh-TW')).toBe('zh-CN');
    expect(uiLanguage('system', 'en-US')).toBe('en');
    expect(uiLanguage('en', 'zh-CN')).toBe('en');
    expect(uiLanguage('zh-CN', 'de')).toBe('zh-CN');
  });
});
