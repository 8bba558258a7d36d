/**
 * Where the keychain agent listens: a unix socket in the data folder, one per
 * keychain service and D-Bus session, so an agent only ever answers for the keychain the CLI itself would
 * reach. Imports only Node built-ins: the CLI's launcher uses it before loading anything else.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { privateDataHome } from '../storage/data-home';
import { AGENT_PROTOCOL } from './keychain-protocol';

/** sun_path is 104 bytes on macOS (108 on Linux), the terminating NUL included. */
const MAX_UNIX_SOCKET_PATH = 103;

export const keychainService = (service?: string, env: NodeJS.ProcessEnv = process.env): string =>
  service || env.WXTOKEN_KEYCHAIN_SERVICE || 'wxtoken';

/**
 * The agent's address, or undefined when there is to be no agent: `WXTOKEN_KEYCHAIN_AGENT=0`, Windows, a data
 * folder that does not exist yet or that someone else could write to (they could put their own socket there
 * and be sent the secrets), or a path too long for a unix socket.
 */
export function agentSocketPath(service?: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  if (env.WXTOKEN_KEYCHAIN_AGENT === '0') return undefined;
  // No agent on Windows: a named pipe is global, and another user could create its name first and be sent the
  // secrets (the default ACL does not stop that). Untestable here, so the per-run worker stays.
  if (platform === 'win32') return undefined;
  const home = privateDataHome(env, platform);
  if (!home) return undefined;
  const key = createHash('sha256')
    .update(JSON.stringify([AGENT_PROTOCOL, keychainService(service, env), env.DBUS_SESSION_BUS_ADDRESS ?? '']))
    .digest('hex')
    .slice(0, 16);
  const path = join(home, `keychain-${key}.sock`);
  return Buffer.byteLength(path) <= MAX_UNIX_SOCKET_PATH ? path : undefined;
}
