/** The simulator's public shapes: other engineers code against these (see index.ts). */

export interface SimAccount {
  appid: string;
  secret: string;
  /** wecom: appid = corpid, secret = corpsecret. */
  kind: 'oa' | 'mp' | 'wecom';
  /** Seconds; overrides the simulator default (7200). */
  expiresIn?: number;
  /** Classic token fetches a day (default 2000), then 45009. */
  dailyQuota?: number;
  /** If set and the caller IP is not in it (single IPs or IPv4 CIDR): 40164 (wecom: 60020). */
  ipWhitelist?: string[];
  /** 40243 at the token endpoints. */
  frozen?: boolean;
  /** 89503 at the token endpoints. */
  needsAdminConfirm?: boolean;
  /** 61024 at the token endpoints. */
  component?: boolean;
}

export type Fault =
  | { kind: 'latency'; ms: number }
  /** errcode -1 `system error`. */
  | { kind: 'busy' }
  | { kind: 'http'; status: number }
  | { kind: 'nonjson' }
  | { kind: 'truncated' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  /** Answers `errcode` with an errmsg that echoes the secret (or access_token) the request carried. */
  | { kind: 'echo'; errcode: number };

export interface Simulator {
  /** e.g. http://127.0.0.1:43121 (use as the account's API base). */
  url: string;
  addAccount(a: SimAccount): void;
  /** Default lifetime for all accounts, seconds. */
  setExpiresIn(seconds: number): void;
  /** `times`: apply N times, then clear. `undefined` clears. */
  setFault(path: string | '*', fault: Fault | undefined, times?: number): void;
  /** Requests received on that path (faulted ones included; /__sim/ excluded). */
  count(path: string): number;
  counts(): Record<string, number>;
  resetCounts(): void;
  /** As if another process fetched a classic token long ago: the appid's current tokens fail 40001 now. */
  revokeTokens(appid: string): void;
  /** The appid's current tokens expire now: 42001. */
  expireTokens(appid: string): void;
  /** The caller IP checked against whitelists and reported in 40164/60020 (default: the socket's address). */
  callerIp?: string;
  /** Also destroys hung sockets. */
  close(): Promise<void>;
}

export interface SimulatorOptions {
  /** Default 0: any free port. Always on 127.0.0.1. */
  port?: number;
  /** Default token lifetime, seconds (7200). */
  expiresIn?: number;
  callerIp?: string;
  /** How long a superseded classic token stays valid, seconds (300). */
  overlapSeconds?: number;
  /** Stable force refreshes closer together than this are ignored, seconds (30). Tests lower it. */
  forceGapSeconds?: number;
  /** How long before expiry the platform renews a stable token, seconds (min(300, lifetime / 24)). */
  renewWindowSeconds?: number;
}
