/**
 * The desktop app's "loopback server" setting: starts or stops the same server as `wxtoken serve`,
 * one change at a time, and reports every change of state.
 */
import type { ServerStatus, Settings } from '../../shared/models';
import { appError, withDetail } from '../../shared/errors/errors';
import { fail, ok, type Result } from '../../shared/result';

export interface RunningServer {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  /** The key the settings show (in the URL to open): the whole contract. Scripts use server.json's token key. */
  uiKey: string;
  close(): Promise<void>;
}

export type StartServer = (port: number) => Promise<RunningServer>;

export class ServerSwitch {
  private server?: RunningServer;
  /** The port asked for (0 = any), to tell a port change from a no-op. */
  private requestedPort = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly start: StartServer,
    private readonly emit: (status: ServerStatus) => void,
  ) {}

  status(): ServerStatus {
    const s = this.server;
    return s ? { running: true, url: `${s.origin}/`, port: s.port, key: s.uiKey } : { running: false };
  }

  /** Brings the server in line with the settings; changes are applied in the order they came. */
  apply(settings: Pick<Settings, 'serverEnabled' | 'serverPort'>): Promise<Result<ServerStatus>> {
    const next = this.queue.then(() => this.applyNow(settings));
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): Promise<Result<ServerStatus>> {
    return this.apply({ serverEnabled: false, serverPort: 0 });
  }

  private async applyNow({ serverEnabled, serverPort }: Pick<Settings, 'serverEnabled' | 'serverPort'>): Promise<Result<ServerStatus>> {
    const running = this.server;
    if (running && serverEnabled && serverPort === this.requestedPort) return ok(this.status());
    if (!running && !serverEnabled) return ok(this.status());
    if (running) {
      this.server = undefined;
      await running.close().catch(() => undefined);
      if (!serverEnabled) {
        this.emit(this.status());
        return ok(this.status());
      }
    }
    try {
      this.server = await this.start(serverPort);
      this.requestedPort = serverPort;
    } catch (err) {
      this.emit(this.status());
      // The reason (e.g. EADDRINUSE) helps the user pick another port; it holds no secret.
      const reason = (err as NodeJS.ErrnoException)?.code ?? 'start failed';
      return fail(
        appError('internal', {
          message: withDetail({ zh: '无法启动本地服务', en: 'Could not start the loopback server' }, `${reason}, port ${serverPort}`),
          next: { zh: '换一个端口（0 表示任意空闲端口）后重试', en: 'Pick another port (0 = any free port) and try again' },
        }),
      );
    }
    this.emit(this.status());
    return ok(this.status());
  }
}
