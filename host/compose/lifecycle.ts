/** One part of the running host that starts and stops (a timer, a poller, the devices, the HTTP server). */
export interface LifecycleUnit {
  name: string;
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}

/**
 * The host's running parts in the order they start; they stop in the reverse order, so each
 * part stops before what it depends on (the sync before the HTTP server, the server before the
 * database). A part that fails to start stops the ones already started, then the failure goes on.
 */
export class Lifecycle {
  private started: LifecycleUnit[] = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly units: readonly LifecycleUnit[]) {}

  async start(): Promise<void> {
    for (const unit of this.units) {
      try {
        await unit.start?.();
      } catch (error) {
        await this.stop();
        throw error;
      }
      this.started.push(unit);
    }
  }

  /** Stops every started unit once, last started first; a second call waits for the first. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const unit of this.started.reverse()) await unit.stop?.();
      this.started = [];
    })();
    return this.stopping;
  }
}
