/** Accounts, issued tokens and daily counters: everything the endpoints read and change. Real time. */
import { randomBytes } from 'node:crypto';
import { newAccountData, type AccountData } from './business/account-data';
import type { SimAccount } from './types';

export type TokenFlavour = 'classic' | 'stable' | 'wecom';

export interface IssuedToken {
  token: string;
  appid: string;
  kind: SimAccount['kind'];
  flavour: TokenFlavour;
  issuedAt: number;
  /** Epoch ms: past it the token fails 42001. */
  expiresAt: number;
  /** Epoch ms: superseded or revoked; past it the token fails 40001. */
  invalidAt?: number;
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; errcode: 40001 | 42001 };

/** Per appid, per Beijing day (WeChat's quotas reset at midnight UTC+8). */
export interface Usage {
  day: number;
  classicFetches: number;
  forceTimes: number[];
  /** Survives day changes and clear_quota: the 30 s rule is about time, not quota. */
  lastForceAt?: number;
  calls: Map<string, number>;
  clearMonth: number;
  clears: number;
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const beijingDay = (now: number) => Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS);
const beijingMonth = (now: number) => {
  const d = new Date(now + BEIJING_OFFSET_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

export class SimState {
  readonly accounts = new Map<string, SimAccount>();
  private readonly tokens = new Map<string, IssuedToken>();
  /** The current stable / WeCom token per appid. */
  private readonly current = new Map<string, string>();
  private readonly usages = new Map<string, Usage>();
  private readonly business = new Map<string, AccountData>();
  private seq = 0;

  constructor(
    public defaultExpiresIn: number,
    readonly overlapMs: number,
    readonly forceGapMs: number,
    readonly renewWindowSeconds?: number,
  ) {}

  addAccount(a: SimAccount): void {
    if (!a.appid || !a.secret || !['oa', 'mp', 'wecom'].includes(a.kind)) {
      throw new Error('SimAccount needs appid, secret and kind oa|mp|wecom');
    }
    if (a.expiresIn !== undefined && !(typeof a.expiresIn === 'number' && a.expiresIn > 0)) throw new Error('expiresIn must be > 0');
    if (a.dailyQuota !== undefined && !(Number.isInteger(a.dailyQuota) && a.dailyQuota >= 0)) throw new Error('dailyQuota must be an integer >= 0');
    if (a.ipWhitelist !== undefined && !(Array.isArray(a.ipWhitelist) && a.ipWhitelist.every((ip) => typeof ip === 'string'))) {
      throw new Error('ipWhitelist must be a list of IPs');
    }
    this.accounts.set(a.appid, { ...a });
  }

  lifetimeSeconds(appid: string): number {
    return this.accounts.get(appid)?.expiresIn ?? this.defaultExpiresIn;
  }

  issue(appid: string, flavour: TokenFlavour): IssuedToken {
    const now = Date.now();
    const account = this.accounts.get(appid);
    if (!account) throw new Error(`no account ${appid}`);
    this.seq += 1;
    // Real tokens look like `86_` + ~150 URL-safe characters.
    const token = `${80 + (this.seq % 20)}_${randomBytes(110).toString('base64url')}`;
    const issued: IssuedToken = {
      token,
      appid,
      kind: account.kind,
      flavour,
      issuedAt: now,
      expiresAt: now + this.lifetimeSeconds(appid) * 1000,
    };
    this.prune(now);
    this.tokens.set(token, issued);
    return issued;
  }

  /** A new classic token; the previous ones stay valid for the overlap, then fail 40001. */
  issueClassic(appid: string): IssuedToken {
    const now = Date.now();
    for (const t of this.tokens.values()) {
      if (t.appid === appid && t.flavour === 'classic' && t.invalidAt === undefined) t.invalidAt = now + this.overlapMs;
    }
    return this.issue(appid, 'classic');
  }

  /** The current stable / WeCom token, if it is still usable. */
  currentOf(appid: string, flavour: 'stable' | 'wecom'): IssuedToken | undefined {
    const token = this.current.get(`${flavour}:${appid}`);
    if (!token) return undefined;
    const check = this.check(token);
    return check.ok ? check.token : undefined;
  }

  setCurrent(t: IssuedToken): void {
    this.current.set(`${t.flavour}:${t.appid}`, t.token);
  }

  /** Ends a token now (force refresh). */
  invalidate(t: IssuedToken): void {
    t.invalidAt = Math.min(t.invalidAt ?? Infinity, Date.now());
  }

  check(token: string): TokenCheck {
    const t = this.tokens.get(token);
    if (!t) return { ok: false, errcode: 40001 };
    const now = Date.now();
    const invalidAt = t.invalidAt ?? Infinity;
    if (invalidAt <= now && invalidAt <= t.expiresAt) return { ok: false, errcode: 40001 };
    if (t.expiresAt <= now) return { ok: false, errcode: 42001 };
    return { ok: true, token: t };
  }

  /** Whole seconds left, at least 1 while valid. */
  remainingSeconds(t: IssuedToken): number {
    // Rounded: a token issued a millisecond ago still has its whole lifetime, as WeChat reports it.
    return Math.max(1, Math.round((Math.min(t.expiresAt, t.invalidAt ?? Infinity) - Date.now()) / 1000));
  }

  revoke(appid: string): void {
    const now = Date.now();
    for (const t of this.tokens.values()) {
      if (t.appid === appid && this.check(t.token).ok) t.invalidAt = now;
    }
  }

  expire(appid: string): void {
    const now = Date.now();
    for (const t of this.tokens.values()) {
      if (t.appid === appid && this.check(t.token).ok) t.expiresAt = now;
    }
  }

  /** The account's menu, rids and the like (see account-data.ts). */
  data(appid: string): AccountData {
    let d = this.business.get(appid);
    if (!d) this.business.set(appid, (d = newAccountData()));
    return d;
  }

  usage(appid: string): Usage {
    const now = Date.now();
    let u = this.usages.get(appid);
    if (!u) {
      u = { day: beijingDay(now), classicFetches: 0, forceTimes: [], calls: new Map(), clearMonth: beijingMonth(now), clears: 0 };
      this.usages.set(appid, u);
    }
    if (u.day !== beijingDay(now)) Object.assign(u, { day: beijingDay(now), classicFetches: 0, forceTimes: [], calls: new Map() });
    if (u.clearMonth !== beijingMonth(now)) Object.assign(u, { clearMonth: beijingMonth(now), clears: 0 });
    return u;
  }

  /** clear_quota: every daily counter back to zero, 10 times a month. False when the month's allowance is spent. */
  clearQuota(appid: string): boolean {
    const u = this.usage(appid);
    if (u.clears >= 10) return false;
    Object.assign(u, { clears: u.clears + 1, classicFetches: 0, forceTimes: [], calls: new Map() });
    return true;
  }

  /** Forgets tokens dead for over an hour once there are many (benchmarks fetch a lot). */
  private prune(now: number): void {
    if (this.tokens.size < 10_000) return;
    for (const [key, t] of this.tokens) {
      if (Math.min(t.expiresAt, t.invalidAt ?? Infinity) < now - 3_600_000) this.tokens.delete(key);
    }
  }
}
