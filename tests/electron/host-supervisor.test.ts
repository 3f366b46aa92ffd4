import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostSupervisor, type HostChild, type HostState } from '../../electron/host-supervisor';

/** Stands in for the host's utility process (no Electron binary here): exits when told to. */
class FakeHostProcess implements HostChild {
  killed = false;
  private listener: ((code: number | null) => void) | undefined;
  onExit(listener: (code: number | null) => void): void {
    this.listener = listener;
  }
  kill(): void {
    this.killed = true;
    this.exit(null);
  }
  exit(code: number | null): void {
    const listener = this.listener;
    this.listener = undefined;
    listener?.(code);
  }
}

describe('shell-logic: host supervisor restart logic (fake host process)', () => {
  let spawned: FakeHostProcess[];
  let healthy: boolean;
  let states: Array<{ state: HostState; delayMs?: number }>;
  let supervisor: HostSupervisor;

  beforeEach(() => {
    vi.useFakeTimers();
    spawned = [];
    healthy = true;
    states = [];
    supervisor = new HostSupervisor({
      spawn: () => {
        const child = new FakeHostProcess();
        spawned.push(child);
        return child;
      },
      healthy: async () => healthy,
      onState: (state, detail) => states.push({ state, ...(detail.delayMs === undefined ? {} : { delayMs: detail.delayMs }) }),
      startTimeoutMs: 5_000,
      watchMs: 1_000,
      stableMs: 60_000,
    });
  });
  afterEach(() => {
    supervisor.stop();
    vi.useRealTimers();
  });

  it('starts the host and is ready once its health answers', async () => {
    healthy = false;
    supervisor.start();
    let ready = false;
    void supervisor.ready().then(() => (ready = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ready).toBe(false);
    expect(supervisor.current()).toBe('starting');
    healthy = true;
    await vi.advanceTimersByTimeAsync(300);
    expect(ready).toBe(true);
    expect(supervisor.current()).toBe('up');
    expect(spawned).toHaveLength(1);
  });

  it('restarts a host that exits, with a growing back-off while it keeps failing', async () => {
    supervisor.start();
    await vi.advanceTimersByTimeAsync(300);
    spawned.at(-1)?.exit(1);
    // A second exit event of the same process changes nothing.
    spawned.at(-1)?.exit(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(states.filter((s) => s.state === 'restarting').map((s) => s.delayMs)).toEqual([500]);
    await vi.advanceTimersByTimeAsync(500);
    expect(spawned).toHaveLength(2);
    spawned.at(-1)?.exit(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(spawned).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(spawned).toHaveLength(3);
    spawned.at(-1)?.exit(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(spawned).toHaveLength(4);
    expect(states.filter((s) => s.state === 'restarting').map((s) => s.delayMs)).toEqual([500, 1_000, 2_000]);
  });

  it('forgives earlier failures once the host ran a while', async () => {
    supervisor.start();
    await vi.advanceTimersByTimeAsync(300);
    spawned.at(-1)?.exit(1);
    await vi.advanceTimersByTimeAsync(500 + 300);
    expect(supervisor.current()).toBe('up');
    await vi.advanceTimersByTimeAsync(61_000);
    spawned.at(-1)?.exit(1);
    expect(states.filter((s) => s.state === 'restarting').map((s) => s.delayMs)).toEqual([500, 500]);
  });

  it('kills a host that never becomes healthy, and one that stops answering', async () => {
    healthy = false;
    supervisor.start();
    await vi.advanceTimersByTimeAsync(5_300);
    expect(spawned[0]?.killed).toBe(true);
    healthy = true;
    await vi.advanceTimersByTimeAsync(500 + 300);
    expect(supervisor.current()).toBe('up');
    healthy = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(spawned[1]?.killed).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(spawned[1]?.killed).toBe(true);
  });

  it('tells its listeners each time the host is back', async () => {
    let ups = 0;
    supervisor.onUp(() => (ups += 1));
    supervisor.start();
    await vi.advanceTimersByTimeAsync(300);
    spawned[0]?.exit(137);
    await vi.advanceTimersByTimeAsync(800);
    expect(ups).toBe(2);
  });

  it('does not restart after stop (the app is quitting)', async () => {
    supervisor.start();
    await vi.advanceTimersByTimeAsync(300);
    supervisor.stop();
    expect(spawned[0]?.killed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(spawned).toHaveLength(1);
    expect(supervisor.current()).toBe('stopped');
  });
});
