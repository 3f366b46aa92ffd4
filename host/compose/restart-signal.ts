/**
 * The host asking to be built again on its files (a restore staged a database to put in place).
 * Whoever runs the host (host/main.ts, and so the Electron shell's host process; a test) closes it
 * and calls `createHost` again with the same options: nothing outside the process has to help, so
 * it works alike under `npm run host` and under the shell's supervision.
 */
export class RestartSignal {
  private resolve: (reason: string) => void = () => undefined;
  private asked: string | null = null;
  /** Resolves with the reason once a restart is asked for. */
  readonly requested: Promise<string>;

  constructor() {
    this.requested = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  /** Asks for the restart (once; later calls change nothing). */
  request(reason: string): void {
    if (this.asked !== null) return;
    this.asked = reason;
    this.resolve(reason);
  }

  /** Whether a restart was asked for (and so the host is about to close). */
  pending(): boolean {
    return this.asked !== null;
  }
}
