import type { Api, EventListener } from '../shared/contract';
import type { CopyResult } from '../shared/models';
import type { Result } from '../shared/result';

/** What the store talks to: the contract plus the few things only the page's host can decide. */
export interface ClientApi extends Api {
  onEvent(listener: EventListener): () => void;
  /** Copies an account's token the way this host can (main process, or the page's clipboard). */
  copyTokenToClipboard(name: string): Promise<Result<CopyResult>>;
  /** Copies a secret text from the page, clearing the clipboard after the user's setting if unchanged. */
  copySecretText(text: string): Promise<Result<CopyResult>>;
  /** The loopback server refused our key (HTTP 401). */
  onUnauthorized(listener: () => void): () => void;
  /** The event stream came back after a gap: state may have changed unseen. */
  onResync(listener: () => void): () => void;
  /** Resolves once events flow (at once for the desktop bridge), so nothing said before a load is missed. */
  eventsConnected(): Promise<void>;
}
