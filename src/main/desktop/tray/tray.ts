/** The tray icon: its menu lists the accounts (copy a token), opens the window, quits; rebuilt on changes. */
import { Menu, Tray, nativeImage } from 'electron';
import type { ApiImpl, EventListener } from '../../../shared/contract';
import type { AccountView, Settings } from '../../../shared/models';
import { trayIconSpec } from './tray-icon';
import { copyNotice, trayMenuTemplate } from './tray-menu';
import type { UiLanguage as UiLang } from '../../../shared/models';

export interface TrayDeps {
  api: Pick<ApiImpl, 'listAccounts' | 'copyToken'>;
  lang(): UiLang;
  onEvent(listener: EventListener): () => void;
  /** Called after the new settings are stored (settings-cell.ts), so the menu is rebuilt in the new language. */
  onSettingsChange(listener: (settings: Settings) => void): () => void;
  /** Shows the copy's outcome (notify.ts). */
  notify(body: string): void;
  /** True where a copy can only be made from the focused window (Wayland): a failed copy then opens it. */
  copyNeedsWindow(): boolean;
  open(): void;
  quit(): void;
  platform: NodeJS.Platform;
}

export function trayImage(platform: NodeJS.Platform): Electron.NativeImage {
  const spec = trayIconSpec(platform);
  const image = nativeImage.createEmpty();
  for (const { scaleFactor, png } of spec.representations) image.addRepresentation({ scaleFactor, buffer: Buffer.from(png, 'base64') });
  if (spec.template) image.setTemplateImage(true);
  return image;
}

/** Undefined when no tray could be created: the window is then the only way in. */
export async function setupTray(d: TrayDeps): Promise<{ destroy(): void } | undefined> {
  let tray: Tray;
  try {
    tray = new Tray(trayImage(d.platform));
  } catch {
    return undefined;
  }
  tray.setToolTip('wxtoken');
  let accounts: AccountView[] = [];
  const copy = async (name: string) => {
    const result = await d.api.copyToken({ name });
    d.notify(copyNotice(name, result, d.lang()));
    if (!result.ok && d.copyNeedsWindow()) d.open();
  };
  const rebuild = () => {
    const template = trayMenuTemplate(accounts, d.lang(), { copy: (name) => void copy(name), open: d.open, quit: d.quit });
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  const listed = await d.api.listAccounts({});
  if (listed.ok) accounts = listed.value;
  rebuild();
  const offAccounts = d.onEvent((event) => {
    if (event.name !== 'accountsChanged') return;
    accounts = event.payload;
    rebuild();
  });
  const offSettings = d.onSettingsChange(rebuild);
  tray.on('click', () => d.open());
  return {
    destroy: () => {
      offAccounts();
      offSettings();
      tray.destroy();
    },
  };
}
