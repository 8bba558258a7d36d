/** Finding, asking and ending the keychain agents a test's CLI runs left in a data folder. */
import { readdir, readFile } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AgentHello {
  pid: number;
  service: string;
  served: number;
}

/** The agent sockets in a data folder. */
export async function agentSockets(home: string): Promise<string[]> {
  const names = await readdir(home).catch(() => [] as string[]);
  return names.filter((n) => /^keychain-[0-9a-f]+\.sock$/.test(n)).map((n) => join(home, n));
}

/** What the agent at `path` says when connected to, or undefined if nothing answers there. */
export function hello(path: string): Promise<AgentHello | undefined> {
  return new Promise((resolve) => {
    const socket = connect(path);
    let line = '';
    const done = (value?: AgentHello) => {
      socket.destroy();
      resolve(value);
    };
    socket.setEncoding('utf8');
    socket.setTimeout(5_000, () => done());
    socket.on('data', (chunk: string) => {
      line += chunk;
      if (line.includes('\n')) done((JSON.parse(line.slice(0, line.indexOf('\n'))) as { hello: AgentHello }).hello);
    });
    socket.on('error', () => done());
    socket.on('close', () => done());
  });
}

/** Waits (up to `ms`) until `check` gives a value: for states that other processes reach in their own time. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The one agent serving a data folder, once it is listening. */
export async function waitForAgent(home: string, ms?: number): Promise<AgentHello & { path: string }> {
  return waitFor(
    'the keychain agent',
    async () => {
      for (const path of await agentSockets(home)) {
        const said = await hello(path);
        if (said) return { ...said, path };
      }
      return undefined;
    },
    ms,
  );
}

/** Whether a process has ended (a zombie counts: it runs nothing). */
export async function hasEnded(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat === undefined || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

/** Processes of this user running a keychain worker for the socket `path` (agents, or workers that will serve only their CLI). */
export async function workersFor(path: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const env = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (env.split('\0').includes(`WXTOKEN_KEYCHAIN_AGENT_SOCKET=${path}`) && !(await hasEnded(Number(entry)))) found.push(Number(entry));
  }
  return found;
}

/** Kills every keychain worker or agent that serves (or was to serve) a socket in `home`. */
export async function killAgents(home: string): Promise<void> {
  const prefix = `WXTOKEN_KEYCHAIN_AGENT_SOCKET=${join(home, 'keychain-')}`;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const env = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (!env.split('\0').some((v) => v.startsWith(prefix))) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

export interface DbusProxy {
  /** A value for DBUS_SESSION_BUS_ADDRESS: the test run's session bus, through this proxy. */
  address: string;
  /** From now on nothing gets through either way: every keychain call through the proxy hangs. */
  hang(): void;
  close(): Promise<void>;
}

/** The real session bus (the test's private keyring) behind a proxy that a test can make hang. */
export async function startDbusProxy(): Promise<DbusProxy> {
  const bus = /unix:path=([^,]+)/.exec(process.env.DBUS_SESSION_BUS_ADDRESS ?? '')?.[1];
  if (!bus) throw new Error('no unix:path session bus to proxy');
  const dir = await mkdtemp(join(tmpdir(), 'wxtoken-dbus-proxy-'));
  const path = join(dir, 'bus');
  const sockets = new Set<Socket>();
  let hung = false;
  const server = createServer((client) => {
    const upstream = connect(bus);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(from);
      from.on('data', (chunk: Buffer) => {
        if (!hung) to.write(chunk);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve, reject) => server.listen(path, resolve).on('error', reject));
  return {
    address: `unix:path=${path}`,
    hang: () => {
      hung = true;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
