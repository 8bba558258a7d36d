import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { HOST_QUERIES, hasStatusNotifierHost, trayIsShown, type RunCommand } from '../../../../src/main/desktop/tray/status-notifier';
import { notify, type NotificationLike } from '../../../../src/main/desktop/tray/notify';
import { trayIconSpec } from '../../../../src/main/desktop/tray/tray-icon';

const answers = (byTool: Record<string, { ok: boolean; stdout: string }>): RunCommand => async (file) => byTool[file] ?? { ok: false, stdout: '' };

describe('is there a tray the desktop shows', () => {
  it('reads the StatusNotifierWatcher answer of gdbus or dbus-send', async () => {
    expect(await hasStatusNotifierHost(answers({ gdbus: { ok: true, stdout: '(<true>,)\n' } }))).toBe(true);
    expect(await hasStatusNotifierHost(answers({ gdbus: { ok: true, stdout: '(<false>,)\n' } }))).toBe(false);
    const dbusSendTrue = 'method return time=1 sender=:1.5 -> destination=:1.9 serial=7 reply_serial=2\n   variant       boolean true\n';
    expect(await hasStatusNotifierHost(answers({ 'dbus-send': { ok: true, stdout: dbusSendTrue } }))).toBe(true);
  });

  it('says no where nobody hosts status icons (plain GNOME), no tool is installed, or the answer is garbled', async () => {
    expect(await hasStatusNotifierHost(answers({}))).toBe(false);
    expect(await hasStatusNotifierHost(answers({ gdbus: { ok: true, stdout: 'nonsense' } }))).toBe(false);
    expect(await trayIsShown('linux', answers({}))).toBe(false);
    expect(await trayIsShown('win32', answers({}))).toBe(true);
    expect(await trayIsShown('darwin', answers({}))).toBe(true);
  });

  const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
  it.skipIf(!hasBus)(`asks a real session bus without a StatusNotifierWatcher and gets no${hasBus ? '' : ' (skipped: no session D-Bus)'}`, async () => {
    // The private test bus has no watcher: the real tools fail, and the answer is "no tray".
    for (const q of HOST_QUERIES) {
      let available = true;
      try {
        execFileSync('which', [q.file], { stdio: 'ignore' });
      } catch {
        available = false;
      }
      if (available) expect(() => execFileSync(q.file, q.args, { stdio: 'pipe', timeout: 5_000 })).toThrow();
    }
    expect(await hasStatusNotifierHost()).toBe(false);
  });
});

describe('notifications', () => {
  function fakeNotification() {
    const failed: (() => void)[] = [];
    const n: NotificationLike & { fail(): void; shown: number } = {
      shown: 0,
      on: (_event, listener) => void failed.push(listener as () => void),
      show() {
        this.shown++;
      },
      fail: () => failed.forEach((l) => l()),
    };
    return n;
  }

  it('fall back to a message box when the OS refuses them (unsigned macOS build: failed)', () => {
    const n = fakeNotification();
    const fallback = vi.fn();
    notify('Copied', { supported: () => true, create: () => n, fallback });
    expect(n.shown).toBe(1);
    expect(fallback).not.toHaveBeenCalled();
    n.fail();
    n.fail();
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(fallback).toHaveBeenCalledWith('Copied');
  });

  it('fall back at once where notifications are not supported', () => {
    const create = vi.fn();
    const fallback = vi.fn();
    notify('Copied', { supported: () => false, create, fallback });
    expect(create).not.toHaveBeenCalled();
    expect(fallback).toHaveBeenCalledWith('Copied');
  });
});

describe('the tray picture', () => {
  const pngSize = (base64: string) => {
    const png = Buffer.from(base64, 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };

  it('is a template image on macOS, 1x on Linux, 1x and 2x on Windows', () => {
    const mac = trayIconSpec('darwin');
    expect(mac.template).toBe(true);
    expect(mac.representations.map((r) => [r.scaleFactor, ...pngSize(r.png)])).toEqual([[1, 16, 16], [2, 32, 32]]);
    const linux = trayIconSpec('linux');
    expect(linux.template).toBe(false);
    expect(linux.representations.map((r) => [r.scaleFactor, ...pngSize(r.png)])).toEqual([[1, 16, 16]]);
    expect(trayIconSpec('win32').representations.map((r) => [r.scaleFactor, ...pngSize(r.png)])).toEqual([[1, 16, 16], [2, 32, 32]]);
  });
});
