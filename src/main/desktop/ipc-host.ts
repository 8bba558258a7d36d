/**
 * The Electron IPC host, generic over the contract: one handler per method from one loop, each checking
 * that the caller is the app's own page, validating the input and returning the Result as data.
 */
import { IPC_EVENT_CHANNEL, IPC_PREFIX, methodNames, type ApiImpl, type AppEvent, type EventListener } from '../../shared/contract';
import { appError } from '../../shared/errors/errors';
import { fail } from '../../shared/result';
import { callContract } from '../call-contract';

/** What a handler learns about its caller (Electron's IpcMainInvokeEvent, narrowed). */
export interface InvokeEvent {
  /** Null when the frame navigated away or was destroyed before the call arrived. */
  senderFrame?: { url: string; parent: unknown } | null;
  /** The webContents the call came from. */
  sender?: { id: number } | null;
}

/** The part of `ipcMain` the host uses (a recording fake in unit tests). */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: InvokeEvent, input?: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export const foreignSender = () =>
  appError('unsupported', {
    message: { zh: '拒绝来自非本应用页面的调用', en: 'Refused a call from a page that is not the app' },
  });

export interface IpcHostOptions {
  ipc: IpcRegistrar;
  api: ApiImpl;
  /** True for a URL of the app's own page (see app-origin.ts). */
  isTrustedUrl(url: string): boolean;
  /** True for the webContents of the app's own window (not any other contents that loads the same URL). */
  isOwnContents(sender: { id: number }): boolean;
}

/** The caller is the main frame (not an iframe) of the app's own window, showing the app's own page. */
export function trustedSender(event: InvokeEvent, o: Pick<IpcHostOptions, 'isTrustedUrl' | 'isOwnContents'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !event.sender) return false;
  return o.isTrustedUrl(frame.url) && o.isOwnContents(event.sender);
}

/** Registers every contract method; returns a function that removes them again. */
export function registerIpcHost({ ipc, api, ...trust }: IpcHostOptions): () => void {
  const channels: string[] = [];
  for (const name of methodNames) {
    const channel = IPC_PREFIX + name;
    ipc.handle(channel, async (event, input) => {
      if (!trustedSender(event, trust)) return fail(foreignSender());
      return callContract(api, name, input);
    });
    channels.push(channel);
  }
  return () => channels.forEach((channel) => ipc.removeHandler(channel));
}

/** The part of WebContents events are pushed to. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, event: AppEvent): void;
}

/** Pushes every event to the page until the returned function is called or the page is gone. */
export function forwardEvents(onEvent: (listener: EventListener) => () => void, target: EventTarget): () => void {
  const off = onEvent((event) => {
    if (target.isDestroyed()) {
      off();
      return;
    }
    target.send(IPC_EVENT_CHANNEL, event);
  });
  return off;
}

