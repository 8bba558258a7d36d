/** The application menu: standard roles (so copy/paste work in inputs), dev tools only in development. */
import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage as UiLang } from '../../shared/models';

export interface AppMenuOptions {
  lang: UiLang;
  /** `!app.isPackaged` or the dev server: adds reload and dev tools. */
  development: boolean;
  platform: NodeJS.Platform;
  appName: string;
}

const L = (lang: UiLang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

export function appMenuTemplate(o: AppMenuOptions): MenuItemConstructorOptions[] {
  const t = (zh: string, en: string) => L(o.lang, zh, en);
  const mac = o.platform === 'darwin';
  const menu: MenuItemConstructorOptions[] = [];
  if (mac) {
    menu.push({
      label: o.appName,
      submenu: [
        { role: 'about', label: t('关于 wxtoken', 'About wxtoken') },
        { type: 'separator' },
        { role: 'hide', label: t('隐藏', 'Hide') },
        { role: 'hideOthers', label: t('隐藏其他', 'Hide Others') },
        { role: 'unhide', label: t('全部显示', 'Show All') },
        { type: 'separator' },
        { role: 'quit', label: t('退出', 'Quit') },
      ],
    });
  } else {
    menu.push({ label: t('文件', 'File'), submenu: [{ role: 'quit', label: t('退出', 'Quit') }] });
  }
  menu.push({
    label: t('编辑', 'Edit'),
    submenu: [
      { role: 'undo', label: t('撤销', 'Undo') },
      { role: 'redo', label: t('重做', 'Redo') },
      { type: 'separator' },
      { role: 'cut', label: t('剪切', 'Cut') },
      { role: 'copy', label: t('复制', 'Copy') },
      { role: 'paste', label: t('粘贴', 'Paste') },
      { role: 'selectAll', label: t('全选', 'Select All') },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t('实际大小', 'Actual Size') },
    { role: 'zoomIn', label: t('放大', 'Zoom In') },
    { role: 'zoomOut', label: t('缩小', 'Zoom Out') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('全屏', 'Toggle Full Screen') },
  ];
  if (o.development) {
    view.unshift(
      { role: 'reload', label: t('重新载入', 'Reload') },
      { role: 'toggleDevTools', label: t('开发者工具', 'Developer Tools') },
      { type: 'separator' },
    );
  }
  menu.push({ label: t('视图', 'View'), submenu: view });
  menu.push({
    label: t('窗口', 'Window'),
    submenu: mac
      ? [{ role: 'minimize', label: t('最小化', 'Minimize') }, { role: 'zoom', label: t('缩放', 'Zoom') }, { role: 'front', label: t('全部置于顶层', 'Bring All to Front') }]
      : [{ role: 'minimize', label: t('最小化', 'Minimize') }, { role: 'close', label: t('关闭', 'Close') }],
  });
  return menu;
}
