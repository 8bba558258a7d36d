/**
 * A real redis-server for one test file: on a random loopback port, with a password and no persistence,
 * optionally with an ACL user, TLS (a CA and a server certificate made here with openssl), or as a
 * 3-master cluster. Never the system's Redis service. `stop()` kills every process and removes the folder.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './http/free-port';

const run = promisify(execFile);

export interface RedisFixtureOptions {
  /** Default: a random one. */
  password?: string;
  /** An ACL user with every right (its password: `user.password`). */
  user?: { name: string; password: string };
  /** Serve TLS only (no plain port), with a certificate for 127.0.0.1 and localhost signed by `ca`. */
  tls?: boolean;
  /** Three masters, slots spread by `redis-cli --cluster create`. */
  cluster?: boolean;
}

export interface RedisFixture {
  host: string;
  /** The first (or only) node's port. */
  port: number;
  ports: number[];
  password: string;
  /** `redis://127.0.0.1:PORT` or `rediss://…` (no credentials in it). */
  url: string;
  /** The CA certificate (PEM) and its file, when `tls`. */
  ca?: string;
  caFile?: string;
  dir: string;
  /** redis-cli against the first node (with the password), for a test to set up keys. */
  cli(...args: string[]): Promise<string>;
  /** SIGSTOP / SIGCONT to every node: a Redis that accepts connections and never answers. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

interface Node {
  port: number;
  child: ChildProcess;
  exited: Promise<void>;
}

/** A port that is free now, with port + 10000 (a cluster node's bus port) free too. */
async function redisPort(forCluster: boolean): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = forCluster ? 20_000 + Math.floor(Math.random() * 30_000) : await freePort();
    if (!(await isFree(port))) continue;
    if (forCluster && !(await isFree(port + 10_000))) continue;
    return port;
  }
  throw new Error('no free port found');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function makeCertificates(dir: string): Promise<{ ca: string; caFile: string; cert: string; key: string }> {
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.crt');
  const key = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const cert = join(dir, 'server.crt');
  const ext = join(dir, 'server.ext');
  const { writeFile, readFile } = await import('node:fs/promises');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', caFile, '-days', '2', '-subj', '/CN=wxtoken test CA']);
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=localhost']);
  await writeFile(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
  return { ca: await readFile(caFile, 'utf8'), caFile, cert, key };
}

/** Starts one redis-server and resolves once it says it accepts connections (its own log line, no sleep). */
function startNode(args: string[], port: number): Promise<Node> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (/Ready to accept connections/.test(log)) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ port, child, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server on ${port} exited (${code}): ${log.slice(-2000)}`)));
  });
}

export async function startRedis(options: RedisFixtureOptions = {}): Promise<RedisFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'wxtoken-redis-'));
  const password = options.password ?? randomBytes(12).toString('hex');
  const certs = options.tls ? await makeCertificates(dir) : undefined;
  const nodes: Node[] = [];
  const stopAll = async () => {
    for (const node of nodes) {
      node.child.kill('SIGKILL');
      await node.exited;
    }
  };
  try {
    const count = options.cluster ? 3 : 1;
    for (let i = 0; i < count; i++) {
      // A port picked free can be taken before redis binds it: try another.
      for (let attempt = 0; ; attempt++) {
        const port = await redisPort(Boolean(options.cluster));
        const args = [
          '--bind', '127.0.0.1',
          '--save', '',
          '--appendonly', 'no',
          '--dir', dir,
          '--requirepass', password,
          '--dbfilename', `dump-${port}.rdb`,
          '--loglevel', 'notice',
          ...(certs
            ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', certs.cert, '--tls-key-file', certs.key, '--tls-ca-cert-file', certs.caFile, '--tls-auth-clients', 'no', '--tls-cluster', options.cluster ? 'yes' : 'no', '--tls-replication', 'no']
            : ['--port', String(port)]),
          ...(options.user ? ['--user', options.user.name, 'on', `>${options.user.password}`, '~*', '&*', '+@all'] : []),
          ...(options.cluster ? ['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--masterauth', password] : []),
        ];
        try {
          nodes.push(await startNode(args, port));
          break;
        } catch (err) {
          if (attempt >= 3 || !/Address already in use/.test(String(err))) throw err;
        }
      }
    }
  } catch (err) {
    await stopAll();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  const ports = nodes.map((n) => n.port);
  const tlsArgs = certs ? ['--tls', '--cacert', certs.caFile] : [];
  const cliAt = async (port: number, args: string[]) => {
    const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...tlsArgs, '--no-auth-warning', '-a', password, ...args]);
    return stdout;
  };

  if (options.cluster) {
    try {
      await cliAt(ports[0], ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
      // `create` returns once the slots are assigned; every node must agree before clients can use them.
      for (const port of ports) {
        for (;;) {
          if (/cluster_state:ok/.test(await cliAt(port, ['cluster', 'info']))) break;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    } catch (err) {
      await stopAll();
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  return {
    host: '127.0.0.1',
    port: ports[0],
    ports,
    password,
    url: `${certs ? 'rediss' : 'redis'}://127.0.0.1:${ports[0]}`,
    ca: certs?.ca,
    caFile: certs?.caFile,
    dir,
    cli: (...args) => cliAt(ports[0], options.cluster ? ['-c', ...args] : args),
    pause: () => nodes.forEach((n) => n.child.kill('SIGSTOP')),
    resume: () => nodes.forEach((n) => n.child.kill('SIGCONT')),
    async stop() {
      await stopAll();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
