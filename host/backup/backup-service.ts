import { copyFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  BackupCheck,
  BackupFailure,
  BackupFailureCode,
  BackupHealth,
  BackupList,
  BackupOptions,
  BackupState,
  RestorePreview,
  RestoreStarted,
} from '../../contracts/backups';
import { backupDatabase, checkDatabaseFile, type DatabaseFileCheck } from '../../db/backup-file';
import type { Db } from '../../db/open';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import type { HighWaterEntry } from '../queue/number-high-water';
import { addDays, localClock, zonedInstant } from '../queue/schedule';
import {
  codeOf,
  copyInto,
  expiredBackups,
  folderProblem,
  listBackups,
  type ListedBackup,
  removeBackup,
  sha256Of,
  writeWhole,
} from './backup-folder';
import type { BackupManifest } from './backup-manifest';
import { backupFileName, keptNameOf, manifestNameOf } from './backup-names';
import { tidyDataFolder } from './data-folder-cleanup';
import { previewRestore } from './restore-preview';
import { readRestoreRecord, restoreFilesOf, type RestoreMarker, writeJsonDurably } from './restore-files';

export interface BackupServiceOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  /** This machine's backup setting, read at each use (the technician console changes it live). */
  settings: () => BackupOptions;
  hallId: string;
  timeZone: string;
  /** A tag of this install's secret: written into each manifest, it tells this host's backups from others'. */
  madeBy: string;
  /** The database file (its folder holds the temporary copies and a restore's files). */
  dbFile: string;
  /** The migration version of this build: a backup of a newer one is refused. */
  buildVersion: number;
  version: string;
  businessDay: () => string;
  /** The numbers printed today (the numbering guard's file), shown in a restore's dry run. */
  numbering: () => readonly HighWaterEntry[];
  /** A fresh backup failed its integrity check: the database it was copied from is damaged. */
  onDamaged: () => void;
  /** Asks whoever runs the host to build it again (the staged restore is put in place at that start). */
  restart: (reason: string) => void;
  /** Told of each failure (the host logs it). */
  onFailure?: (failure: BackupFailure) => void;
}

const MINUTE_MS = 60_000;
/** How long the start waits for the folder's list before the schedule decides without it. */
const FOLDER_PATIENCE_MS = 30_000;

/** A backup failure as the API answers it (503 `backup_unavailable`, the failure in its details). */
class BackupFailed extends Error {
  constructor(readonly failure: BackupFailure) {
    super(failure.message);
  }
}

const toCheck = (check: DatabaseFileCheck, at: Date): BackupCheck => ({
  result: check.result,
  schemaVersion: check.schemaVersion,
  checkedAt: at.toISOString(),
});

/** A failed copy into the folder: refused permission or a read-only medium is the folder's fault. */
const copyFailureCode = (error: unknown): BackupFailureCode =>
  ['EACCES', 'EPERM', 'EROFS'].includes(codeOf(error)) ? 'folder-unwritable' : 'write-failed';

/**
 * The hall's data kept safe (docs/backup.md): a nightly online backup of the database to the
 * machine's backup folder, on demand too; the list with each backup's check; retention; the dry run
 * of a restore and the restore itself (staged, then put in place by the next start,
 * pending-restore.ts).
 *
 * A backup: SQLite's backup API copies the live database into the data folder while the host keeps
 * working (db/backup-file.ts), the copy is checked there (read-only, `integrity_check`, migration
 * version), then copied into the backup folder under a temporary name, renamed when complete and
 * compared with what was checked (sha256); its manifest records size, checksum and check. SQLite
 * never opens a file in the backup folder: its file I/O is synchronous, and a network share that
 * stops answering would freeze the host's event loop; the folder is touched with asynchronous calls
 * only. A missing or unwritable folder is a failure the console and `/health` show, never a crash.
 */
export class BackupService {
  private running = false;
  private lastSuccessAt: string | null = null;
  private lastFailure: BackupFailure | null = null;
  /** The hall-local date of the last nightly attempt (one a night, whatever its outcome). */
  private attemptedOn: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The name of the last backup made (for the audit line of a technician's). */
  private lastMade: string | null = null;
  /** Last night's backup read from the folder at start: the schedule waits for it before its first decision. */
  private known: Promise<void> = Promise.resolve();

  constructor(private readonly o: BackupServiceOptions) {}

  /**
   * Starts the nightly schedule (checked once a minute), reads the folder's last backup without
   * waiting on it, and tidies the data folder (data-folder-cleanup.ts).
   */
  start(): void {
    // Leftovers of a crash, and replaced databases past their days (their personal data included).
    if (this.o.dbFile !== ':memory:')
      void tidyDataFolder({
        dbFile: this.o.dbFile,
        now: this.o.clock.now(),
        keepDays: this.o.settings().keepDays,
        timeZone: this.o.timeZone,
      }).catch(() => undefined);
    // A share that does not answer must not hold the schedule for ever: after a while it decides without.
    this.known = Promise.race([
      this.readLastBackup(),
      new Promise<void>((resolve) => setTimeout(resolve, FOLDER_PATIENCE_MS).unref()),
    ]);
    // tick() settles every failure itself; nothing here may end the host.
    this.timer = setInterval(() => void this.tick(), MINUTE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  health(): BackupHealth {
    const folder = this.o.settings().folder;
    return {
      state: this.state(folder),
      lastSuccessAt: this.lastSuccessAt,
      lastFailure: this.lastFailure,
      nextAt: folder === null ? null : this.nextRun().toISOString(),
      running: this.running,
    };
  }

  async list(): Promise<BackupList> {
    const folder = this.o.settings().folder;
    const problem = folder === null ? null : await folderProblem(folder);
    const backups = folder === null || problem !== null ? [] : await this.listed(folder).catch(() => []);
    return {
      folder,
      folderProblem: problem,
      health: this.health(),
      backups: backups.map(({ manifest: _manifest, ...entry }) => entry),
      lastRestore: this.o.dbFile === ':memory:' ? null : readRestoreRecord(this.o.dbFile),
    };
  }

  /** A backup now (a technician's, audited); answers once it is written, checked and old ones are deleted. */
  async backUpNow(staffId: number | null): Promise<BackupList> {
    const folder = this.mustFolder();
    this.claim();
    try {
      await this.run(folder);
      this.auditQuietly('backup.made', staffId, { backup: this.lastMade });
    } catch (error) {
      if (error instanceof BackupFailed)
        throw new HostError('backup_unavailable', `备份失败：${error.failure.message}`, { reason: error.failure.code });
      throw error;
    } finally {
      this.release();
    }
    return this.list();
  }

  /** The dry run: the backup copied into the data folder, checked and compared; nothing changes. */
  async preview(name: string): Promise<RestorePreview> {
    const folder = this.mustFolder();
    this.claim();
    const candidate = `${this.o.dbFile}.restore-candidate`;
    try {
      return await this.previewOf(folder, name, candidate);
    } finally {
      await rm(candidate, { force: true });
      this.release();
    }
  }

  /**
   * The restore: the dry run again on the copy that will be put in place; refused when the backup
   * may not be restored, or when the current database cannot be read and the technician did not
   * accept that. Then the restore is marked pending and the host asked to restart: the next start
   * carries the undelivered submissions over and swaps the files (pending-restore.ts).
   */
  async restore(
    name: string,
    request: { acceptUnreadableCurrent: boolean; staffId: number | null; staffNo: string | null },
  ): Promise<RestoreStarted> {
    const folder = this.mustFolder();
    if (this.o.dbFile === ':memory:') throw new HostError('backup_unavailable', '内存数据库无法恢复', { reason: 'no-file' });
    this.claim();
    const files = restoreFilesOf(this.o.dbFile);
    let staged = false;
    try {
      const preview = await this.previewOf(folder, name, files.staged);
      if (preview.refusals.length > 0) throw new HostError('backup_refused', '该备份不能恢复', { refusals: preview.refusals });
      if (!preview.currentReadable && !request.acceptUnreadableCurrent)
        throw new HostError(
          'restore_unacknowledged',
          '当前数据库无法读取：备份之后保存的内容无法转入，只会留在保留的旧文件中。确认后才能恢复。',
        );
      const now = this.o.clock.now();
      const marker: RestoreMarker = {
        format: 1,
        backupName: name,
        keptAs: keptNameOf(basename(this.o.dbFile), now, this.o.timeZone),
        acceptUnreadableCurrent: request.acceptUnreadableCurrent,
        staffId: request.staffId,
        staffNo: request.staffNo,
        requestedAt: now.toISOString(),
      };
      this.auditQuietly('backup.restore_requested', request.staffId, { backup: name, keptAs: marker.keptAs });
      writeJsonDurably(files.marker, marker);
      staged = true;
      this.o.restart(`restore of ${name}`);
      return { restarting: true, keptAs: marker.keptAs };
    } finally {
      if (!staged) {
        await rm(files.staged, { force: true });
        this.release();
      }
      // Staged: the service stays busy until the host restarts on the restored database.
    }
  }

  /** The nightly backup, when its time has come today and it was not tried yet. */
  async tick(): Promise<void> {
    await this.known;
    const folder = this.o.settings().folder;
    if (folder === null || this.running) return;
    const local = localClock(this.o.clock.now(), this.o.timeZone);
    if (local.minutes < this.minutesOfDay() || this.attemptedOn === local.date) return;
    this.attemptedOn = local.date;
    this.claim();
    try {
      await this.run(folder);
    } catch {
      // Recorded by run(): health, the console and the log say what failed.
    } finally {
      this.release();
    }
  }

  // ── a backup ──────────────────────────────────────────────────────────

  /** One backup; every failure is recorded (`lastFailure`, onFailure) and thrown as BackupFailed. */
  private async run(folder: string): Promise<void> {
    try {
      await this.attempt(folder);
    } catch (error) {
      if (error instanceof BackupFailed) throw error;
      this.fail('write-failed', codeOf(error));
    }
  }

  private async attempt(folder: string): Promise<void> {
    const problem = await folderProblem(folder);
    if (problem !== null) this.fail(problem.code, problem.message);
    const started = this.o.clock.now();
    const name = await this.freeName(folder, started);
    const local = `${this.o.dbFile}.backup-in-progress`;
    try {
      await rm(local, { force: true });
      await backupDatabase(this.o.db, local).catch((error: unknown) => this.fail('write-failed', `backup: ${codeOf(error)}`));
      const check = checkDatabaseFile(local);
      const checkedAt = this.o.clock.now();
      const size = (await stat(local)).size;
      const sha256 = await sha256Of(local);
      await copyInto(local, folder, name).catch((error: unknown) =>
        this.fail(copyFailureCode(error), `${folder}: ${codeOf(error)}`),
      );
      const landed = (await sha256Of(join(folder, name)).catch(() => null)) === sha256;
      const manifest: BackupManifest = {
        format: 1,
        name,
        hallId: this.o.hallId,
        madeBy: this.o.madeBy,
        createdAt: started.toISOString(),
        size,
        sha256,
        check: landed ? toCheck(check, checkedAt) : { ...toCheck(check, checkedAt), result: 'corrupt' },
        version: this.o.version,
      };
      await writeWhole(join(folder, manifestNameOf(name)), `${JSON.stringify(manifest, null, 2)}\n`).catch((error: unknown) =>
        this.fail(copyFailureCode(error), `${folder}: ${codeOf(error)}`),
      );
      if (check.result !== 'ok') {
        // The backup API copies pages as they are: a fresh copy that fails its check means the
        // database itself is damaged. Kiosks go out of service until a technician restores.
        this.o.onDamaged();
        this.fail('check-failed', `integrity_check: ${check.problems.slice(0, 3).join('; ')}`);
      }
      if (!landed) this.fail('check-failed', `${name}: the copy in the folder differs from the checked one`);
      this.lastSuccessAt = started.toISOString();
      this.lastFailure = null;
      this.lastMade = name;
      await this.applyRetention(folder, name);
    } finally {
      await rm(local, { force: true });
    }
  }

  /** Deletes this host's backups older than the setting's days (never another host's, never a file without a manifest). */
  private async applyRetention(folder: string, made: string): Promise<void> {
    const expired = expiredBackups(await this.listed(folder), this.o.clock.now(), this.o.settings().keepDays, made);
    for (const name of expired) await removeBackup(folder, name).catch(() => undefined);
  }

  /** The backup's name, with `-1`, `-2`… when a backup of this second exists already (a second host of the hall). */
  private async freeName(folder: string, at: Date): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const name = backupFileName(this.o.hallId, at, this.o.timeZone, attempt);
      if ((await stat(join(folder, name)).catch(() => null)) === null) return name;
    }
    return this.fail('write-failed', `${folder}: no free backup name`);
  }

  private fail(code: BackupFailureCode, message: string): never {
    const failure: BackupFailure = { code, message: message.slice(0, 500), at: this.o.clock.now().toISOString() };
    this.lastFailure = failure;
    this.o.onFailure?.(failure);
    throw new BackupFailed(failure);
  }

  // ── a restore's dry run ───────────────────────────────────────────────

  private async previewOf(folder: string, name: string, candidate: string): Promise<RestorePreview> {
    const entry = (await this.listed(folder)).find((b) => b.name === name);
    if (entry === undefined) throw new HostError('not_found', `备份文件夹中没有 ${name}`);
    await rm(candidate, { force: true });
    try {
      await copyFile(join(folder, name), candidate);
    } catch (error) {
      throw new HostError('backup_unavailable', `无法读取备份：${codeOf(error)}`, { reason: 'folder-missing' });
    }
    // The copy is what a restore would put in place: compared with the checksum made at the backup, then checked again.
    const intact = entry.manifest === null || (await sha256Of(candidate)) === entry.manifest.sha256;
    const check = checkDatabaseFile(candidate);
    return previewRestore({
      name,
      createdAt: entry.createdAt,
      candidate,
      check,
      checkedAt: this.o.clock.now().toISOString(),
      intact,
      madeHere: entry.madeHere,
      live: this.o.db,
      hallId: this.o.hallId,
      buildVersion: this.o.buildVersion,
      businessDay: this.o.businessDay(),
      numbering: this.o.numbering(),
    });
  }

  // ── state ─────────────────────────────────────────────────────────────

  private listed(folder: string): Promise<ListedBackup[]> {
    return listBackups({ folder, hallId: this.o.hallId, madeBy: this.o.madeBy, timeZone: this.o.timeZone });
  }

  /** The newest backup this host made and checked, from the folder (so a restart knows last night's). */
  private async readLastBackup(): Promise<void> {
    const folder = this.o.settings().folder;
    if (folder === null) return;
    const newest = (await this.listed(folder).catch(() => [])).find((b) => b.madeHere && b.check?.result === 'ok');
    if (newest === undefined) return;
    this.lastSuccessAt ??= newest.createdAt;
    const date = localClock(new Date(newest.createdAt), this.o.timeZone).date;
    if (this.attemptedOn === null || this.attemptedOn < date) this.attemptedOn = date;
  }

  private state(folder: string | null): BackupState {
    if (folder === null) return 'not-configured';
    if (this.lastFailure !== null && (this.lastSuccessAt === null || this.lastFailure.at >= this.lastSuccessAt)) return 'failed';
    return this.lastSuccessAt === null ? 'none' : 'ok';
  }

  private minutesOfDay(): number {
    const [hours = 0, minutes = 0] = this.o.settings().time.split(':').map(Number);
    return hours * 60 + minutes;
  }

  /** The next nightly run: today at the set time when it is still ahead and not tried, else tomorrow. */
  private nextRun(): Date {
    const local = localClock(this.o.clock.now(), this.o.timeZone);
    const today = local.minutes < this.minutesOfDay() && this.attemptedOn !== local.date;
    return zonedInstant(today ? local.date : addDays(local.date, 1), this.minutesOfDay(), this.o.timeZone);
  }

  private mustFolder(): string {
    const folder = this.o.settings().folder;
    if (folder === null)
      throw new HostError('backup_unavailable', '尚未设置备份文件夹（终端设置）', { reason: 'not-configured' });
    return folder;
  }

  private claim(): void {
    if (this.running) throw new HostError('backup_busy', '正在备份或恢复，请稍候');
    this.running = true;
    this.publish();
  }

  private release(): void {
    this.running = false;
    this.publish();
  }

  private publish(): void {
    this.o.bus.publish({ type: 'backup.status', state: this.state(this.o.settings().folder), running: this.running });
  }

  /** An audit line in the current database, when it takes one (a damaged database may not). */
  private auditQuietly(action: string, staffId: number | null, details: Record<string, unknown>): void {
    try {
      audit(this.o.db, this.o.clock, action, { staffId, details });
    } catch {
      // The restore record outside the database (restore-files.ts) says what was done.
    }
  }
}
