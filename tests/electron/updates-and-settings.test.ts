import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TerminalSettingsView } from '../../contracts/terminal-settings';
import { isQuietMoment, KIOSK_IDLE_MS } from '../../electron/quiet-moment';
import { SettingsFollower, type EventSocket } from '../../electron/settings-follower';
import { createShellUpdates } from '../../electron/shell-updates';
import { UpdateScheduler, type Updater } from '../../electron/update-scheduler';
import { FakeUpdateEngine, FakeWeb } from '../support/fake-update-feed';

const settings = (over: Partial<TerminalSettingsView> = {}): TerminalSettingsView => ({
  role: 'kiosk',
  name: '自助终端',
  hallUrl: null,
  kiosk: { elderModeDefault: false, voiceDefault: true, hiddenFlows: [] },
  printing: { a4Printer: null },
  updates: { url: null },
  backup: { folder: null, time: '02:30', keepDays: 30 },
  ...over,
});

/** Stands in for the host's event WebSocket (the `ws` client in main.ts). */
class FakeSocket implements EventSocket {
  message: ((text: string) => void) | undefined;
  close_: (() => void) | undefined;
  closed = false;
  onMessage(listener: (text: string) => void): void {
    this.message = listener;
  }
  onClose(listener: () => void): void {
    this.close_ = listener;
  }
  close(): void {
    this.closed = true;
  }
}

describe('shell-logic: following the terminal settings (role changes)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the settings again on hello, resync and a terminal settings change, and reports differences only', async () => {
    const sockets: FakeSocket[] = [];
    let stored = settings();
    const changes: string[] = [];
    const follower = new SettingsFollower({
      connect: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
      read: async () => stored,
      onChange: (next, previous) => changes.push(`${previous?.role ?? '-'}→${next.role}`),
    });
    await follower.refresh();
    follower.start();
    const send = async (message: object | string) => {
      sockets.at(-1)?.message?.(typeof message === 'string' ? message : JSON.stringify(message));
      await vi.advanceTimersByTimeAsync(0);
    };
    await send({ type: 'hello', seq: 1, bootId: 'b' });
    stored = settings({ role: 'display' });
    await send({ type: 'settings.changed', scope: 'hall', seq: 2, at: '2025-01-01T00:00:00Z' });
    expect(changes).toEqual(['-→kiosk']);
    await send({ type: 'settings.changed', scope: 'terminal', seq: 3, at: '2025-01-01T00:00:00Z' });
    expect(changes).toEqual(['-→kiosk', 'kiosk→display']);
    await send('not json');
    await send({ type: 'ticket.issued' });
    expect(follower.current()?.role).toBe('display');

    // The host restarts: the socket closes, the follower reconnects and reads again on hello.
    sockets.at(-1)?.close_?.();
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    stored = settings({ role: 'counter' });
    await send({ type: 'hello', seq: 1, bootId: 'c' });
    expect(changes.at(-1)).toBe('display→counter');
    follower.stop();
    expect(sockets.at(-1)?.closed).toBe(true);
  });

  it('keeps the last settings while the host does not answer', async () => {
    let fail = false;
    const follower = new SettingsFollower({
      connect: () => new FakeSocket(),
      read: async () => {
        if (fail) throw new Error('ECONNREFUSED');
        return settings({ role: 'technician' });
      },
      onChange: () => undefined,
    });
    await follower.refresh();
    fail = true;
    expect((await follower.refresh())?.role).toBe('technician');
  });
});

describe('shell-logic: updates at a quiet moment', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls a kiosk quiet after ten idle minutes, the other roles only at night', () => {
    expect(isQuietMoment({ role: 'kiosk', idleMs: KIOSK_IDLE_MS, localHour: 14 })).toBe(true);
    expect(isQuietMoment({ role: 'kiosk', idleMs: KIOSK_IDLE_MS - 1, localHour: 14 })).toBe(false);
    for (const role of ['display', 'counter', 'technician'] as const) {
      expect(isQuietMoment({ role, idleMs: 3_600_000, localHour: 14 })).toBe(false);
      expect(isQuietMoment({ role, idleMs: 120_000, localHour: 2 })).toBe(true);
    }
    expect(isQuietMoment({ role: 'counter', idleMs: 10_000, localHour: 2 })).toBe(false);
  });

  it('does nothing without a feed; with one, checks at once and every few hours, installs only when quiet', async () => {
    const calls: string[] = [];
    let quiet = false;
    const updater: Updater = {
      setFeed: (url) => calls.push(`feed ${url}`),
      check: async () => calls.push('check'),
      install: () => void calls.push('install'),
    };
    const scheduler = new UpdateScheduler({ updater, isQuiet: () => quiet, checkEveryMs: 1_000, quietPollMs: 100 });
    scheduler.configure(null);
    expect(scheduler.current().state).toBe('disabled');
    expect(calls).toEqual([]);

    scheduler.configure('http://192.168.1.10:8080/hall-kiosk/');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['feed http://192.168.1.10:8080/hall-kiosk/', 'check']);
    expect(scheduler.current()).toMatchObject({ state: 'idle' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.filter((c) => c === 'check')).toHaveLength(2);

    scheduler.available('1.2.0');
    expect(scheduler.current()).toMatchObject({ state: 'downloading', version: '1.2.0' });
    scheduler.downloaded('1.2.0');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).not.toContain('install');
    // No second download while one waits.
    expect(calls.filter((c) => c === 'check')).toHaveLength(2);
    quiet = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.filter((c) => c === 'install')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.filter((c) => c === 'install')).toHaveLength(1);
    scheduler.stop();
  });

  it('reports a failed check and stops when the technician clears the feed', async () => {
    const updater: Updater = {
      setFeed: () => undefined,
      check: async () => {
        throw new Error('getaddrinfo ENOTFOUND updates.hall');
      },
      install: () => undefined,
    };
    const scheduler = new UpdateScheduler({ updater, isQuiet: () => true, now: () => new Date('2025-03-01T08:00:00Z') });
    scheduler.configure('https://updates.hall/');
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.current()).toEqual({
      state: 'error',
      version: null,
      checkedAt: '2025-03-01T08:00:00.000Z',
      error: 'getaddrinfo ENOTFOUND updates.hall',
    });
    scheduler.configure(null);
    expect(scheduler.current().state).toBe('disabled');
  });
});

describe('shell-logic: signed updates in an unpackaged app', () => {
  it('asks the feed for nothing when electron-updater is inactive (npm start under Electron)', async () => {
    const web = new FakeWeb();
    const engine = new FakeUpdateEngine(web, '0.1.0');
    engine.isUpdaterActive = () => false;
    const updates = createShellUpdates({
      engine,
      isQuiet: () => true,
      beforeInstall: () => undefined,
      appVersion: '0.1.0',
      publicKey: 'unused',
      fetch: web.fetch,
    });
    updates.configure('https://updates.hall.example/hall-kiosk/');
    await vi.waitFor(() => expect(updates.current().state).toBe('idle'));
    updates.stop();
    expect(web.requested).toEqual([]);
  });
});
