/**
 * The contract as the desktop app serves it (IPC: the main process copies) and as its loopback server
 * serves it (HTTP: the browser copies itself, so copyToken is unsupported there).
 */
import type { ApiImpl } from '../../shared/contract';
import type { ServerStatus } from '../../shared/models';
import { ok } from '../../shared/result';
import type { ClipboardGuard } from './clipboard/clipboard-guard';
import { makeCopyToken } from './clipboard/copy-token';
import { hostApi, type Core } from '../core/core';
import { httpHostParts } from '../server/host-parts';

export interface DesktopApis {
  /** For the window (IPC) and the tray. */
  ipc: ApiImpl;
  /** For the loopback server the settings switch starts. */
  http: ApiImpl;
}

export function desktopApis(core: Core, version: string, guard: Pick<ClipboardGuard, 'copy'>, serverStatus: () => ServerStatus): DesktopApis {
  return {
    ipc: hostApi(core, {
      appInfo: async () => ok({ host: 'electron', version, copiesInMain: true }),
      copyToken: makeCopyToken(core.api, guard),
      serverStatus: async () => ok(serverStatus()),
    }),
    http: hostApi(core, httpHostParts(version, serverStatus)),
  };
}
