/**
 * The settings the main process acts on. A change is stored first and only then told to the listeners
 * (the menu, the tray, the server switch), so each of them sees the new settings — before, the tray's own
 * `settingsChanged` listener ran ahead of the one that stored them and rebuilt its menu in the old language.
 */
import type { AppEvent, EventListener } from '../../../shared/contract';
import type { Settings } from '../../../shared/models';

export class SettingsCell {
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private value: Settings) {}

  get current(): Settings {
    return this.value;
  }

  set(next: Settings): void {
    this.value = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Follows the core's `settingsChanged` events; returns the unsubscribe function. */
  follow(onEvent: (listener: EventListener) => () => void): () => void {
    return onEvent((event: AppEvent) => {
      if (event.name === 'settingsChanged') this.set(event.payload);
    });
  }
}
