import type { StorageHealth, StorageState } from '../../contracts/health';
import type { Db } from '../../db/open';
import { probeWrite } from '../../db/repositories/storage-probe';
import type { Clock } from '../clock/clock';
import type { EventBus } from '../events/event-bus';

export type StorageFailure = Exclude<StorageState, 'ok'>;

/**
 * What a failed database call says about the storage under it, from better-sqlite3's
 * `SqliteError.code` (primary or extended result code): `full` for SQLITE_FULL (disk full, or the
 * database at its size limit), `read-only` for SQLITE_READONLY_*, `failing` for SQLITE_IOERR_* and
 * SQLITE_CANTOPEN, `corrupt` for SQLITE_CORRUPT_* and SQLITE_NOTADB (the file is damaged). null
 * for anything else (a constraint, a busy lock, a bug): not a storage failure.
 */
export function storageFailureOf(error: unknown): StorageFailure | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  const code = error.code;
  if (code === 'SQLITE_FULL') return 'full';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return 'read-only';
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'SQLITE_CANTOPEN') return 'failing';
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') return 'corrupt';
  return null;
}

export interface StorageMonitorOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  /** How often a failing database is probed with a scratch write (default 5 s). */
  probeIntervalMs?: number | undefined;
  /** Told of each change of state (the host logs it). */
  onChange?: (health: StorageHealth) => void;
}

/**
 * Scratch row size of a probe: more than a page, so on a database at its size limit the probe
 * needs fresh pages just as a real write would, and a full disk fails its WAL append.
 */
const PROBE_BYTES = 8192;

/**
 * Whether this host's database takes writes. Writes happen all over the host (queue, cases,
 * settings, sessions); whichever of them fails on storage reports here (the API's error handler
 * does for every request), the state goes to full / read-only / failing with a `storage.status`
 * event, and from then on a scratch write every `probeIntervalMs` checks the storage again: the
 * first that succeeds brings the state back to `ok` (and says so with another event). Nothing is
 * retried here: a write that failed was rolled back whole, and its caller was told so.
 */
export class StorageMonitor {
  private health: StorageHealth;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(private readonly o: StorageMonitorOptions) {
    this.health = { state: 'ok', since: o.clock.now().toISOString() };
  }

  current(): StorageHealth {
    return this.health;
  }

  /** Records a failed database call; true when it was a storage failure (answer `storage_unavailable`). */
  observe(error: unknown): boolean {
    const failure = storageFailureOf(error);
    if (failure === null) return false;
    this.set(failure);
    // A damaged file does not mend itself: no probe would tell anything but a restore (docs/backup.md).
    if (failure === 'corrupt') return true;
    if (this.timer === undefined && !this.stopped) {
      this.timer = setInterval(() => this.probe(), this.o.probeIntervalMs ?? 5000);
      this.timer.unref();
    }
    return true;
  }

  /**
   * The database is damaged (a copy of it failed its integrity check, backup-service.ts): the state
   * stays `corrupt` until a restore replaces the file and the host starts again.
   */
  markCorrupt(): void {
    this.clearTimer();
    this.set('corrupt');
  }

  /**
   * One scratch write now (committed, then removed; its table is a migration's,
   * db/migrations/015-storage-probe.sql): `ok` again when it succeeds. Returns the state.
   */
  probe(): StorageState {
    if (this.health.state === 'corrupt') return this.health.state;
    try {
      probeWrite(this.o.db, this.o.clock.now().toISOString(), PROBE_BYTES);
    } catch (error) {
      const failure = storageFailureOf(error);
      // A failure of another kind (a busy lock) says nothing about the storage: keep the state.
      if (failure !== null) this.set(failure);
      return this.health.state;
    }
    this.clearTimer();
    this.set('ok');
    return this.health.state;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private set(state: StorageState): void {
    // Nothing but a restart on a restored file ends `corrupt` (a write that happens to succeed on a
    // sound page, or a full disk meanwhile, says nothing about the damaged ones).
    if (state === this.health.state || this.health.state === 'corrupt') return;
    this.health = { state, since: this.o.clock.now().toISOString() };
    this.o.onChange?.(this.health);
    this.o.bus.publish({ type: 'storage.status', state });
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
