import { backoffDelay } from './backoff';

/** The host process as the supervisor sees it (a UtilityProcess adapter; tests pass a fake). */
export interface HostChild {
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type HostState = 'starting' | 'up' | 'restarting' | 'stopped';

export interface SupervisorOptions {
  /** Starts one host process. */
  spawn(): HostChild;
  /** One health probe (the route table's `health` operation, with a short timeout): true when the host answered 200. */
  healthy(): Promise<boolean>;
  onState?(state: HostState, detail: { attempt: number; delayMs?: number; code?: number | null }): void;
  /** How often a starting host is probed. */
  probeMs?: number;
  /** A host not healthy this long after its start is killed and started again. */
  startTimeoutMs?: number;
  /** How often a running host is probed; `missesToKill` probes in a row failing = hung, restarted. */
  watchMs?: number;
  missesToKill?: number;
  /** A host that ran this long before it died starts again at once (its earlier failures are forgiven). */
  stableMs?: number;
  backoff?: { baseMs: number; maxMs: number };
}

/**
 * Keeps the host running: starts it, waits until its health answers, restarts it when it exits
 * (crash, OOM, kill — the utility process's `exit` event) or stops answering, with a back-off
 * (0.5 s, 1 s, 2 s … 30 s) so a host that cannot start does not spin; a host that ran a minute
 * before it died is restarted after the first step again.
 */
export class HostSupervisor {
  private child: HostChild | null = null;
  private state: HostState = 'stopped';
  private stopped = false;
  private attempts = 0;
  private startedAt = 0;
  private upSince = 0;
  private misses = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly upListeners = new Set<() => void>();
  private readonly o: Required<Omit<SupervisorOptions, 'onState'>> & Pick<SupervisorOptions, 'onState'>;

  constructor(options: SupervisorOptions) {
    this.o = {
      probeMs: 250,
      startTimeoutMs: 60_000,
      watchMs: 10_000,
      missesToKill: 3,
      stableMs: 60_000,
      backoff: { baseMs: 500, maxMs: 30_000 },
      ...options,
    };
  }

  current(): HostState {
    return this.state;
  }

  /** Called each time the host becomes healthy (first start and every restart). */
  onUp(listener: () => void): () => void {
    this.upListeners.add(listener);
    return () => this.upListeners.delete(listener);
  }

  /** Resolves the next time the host is healthy (at once when it is). */
  ready(): Promise<void> {
    if (this.state === 'up') return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onUp(() => {
        off();
        resolve();
      });
    });
  }

  start(): void {
    if (this.stopped || this.child !== null) return;
    this.setState('starting');
    const child = this.o.spawn();
    this.child = child;
    this.startedAt = Date.now();
    this.misses = 0;
    child.onExit((code) => this.exited(child, code));
    this.schedule(() => void this.probe(child), this.o.probeMs);
  }

  /** Stops for good (app quitting): no restart after this. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    const child = this.child;
    this.child = null;
    child?.kill();
    this.setState('stopped');
  }

  private schedule(fn: () => void, ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(fn, ms);
  }

  private setState(state: HostState, detail: { delayMs?: number; code?: number | null } = {}): void {
    this.state = state;
    this.o.onState?.(state, { attempt: this.attempts, ...detail });
  }

  private async probe(child: HostChild): Promise<void> {
    // A probe that throws counts as a failed one.
    const ok = await this.o.healthy().catch(() => false);
    if (child !== this.child || this.stopped) return;
    if (this.state === 'starting') {
      if (ok) {
        this.upSince = Date.now();
        this.setState('up');
        for (const listener of [...this.upListeners]) listener();
        this.schedule(() => void this.probe(child), this.o.watchMs);
      } else if (Date.now() - this.startedAt >= this.o.startTimeoutMs) {
        child.kill();
      } else this.schedule(() => void this.probe(child), this.o.probeMs);
      return;
    }
    this.misses = ok ? 0 : this.misses + 1;
    // Alive but not answering (a hung event loop): kill it; its exit restarts it.
    if (this.misses >= this.o.missesToKill) child.kill();
    else this.schedule(() => void this.probe(child), this.o.watchMs);
  }

  private exited(child: HostChild, code: number | null): void {
    if (child !== this.child) return;
    this.child = null;
    clearTimeout(this.timer);
    if (this.stopped) return;
    if (this.state === 'up' && Date.now() - this.upSince >= this.o.stableMs) this.attempts = 0;
    this.attempts += 1;
    const delayMs = backoffDelay(this.attempts, this.o.backoff);
    this.setState('restarting', { delayMs, code });
    this.schedule(() => this.start(), delayMs);
  }
}
