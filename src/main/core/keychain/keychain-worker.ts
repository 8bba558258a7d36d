/**
 * A child process that makes keychain calls for the CLI. A keychain that never answers pins a libuv thread
 * until it does, and a process with such a thread cannot exit; in a child, the CLI simply kills it.
 *
 * Forked with AGENT_SOCKET_ENV, it is also the user's keychain agent: it listens on that socket, and once its
 * parent is done it stays to serve later CLI runs (each would otherwise fork a worker of its own), until it
 * has been idle for a while or its socket file is gone or taken over. Secrets travel over the IPC pipe and
 * the owner-only socket only: never an argument, a file or a log line.
 */
import { lstatSync, unlinkSync } from 'node:fs';
import keytar from 'keytar';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { AppFailure } from '../../../shared/result';
import { AGENT_PROTOCOL, AGENT_SOCKET_ENV, type AgentHello, type KeychainReply, type KeychainRequest } from './keychain-protocol';
import { KeytarSecretStore, keychainUnavailable } from './secret-store';

const IDLE_MS = Number(process.env.WXTOKEN_KEYCHAIN_AGENT_IDLE_MS) || 5 * 60_000;
/** Far past any CLI's timeout: a call this old is stuck, and so is this process (process.exit would hang). */
const STUCK_MS = 30_000;
/** A request line longer than this is not one of ours. */
const MAX_LINE = 1 << 20;

// The CLI bounds every call; this store only has to outlive it. keytar is loaded before anything is asked:
// this process exists for it (and a lazy import() of it raced with the agent's start under tsx).
const store = new KeytarSecretStore({ service: process.env.WXTOKEN_KEYCHAIN_SERVICE, timeoutMs: 3_600_000, keytar });

async function perform(request: KeychainRequest): Promise<KeychainReply> {
  const [item = '', value = ''] = request.args;
  const stuck = setTimeout(() => process.kill(process.pid, 'SIGKILL'), STUCK_MS);
  agent?.busy();
  try {
    const { op } = request;
    const result = op === 'get' ? store.get(item) : op === 'list' ? store.list() : op === 'set' ? store.set(item, value) : store.delete(item);
    return { id: request.id, ok: true, value: await result };
  } catch (err) {
    return { id: request.id, ok: false, error: (err instanceof AppFailure ? err : keychainUnavailable(err instanceof Error ? err.message : String(err))).error };
  } finally {
    clearTimeout(stuck);
  }
}

process.on('message', async (request: KeychainRequest) => process.send?.(await perform(request)));
process.on('disconnect', () => {
  if (!agent || agent.state === 'stopped') process.exit(0);
});

class Agent {
  private readonly server: Server;
  private inode?: number;
  private idle?: NodeJS.Timeout;
  private watch?: NodeJS.Timeout;
  private retried = false;
  /** Requests answered over the socket, told in every hello (how a test sees that the agent answered). */
  private served = 0;
  /** active: listening on its socket, and the socket still its own. */
  state: 'starting' | 'active' | 'stopped' = 'starting';

  constructor(private readonly path: string) {
    this.server = createServer((socket) => this.serve(socket));
    this.server.on('error', (err: NodeJS.ErrnoException) => void this.onListenError(err));
    this.listen();
  }

  busy(): void {
    if (this.state !== 'active') return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
  }

  private listen(): void {
    // Owner-only from the moment it exists (binding a unix socket is synchronous).
    const umask = process.umask(0o177);
    try {
      this.server.listen(this.path, () => {
        this.inode = lstatSync(this.path).ino;
        this.state = 'active';
        this.busy();
        // Another agent that took the socket over (or the folder's removal) ends this one.
        this.watch = setInterval(() => {
          if (inodeOf(this.path) !== this.inode) this.stop();
        }, 1_000);
        this.watch.unref();
      });
    } finally {
      process.umask(umask);
    }
  }

  private async onListenError(err: NodeJS.ErrnoException): Promise<void> {
    // A socket file is there: a live agent (then this worker only serves its parent), or a stale file
    // left by one that was killed, which this one replaces once.
    if (err.code === 'EADDRINUSE' && !this.retried && !(await answers(this.path))) {
      this.retried = true;
      try {
        unlinkSync(this.path);
      } catch {
        // someone else removed it first
      }
      return this.listen();
    }
    this.state = 'stopped';
    if (!process.connected) process.exit(0);
  }

  private serve(socket: Socket): void {
    this.busy();
    const hello: AgentHello = { hello: { pid: process.pid, service: store.service, protocol: AGENT_PROTOCOL, served: this.served } };
    socket.write(`${JSON.stringify(hello)}\n`);
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    let buffered = '';
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > MAX_LINE) return socket.destroy();
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        let request: KeychainRequest;
        try {
          request = JSON.parse(line) as KeychainRequest;
        } catch {
          return socket.destroy();
        }
        void perform(request).then((reply) => {
          this.served++;
          if (socket.writable) socket.write(`${JSON.stringify(reply)}\n`);
        });
      }
    });
  }

  /** Stops taking new connections; ends once those open are closed and its parent (if any) is done. */
  private stop(): void {
    if (this.state !== 'active') return;
    this.state = 'stopped';
    clearTimeout(this.idle);
    clearInterval(this.watch);
    const exitIfDone = () => !process.connected && process.exit(0);
    // Closing the server unlinks its path (libuv does): only while the file there is still this one's.
    if (inodeOf(this.path) === this.inode) this.server.close(exitIfDone);
    else exitIfDone();
  }
}

function inodeOf(path: string): number | undefined {
  try {
    return lstatSync(path).ino;
  } catch {
    return undefined;
  }
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.on('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
}

const agentPath = process.env[AGENT_SOCKET_ENV];
const agent = agentPath ? new Agent(agentPath) : undefined;
