import { DEFAULT_SETTINGS, type AppInfo, type ServerStatus, type Settings } from '../../shared/models';
import type { Result } from '../../shared/result';
import type { MethodInput } from '../../shared/contract';
import type { Slice } from './types';

export interface SettingsSlice {
  settings: Settings;
  server?: ServerStatus;
  appInfo?: AppInfo;
  loadSettings(): Promise<void>;
  updateSettings(patch: MethodInput<'updateSettings'>): Promise<Result<Settings>>;
  applySettings(settings: Settings): void;
  applyServer(server: ServerStatus): void;
}

export const createSettingsSlice: Slice<SettingsSlice> = (api) => (set, get) => ({
  settings: DEFAULT_SETTINGS,
  async loadSettings() {
    const [info, settings, server] = await Promise.all([api.appInfo({}), api.getSettings({}), api.serverStatus({})]);
    set({
      ...(info.ok ? { appInfo: info.value } : {}),
      ...(settings.ok ? { settings: settings.value } : {}),
      ...(server.ok ? { server: server.value } : {}),
    });
    if (!settings.ok) get().toast({ error: settings.error });
  },
  async updateSettings(patch) {
    const result = await api.updateSettings(patch);
    if (result.ok) {
      set({ settings: result.value });
      if (patch.serverEnabled !== undefined || patch.serverPort !== undefined) {
        const server = await api.serverStatus({});
        if (server.ok) set({ server: server.value });
      }
    }
    return result;
  },
  applySettings: (settings) => set({ settings }),
  applyServer: (server) => set({ server }),
});
