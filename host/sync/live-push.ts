import { LiveSnapshot } from '../../contracts/central-api';
import type { LiveSnapshotAck } from '../../contracts/central-api';
import type { Clock } from '../clock/clock';
import type { CentralResult } from './central-client';

export interface LivePushOptions {
  clock: Clock;
  /** The hall's queue now (live-snapshot.ts); may throw (a damaged database): that push fails. */
  snapshot: () => LiveSnapshot;
  send: (snapshot: LiveSnapshot) => Promise<CentralResult<LiveSnapshotAck>>;
  /**
   * Read before each push. False on a secondary kiosk: its hall's host sends the hall's queue,
   * and this machine's own (empty) queue must not replace it.
   */
  enabled: () => boolean;
  /** Between pushes (config `sync.liveIntervalMs`). */
  intervalMs: number;
  /** From `start` to the first push: soon, but after the start's own work. Default 5 s. */
  firstDelayMs?: number;
}

export type LivePushOutcome = { kind: 'skipped' } | { kind: 'sent'; applied: boolean } | { kind: 'failed'; message: string };

export interface LivePushStatus {
  /** When the platform last took a snapshot (ISO), null before the first. */
  lastSentAt: string | null;
  /** The last push's failure (status and code only), null after a success. */
  lastError: string | null;
}

/**
 * Sends the hall's queue as it is now to the district platform about once a minute and soon
 * after start. Deliberately not an outbox item: a snapshot is worth something only until the
 * next one, so a failed push is forgotten (never retried, never queued while offline) and the
 * next one replaces it. A push runs only when the one before has ended: a slow platform costs
 * skipped minutes, not a pile of requests.
 */
export class LivePush {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<LivePushOutcome> | undefined;
  private state: LivePushStatus = { lastSentAt: null, lastError: null };

  constructor(private readonly o: LivePushOptions) {}

  start(): void {
    this.schedule(this.o.firstDelayMs ?? 5_000);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  status(): LivePushStatus {
    return { ...this.state };
  }

  /** One push now (tests call it, the timer calls it); never throws. A call while one runs shares it. */
  pushNow(): Promise<LivePushOutcome> {
    this.running ??= this.push().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      void this.pushNow().finally(() => {
        // Stopped meanwhile: no next one.
        if (this.timer !== undefined) this.schedule(this.o.intervalMs);
      });
    }, ms);
    // The host's lifecycle stops it; it never keeps a process alive on its own.
    this.timer.unref();
  }

  private async push(): Promise<LivePushOutcome> {
    if (!this.o.enabled()) return { kind: 'skipped' };
    let snapshot: LiveSnapshot;
    try {
      // Parsed here: a snapshot the contract refuses is this host's fault, reported as such.
      snapshot = LiveSnapshot.parse(this.o.snapshot());
    } catch (error) {
      return this.failed(`snapshot not taken (${error instanceof Error ? error.name : 'error'})`);
    }
    const result = await this.o.send(snapshot);
    if (!result.ok) return this.failed(result.message);
    this.state = { lastSentAt: this.o.clock.now().toISOString(), lastError: null };
    return { kind: 'sent', applied: result.body.applied };
  }

  private failed(message: string): LivePushOutcome {
    this.state = { ...this.state, lastError: message };
    return { kind: 'failed', message };
  }
}
