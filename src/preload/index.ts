/**
 * The page's only way to the main process: one named function per contract method, each an `invoke`
 * on its own channel, and one event stream. `ipcRenderer` itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, IPC_EVENT_CHANNEL, IPC_PREFIX, methodNames, type AppEvent, type Bridge, type EventListener } from '../shared/contract';

function buildBridge(): Bridge {
  const calls: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) {
    // Only the input crosses: never the event object or any extra argument the page passes.
    calls[name] = (input?: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input);
  }
  const onEvent = (listener: EventListener): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  };
  return { ...(calls as unknown as Omit<Bridge, 'onEvent'>), onEvent };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, buildBridge());
