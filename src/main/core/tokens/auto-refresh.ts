/**
 * Long-lived hosts (the desktop app, `wxtoken serve`) refresh each cached token ahead of its expiry, so a
 * copied token keeps working and nobody waits for a fetch. A failed refresh is tried again shortly while the
 * old token is still valid (the engine keeps serving it meanwhile).
 */
import type { Clock } from '../types';

export interface AutoRefreshDeps {
  names(): Promise<string[]>;
  dueAt(name: string): Promise<number | undefined>;
  /** Resolves whether trying again later could help (false for a wrong secret, 40164, 45009 …). */
  refresh(name: string): Promise<boolean>;
  now?: Clock;
  /** Wait after a refresh that left the token due (e.g. a failure). */
  retryMs?: number;
}

/** Consecutive failed refreshes of one account before it waits for the user (or a fresh token) instead. */
const MAX_FAILURES = 10;

/** setTimeout's delay is a signed 32-bit number of ms: longer waits are chained. */
const MAX_TIMER_MS = 2_147_000_000;

export class AutoRefresher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(private readonly deps: AutoRefreshDeps) {}

  async start(): Promise<void> {
    const names = await this.deps.names().catch(() => []);
    for (const name of names) await this.schedule(name);
  }

  /** Plans (or re-plans) one account's next refresh from its cached token. */
  async schedule(name: string): Promise<void> {
    this.cancel(name);
    if (this.stopped) return;
    // A locked keychain (the cache key lives there) must not stop the host: just plan nothing now.
    const due = await this.deps.dueAt(name).catch(() => undefined);
    // Another schedule() for this account may have run while this one waited.
    this.cancel(name);
    if (due === undefined || this.stopped) return;
    const now = (this.deps.now ?? Date.now)();
    const delay = Math.max(0, due - now);
    const timer = setTimeout(() => void this.fire(name, due), Math.min(delay, MAX_TIMER_MS));
    timer.unref();
    this.timers.set(name, timer);
  }

  cancel(name: string): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  stop(): void {
    this.stopped = true;
    for (const name of [...this.timers.keys()]) this.cancel(name);
  }

  private async fire(name: string, due: number): Promise<void> {
    this.timers.delete(name);
    if (this.stopped) return;
    const now = (this.deps.now ?? Date.now)();
    const worthRetry = now >= due ? await this.deps.refresh(name).catch(() => false) : true;
    const next = await this.deps.dueAt(name).catch(() => undefined);
    if (next !== undefined && next <= (this.deps.now ?? Date.now)()) {
      const failures = (this.failures.get(name) ?? 0) + 1;
      this.failures.set(name, failures);
      if (!worthRetry || failures > MAX_FAILURES) return;
      const timer = setTimeout(() => void this.fire(name, next), this.deps.retryMs ?? 30_000);
      timer.unref();
      this.timers.set(name, timer);
      return;
    }
    this.failures.delete(name);
    await this.schedule(name);
  }
}
