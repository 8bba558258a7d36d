/**
 * Long-lived hosts (desktop app, serve) subscribe to each team Redis their shared accounts use: when a member
 * stores a new token (or JS-SDK ticket), this machine takes it in at once and every open window and `/v1/token` switch to it,
 * without polling. A subscription that drops is opened again a little later.
 */
import type { Account } from '../../../../shared/models';
import { openRedis } from '../../redis/redis-client';
import type { RedisStore } from '../../redis/redis-store';
import { resolveRedis } from '../../redis/redis-target';
import type { SecretStore } from '../../types';
import { shareKeys, ticketShareKeys } from './share-keys';

const TICKET_TYPES = ['jsapi', 'wx_card', 'agent_config'] as const;

const REOPEN_MS = 5_000;

export interface ShareWatchDeps {
  accounts(): Promise<Account[]>;
  redis: RedisStore;
  secrets: SecretStore;
  adopt(name: string): Promise<unknown>;
  /** A new ticket: only types the account's kind has are ever published for it. */
  adoptTicket?(name: string, type: (typeof TICKET_TYPES)[number]): Promise<unknown>;
}

export class ShareWatcher {
  private readonly open = new Map<string, { close(): void }>();
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly deps: ShareWatchDeps) {}

  /** Subscribes to every Redis a shared account uses now, and drops the rest. */
  async sync(): Promise<void> {
    if (this.stopped) return;
    const shared = (await this.deps.accounts()).filter((a) => a.source?.type === 'share');
    const wanted = new Set(shared.map((a) => (a.source as { redis: string }).redis));
    for (const [name, sub] of this.open) {
      if (!wanted.has(name)) {
        sub.close();
        this.open.delete(name);
      }
    }
    await Promise.all([...wanted].filter((name) => !this.open.has(name)).map((name) => this.subscribe(name)));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const sub of this.open.values()) sub.close();
    this.open.clear();
  }

  private async subscribe(name: string): Promise<void> {
    const resolved = await resolveRedis(this.deps.redis, this.deps.secrets, name).catch(() => undefined);
    if (!resolved?.ok) return this.later();
    const prefix = resolved.value.connection.prefix ?? '';
    try {
      const { redis, close } = await openRedis(resolved.value.target);
      if (this.stopped) return close();
      this.open.set(name, { close });
      redis.client.on('message', (_channel: string, tag: string) => void this.changed(name, prefix, tag));
      redis.client.on('end', () => {
        if (this.open.get(name)?.close === close) this.open.delete(name);
        this.later();
      });
      await redis.client.subscribe(shareKeys({ kind: 'oa', mode: 'stable', appid: 'x' }, prefix).channel);
    } catch {
      this.later();
    }
  }

  private async changed(redisName: string, prefix: string, tag: string): Promise<void> {
    const accounts = await this.deps.accounts().catch(() => []);
    for (const a of accounts) {
      if (a.source?.type !== 'share' || a.source.redis !== redisName) continue;
      if (shareKeys(a, prefix).tag === tag) await this.deps.adopt(a.name).catch(() => undefined);
      const type = TICKET_TYPES.find((t) => ticketShareKeys(a, t, prefix).tag === tag);
      if (type) await this.deps.adoptTicket?.(a.name, type).catch(() => undefined);
    }
  }

  private later(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sync();
    }, REOPEN_MS);
    this.timer.unref();
  }
}
