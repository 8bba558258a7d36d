/**
 * The CLI's line to the process that makes its keychain calls: the user's keychain agent if one is running
 * (a unix socket, see keychain-agent-socket.ts), else a worker forked for this run (keychain-worker.ts), which
 * then stays on as the agent for the runs after it. Imports only Node built-ins, so the launcher stays small.
 */
import type { ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { agentSocketPath, keychainService } from './keychain-agent-socket';
import { AGENT_PROTOCOL, AGENT_SOCKET_ENV, type AgentHello, type KeychainOp, type KeychainReply, type KeychainRequest } from './keychain-protocol';

export interface KeychainLinkOptions {
  /** out/main/keychain-worker.js when built, the .ts source under tsx. */
  workerPath: string;
  service?: string;
  /** Items to read at once, while the CLI is still loading: the first `takePrefetched` of each gets the answer. */
  prefetch?: string[];
}

/** undefined: the line ended before the reply came. */
type Settle = (reply: KeychainReply | undefined) => void;

export class KeychainLink {
  private readonly service: string;
  private readonly pending = new Map<number, { request: KeychainRequest; settle: Settle }>();
  private readonly prefetched = new Map<string, Promise<KeychainReply | undefined>>();
  private nextId = 1;
  private socket?: Socket;
  private worker?: ChildProcess;
  /** The agent's pid, once it has said hello. */
  agentPid?: number;
  ended = false;

  constructor(private readonly options: KeychainLinkOptions) {
    this.service = keychainService(options.service);
    const path = agentSocketPath(options.service);
    if (path) this.connectAgent(path);
    else this.forkWorker(undefined);
    for (const item of options.prefetch ?? []) this.prefetched.set(item, this.request('get', [item]));
  }

  /** Sends one request; the promise settles with its reply, or undefined if the line ends first. */
  request(op: KeychainOp, args: string[]): Promise<KeychainReply | undefined> {
    const message = { id: this.nextId++, op, args };
    return new Promise((settle) => {
      if (this.ended) return settle(undefined);
      this.pending.set(message.id, { request: message, settle });
      this.send(message);
    });
  }

  /** The answer to an early read of `item`, once; undefined if there was none (or a write came since). */
  takePrefetched(item: string): Promise<KeychainReply | undefined> | undefined {
    const early = this.prefetched.get(item);
    this.prefetched.delete(item);
    return early;
  }

  forgetPrefetched(): void {
    this.prefetched.clear();
  }

  /** For a call that never came back: the process serving it may have a thread pinned forever, so it dies. */
  kill(): void {
    if (this.agentPid) {
      try {
        process.kill(this.agentPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.worker?.kill('SIGKILL');
    this.end();
  }

  /**
   * This run is done with the keychain: the agent lives on, and so does the worker (it becomes the agent, or
   * exits). A call of ours still unanswered is not known to be stuck; if it is, the worker kills itself.
   */
  release(): void {
    if (this.ended) return;
    if (this.worker?.connected) this.worker.disconnect();
    this.end();
  }

  private send(message: KeychainRequest): void {
    if (this.worker) {
      this.worker.send(message, (err) => {
        if (err) this.settle({ id: message.id } as KeychainReply, true);
      });
    } else {
      // Buffered until connected; if there is no agent after all, everything pending goes to a worker.
      this.socket?.write(`${JSON.stringify(message)}\n`);
    }
  }

  private settle(reply: KeychainReply, failed = false): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    waiting?.settle(failed ? undefined : reply);
  }

  private connectAgent(path: string): void {
    const socket = connect(path);
    this.socket = socket;
    let buffered = '';
    let hello = false;
    socket.setEncoding('utf8');
    socket.unref();
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const message = parse(line);
        if (!hello) {
          const said = (message as AgentHello | undefined)?.hello;
          if (!said || said.service !== this.service || said.protocol !== AGENT_PROTOCOL) return this.fallBack(socket, path);
          hello = true;
          this.agentPid = said.pid;
        } else if (message) {
          this.settle(message as KeychainReply);
        }
      }
    });
    // No agent (ENOENT), a stale socket (ECONNREFUSED: the worker forked now replaces it), or one that
    // hung up before saying hello: a worker of our own, as without an agent. After hello, the calls fail.
    socket.on('error', () => (hello ? this.end() : this.fallBack(socket, path)));
    socket.on('close', () => (hello ? this.end() : this.fallBack(socket, path)));
  }

  private fallBack(socket: Socket, path: string): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    socket.destroy();
    this.forkWorker(path);
    for (const { request } of this.pending.values()) this.send(request);
  }

  private forkWorker(agentPath: string | undefined): void {
    const fromSource = this.options.workerPath.endsWith('.ts');
    const env: NodeJS.ProcessEnv = { ...process.env, WXTOKEN_KEYCHAIN_SERVICE: this.service };
    if (agentPath) env[AGENT_SOCKET_ENV] = agentPath;
    else delete env[AGENT_SOCKET_ENV];
    // Loaded only now: most runs talk to the agent and never fork.
    const { fork } = process.getBuiltinModule('node:child_process');
    const worker = fork(this.options.workerPath, [], {
      // From source, the parent runs under tsx (`--import …/tsx`): the worker needs the same loader.
      execArgv: fromSource ? process.execArgv : [],
      env,
      // Its own session, no stdio of ours: as the agent it outlives this run, and must not keep a
      // `$(wxtoken token x)` waiting for a pipe to close, nor get this terminal's signals.
      detached: agentPath !== undefined,
      windowsHide: true,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
    });
    this.worker = worker;
    worker.on('error', () => worker.kill('SIGKILL'));
    worker.on('message', (reply: KeychainReply) => this.settle(reply));
    worker.on('exit', () => this.end());
    worker.on('disconnect', () => this.end());
    // An idle worker must not keep this process alive.
    worker.unref();
    worker.channel?.unref();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.socket?.destroy();
    for (const { settle } of this.pending.values()) settle(undefined);
    this.pending.clear();
  }
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
