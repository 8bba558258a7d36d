/** Helpers for tests that use the real keychain (run through scripts/run-tests.mjs). */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True inside scripts/run-tests.mjs: a private D-Bus session with an unlocked gnome-keyring. */
export const hasTestKeyring = (): boolean => process.env.WXTOKEN_TEST_KEYRING === '1';

/** A keychain service name no other test uses. */
export const uniqueService = (label = 'test'): string => `wxtoken-test-${label}-${randomUUID()}`;

/** Deletes every item stored under `service` (each test's service is its own, so this is all of them). */
export async function deleteService(service: string): Promise<number> {
  const keytar = await import('keytar');
  const items = await keytar.findCredentials(service);
  for (const item of items) await keytar.deletePassword(service, item.account);
  return items.length;
}

export interface HungDbus {
  /** A value for DBUS_SESSION_BUS_ADDRESS. */
  address: string;
  close(): Promise<void>;
}

/** A unix socket that accepts connections and never answers: a keychain that hangs. */
export async function startHungDbus(): Promise<HungDbus> {
  const dir = await mkdtemp(join(tmpdir(), 'wxtoken-hung-dbus-'));
  const path = join(dir, 'bus');
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => server.listen(path, resolve).on('error', reject));
  return {
    address: `unix:path=${path}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
