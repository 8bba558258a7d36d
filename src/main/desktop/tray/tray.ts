/** The tray icon: its menu lists the accounts (copy a token), opens the window, quits; rebuilt on changes. */
import { Menu, Notification, Tray, nativeImage } from 'electron';
import type { ApiImpl, EventListener } from '../../../shared/contract';
import type { AccountView } from '../../../shared/models';
import { TRAY_ICON_PNG_BASE64 } from './tray-icon';
import { copyNotice, trayMenuTemplate } from './tray-menu';
import type { UiLanguage as UiLang } from '../../../shared/models';

export interface TrayDeps {
  api: Pick<ApiImpl, 'listAccounts' | 'copyToken'>;
  lang(): UiLang;
  onEvent(listener: EventListener): () => void;
  open(): void;
  quit(): void;
}

/** Undefined when the desktop has no tray (some Linux sessions): the window is then the only way in. */
export async function setupTray(d: TrayDeps): Promise<{ destroy(): void } | undefined> {
  let tray: Tray;
  try {
    tray = new Tray(nativeImage.createFromBuffer(Buffer.from(TRAY_ICON_PNG_BASE64, 'base64'), { scaleFactor: 2 }));
  } catch {
    return undefined;
  }
  tray.setToolTip('wxtoken');
  let accounts: AccountView[] = [];
  const copy = async (name: string) => {
    const result = await d.api.copyToken({ name });
    if (Notification.isSupported()) new Notification({ title: 'wxtoken', body: copyNotice(name, result, d.lang()), silent: true }).show();
  };
  const rebuild = () => {
    const template = trayMenuTemplate(accounts, d.lang(), { copy: (name) => void copy(name), open: d.open, quit: d.quit });
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  const listed = await d.api.listAccounts({});
  if (listed.ok) accounts = listed.value;
  rebuild();
  const off = d.onEvent((event) => {
    if (event.name === 'accountsChanged') accounts = event.payload;
    if (event.name === 'accountsChanged' || event.name === 'settingsChanged') rebuild();
  });
  tray.on('click', () => d.open());
  return {
    destroy: () => {
      off();
      tray.destroy();
    },
  };
}
