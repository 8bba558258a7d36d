import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appError } from '../../../../src/shared/errors/errors';
import type { AccountView } from '../../../../src/shared/models';
import { fail, ok } from '../../../../src/shared/result';
import { copyNotice, trayMenuTemplate } from '../../../../src/main/desktop/tray/tray-menu';

const account = (name: string, hasSecret = true): AccountView => ({
  name,
  kind: 'oa',
  appid: 'wx0123456789abcdef',
  mode: 'stable',
  apiBase: 'https://api.weixin.qq.com',
  createdAt: '2024-01-01T00:00:00.000Z',
  hasSecret,
});

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('the tray menu', () => {
  it('offers a copy per account, then open window and quit (zh-CN)', () => {
    const actions = { copy: vi.fn(), open: vi.fn(), quit: vi.fn() };
    const menu = trayMenuTemplate([account('生产号'), account('test-mp')], 'zh-CN', actions);
    expect(menu.map((m) => m.label ?? m.type)).toEqual(['复制 token：生产号', '复制 token：test-mp', 'separator', '打开窗口', '退出']);
    click(menu[1]);
    expect(actions.copy).toHaveBeenCalledWith('test-mp');
    click(menu[3]);
    click(menu[4]);
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('is in English when asked', () => {
    const menu = trayMenuTemplate([account('demo')], 'en', { copy: vi.fn(), open: vi.fn(), quit: vi.fn() });
    expect(menu.map((m) => m.label ?? m.type)).toEqual(['Copy token: demo', 'separator', 'Open window', 'Quit']);
  });

  it('disables accounts without a stored secret and says why', () => {
    const menu = trayMenuTemplate([account('nosecret', false)], 'en', { copy: vi.fn(), open: vi.fn(), quit: vi.fn() });
    expect(menu[0]).toMatchObject({ label: 'nosecret (no AppSecret stored)', enabled: false });
  });

  it('says when there are no accounts, and still opens and quits', () => {
    const menu = trayMenuTemplate([], 'zh-CN', { copy: vi.fn(), open: vi.fn(), quit: vi.fn() });
    expect(menu[0]).toMatchObject({ label: '还没有账号', enabled: false });
    expect(menu.slice(-2).map((m) => m.label)).toEqual(['打开窗口', '退出']);
  });

  it('tells how a copy went without ever showing the token', () => {
    expect(copyNotice('demo', ok({ clearAfterSeconds: 30 }), 'zh-CN')).toBe('已复制 demo 的 token，30 秒后清除剪贴板');
    expect(copyNotice('demo', ok({ clearAfterSeconds: 0 }), 'en')).toBe('Copied the token of demo');
    expect(copyNotice('demo', fail(appError('secret_missing')), 'en')).toBe('demo: The keychain holds no AppSecret for this account');
  });
});
