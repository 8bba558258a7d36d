import type { AppEvent, EventListener } from '../../shared/contract';

/** Fans the core's events out to every host (IPC window, SSE clients, the tray). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed window, a dropped socket) must not stop the others.
      }
    }
  }
}
