import { describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../../src/shared/contract';
import { DEFAULT_SETTINGS, resolveLanguage, type AccountView, type Settings } from '../../../../src/shared/models';
import { fail, ok } from '../../../../src/shared/result';
import { EventHub } from '../../../../src/main/core/event-hub';
import { copyNeedsFocus } from '../../../../src/main/desktop/clipboard/copy-token';
import { SettingsCell } from '../../../../src/main/desktop/launch/settings-cell';
import { setupTray } from '../../../../src/main/desktop/tray/tray';

/** Electron's tray and menu, recording what the user would see. */
const electron = vi.hoisted(() => {
  const state = { menus: [] as { label?: string; click?: () => void }[][], images: [] as { reps: number[]; template: boolean }[] };
  class Tray {
    constructor(image: { reps: number[]; template: boolean }) {
      state.images.push(image);
    }
    setToolTip() {}
    setContextMenu(menu: { label?: string; click?: () => void }[]) {
      state.menus.push(menu);
    }
    on() {}
    destroy() {}
  }
  const nativeImage = {
    createEmpty: () => {
      const image = { reps: [] as number[], template: false };
      return {
        ...image,
        addRepresentation(o: { scaleFactor: number }) {
          image.reps.push(o.scaleFactor);
          this.reps = image.reps;
        },
        setTemplateImage(v: boolean) {
          this.template = v;
        },
      };
    },
  };
  return { state, module: { Tray, nativeImage, Menu: { buildFromTemplate: (t: unknown) => t } } };
});
vi.mock('electron', () => electron.module);

const account: AccountView = { name: 'demo', appId: 'wx0000000000000001', kind: 'oa', hasSecret: true } as unknown as AccountView;
const lastLabels = () => electron.state.menus.at(-1)!.map((item) => item.label);

function wire(copyToken = async () => ok({ clearAfterSeconds: 30 })) {
  const hub = new EventHub();
  const settings = new SettingsCell({ ...DEFAULT_SETTINGS, language: 'zh-CN' } as Settings);
  const notices: string[] = [];
  const open = vi.fn();
  let wayland = false;
  const ready = setupTray({
    api: { listAccounts: async () => ok([account]), copyToken },
    lang: () => resolveLanguage(settings.current.language, 'en-US'),
    onEvent: (l) => hub.on(l),
    onSettingsChange: (l) => settings.onChange(l),
    notify: (body) => notices.push(body),
    copyNeedsWindow: () => wayland,
    open,
    quit: () => {},
    platform: 'linux',
  });
  // The cell starts following after the tray is up: the order used to decide which language the tray saw.
  const followed = ready.then((tray) => (settings.follow((l) => hub.on(l)), tray));
  return { hub, ready: followed, notices, open, setWayland: (v: boolean) => (wayland = v) };
}

describe('the tray', () => {
  it('rebuilds its menu in the language just chosen, not the one before', async () => {
    const { hub, ready } = wire();
    await ready;
    expect(lastLabels()).toContain('复制 token：demo');
    hub.emit({ name: 'settingsChanged', payload: { ...DEFAULT_SETTINGS, language: 'en' } } as AppEvent);
    expect(lastLabels()).toContain('Copy token: demo');
    expect(lastLabels()).toContain('Quit');
  });

  it('follows account changes', async () => {
    const { hub, ready } = wire();
    await ready;
    hub.emit({ name: 'accountsChanged', payload: [] } as AppEvent);
    expect(lastLabels()).toContain('还没有账号');
  });

  it('tells the outcome of a copy, and opens the window when the copy needs it (Wayland)', async () => {
    const { ready, notices, open, setWayland } = wire(async () => fail(copyNeedsFocus()));
    await ready;
    setWayland(true);
    electron.state.menus.at(-1)![0].click!();
    await vi.waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toContain('Wayland');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('uses a 1x picture on Linux', async () => {
    await wire().ready;
    expect(electron.state.images.at(-1)).toMatchObject({ reps: [1], template: false });
  });
});
