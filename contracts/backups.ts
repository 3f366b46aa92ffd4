/**
 * Backups of this host's database and their restore (docs/backup.md): the machine's backup
 * setting (part of its terminal settings), the backups the console lists, the dry run of a restore
 * and what the last restore did.
 */
import { z } from 'zod';

/** A wall-clock time on the hall's clock, HH:MM (24 h). */
const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, e.g. 02:30');

/**
 * The folder backups go to, as the host's operating system names it: absolute (a USB disk's mount
 * point, a mounted network share, `D:\backups`, `\\server\share`), no `..` and no control characters.
 */
export const BackupFolder = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), 'an absolute folder, e.g. /media/usb/hall-backups')
  .refine((value) => !/(^|[\\/])\.\.([\\/]|$)/.test(value), 'no .. in the folder')
  .refine((value) => [...value].every((c) => c.charCodeAt(0) >= 0x20), 'no control characters in the folder');

/**
 * The machine's backup setting (terminal settings `backup`): where, at what time of night and how
 * long. No folder: no backups (the console and health say so).
 */
export const BackupOptions = z.object({
  folder: BackupFolder.nullable().default(null),
  /** When the nightly backup runs, on the hall's clock; a host that was off then backs up when it starts. */
  time: WallTime.default('02:30'),
  /** Backups this host made are deleted this many days after they were made. */
  keepDays: z.number().int().min(1).max(365).default(30),
});
export type BackupOptions = z.infer<typeof BackupOptions>;
export type BackupOptionsInput = z.input<typeof BackupOptions>;

/**
 * A backup's file name: `hall-kiosk-<hall id>-<YYYYMMDD>-<HHmmss>.sqlite` on the hall's clock
 * (`-<n>` when two backups fell in one second). Nothing else in the folder is ever listed,
 * restored or deleted.
 */
export const BACKUP_NAME_PATTERN = /^hall-kiosk-([A-Za-z0-9-]{1,40})-(\d{8})-(\d{6})(?:-(\d{1,2}))?\.sqlite$/;
export const BackupName = z.string().max(100).regex(BACKUP_NAME_PATTERN, 'a backup file name as the list gives it');
export const BackupNameParams = z.object({ name: BackupName });

/** How a backup file was checked: opened read-only, `PRAGMA integrity_check`, its migration version. */
export const BackupCheck = z.object({
  /** `corrupt`: integrity_check found faults; `unreadable`: SQLite would not open or read it. */
  result: z.enum(['ok', 'corrupt', 'unreadable']),
  /** The database's migration version (`PRAGMA user_version`), when it could be read. */
  schemaVersion: z.number().int().nonnegative().nullable(),
  checkedAt: z.iso.datetime(),
});
export type BackupCheck = z.infer<typeof BackupCheck>;

export const BackupEntry = z.object({
  name: BackupName,
  createdAt: z.iso.datetime(),
  size: z.number().int().nonnegative(),
  /** The check made right after the backup, from its manifest; null when it has none (interrupted). */
  check: BackupCheck.nullable(),
  /** Made by this host (its manifest says so): only those are deleted after `keepDays`. */
  madeHere: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** Why the last backup did not happen or did not pass its check. */
export const BackupFailureCode = z.enum(['folder-missing', 'folder-unwritable', 'write-failed', 'check-failed']);
export type BackupFailureCode = z.infer<typeof BackupFailureCode>;

export const BackupFailure = z.object({
  code: BackupFailureCode,
  /** The operating system's or SQLite's words (a path and an error code; never data). */
  message: z.string().max(500),
  at: z.iso.datetime(),
});
export type BackupFailure = z.infer<typeof BackupFailure>;

/**
 * `ok`: the last backup was made and checked; `failed`: the last attempt failed (`lastFailure`);
 * `none`: a folder is set but no backup was made yet; `not-configured`: no folder.
 */
export const BackupState = z.enum(['ok', 'failed', 'none', 'not-configured']);
export type BackupState = z.infer<typeof BackupState>;

/** The backups' part of `GET /health` and of the console's list. */
export const BackupHealth = z.object({
  state: BackupState,
  lastSuccessAt: z.iso.datetime().nullable(),
  lastFailure: BackupFailure.nullable(),
  /** When the next nightly backup is due (null without a folder). */
  nextAt: z.iso.datetime().nullable(),
  /** A backup or a restore is under way. */
  running: z.boolean(),
});
export type BackupHealth = z.infer<typeof BackupHealth>;

/** What the last restore did (kept beside the database, so it survives the restore itself). */
export const RestoreRecord = z.object({
  at: z.iso.datetime(),
  backupName: BackupName,
  /** `restored`; `aborted`: the host found the current database unreadable after the dry run said otherwise, and kept it. */
  result: z.enum(['restored', 'aborted']),
  /** The replaced database, kept in the data folder (`hall.sqlite-before-restore-<time>`). */
  keptAs: z.string().nullable(),
  /** Undelivered outbox entries (and their cases and ratings) carried into the restored database. */
  carriedOver: z.object({
    entries: z.number().int().nonnegative(),
    cases: z.number().int().nonnegative(),
    evaluations: z.number().int().nonnegative(),
  }),
  staffNo: z.string().nullable(),
});
export type RestoreRecord = z.infer<typeof RestoreRecord>;

export const BackupList = z.object({
  folder: z.string().nullable(),
  /** What is wrong with the folder right now (missing, not writable), or null. */
  folderProblem: z.object({ code: BackupFailureCode, message: z.string().max(500) }).nullable(),
  health: BackupHealth,
  /** Newest first: every backup of this hall in the folder, made here or not. */
  backups: z.array(BackupEntry),
  lastRestore: RestoreRecord.nullable(),
});
export type BackupList = z.infer<typeof BackupList>;

/** Why a backup may not be restored. */
export const RestoreRefusal = z.enum(['corrupt', 'unreadable', 'newer', 'other-hall']);
export type RestoreRefusal = z.infer<typeof RestoreRefusal>;

/** A count in the backup and in the current database (null: that database could not be read). */
const Compared = z.object({ backup: z.number().int().nonnegative().nullable(), now: z.number().int().nonnegative().nullable() });

/** Records of the current database that the backup does not hold. */
const Since = z.object({
  /** Not in the backup at all. */
  missing: z.number().int().nonnegative(),
  /** …of which the central API already has (they stay there; this hall's copy goes). */
  delivered: z.number().int().nonnegative(),
  /** …of which are not delivered yet: carried into the restored database with their outbox entries. */
  carried: z.number().int().nonnegative(),
});

/** The dry run of a restore: what the backup is and what restoring it would change. Nothing is changed. */
export const RestorePreview = z.object({
  name: BackupName,
  createdAt: z.iso.datetime(),
  check: BackupCheck,
  /** Empty: it may be restored. */
  refusals: z.array(RestoreRefusal),
  schema: z.object({ backup: z.number().int().nonnegative().nullable(), build: z.number().int().nonnegative() }),
  hallId: z.object({ backup: z.string().nullable(), here: z.string() }),
  madeHere: z.boolean(),
  /** Today's business day, on the hall's clock. */
  businessDay: z.iso.date(),
  ticketsToday: Compared,
  cases: Compared,
  /** Whether the current database could be read: when not, what it holds since the backup cannot be counted or carried over. */
  currentReadable: z.boolean(),
  /** What the current database holds that the backup does not (null when it could not be read). */
  since: z
    .object({
      cases: Since,
      evaluations: Since,
      /** Other undelivered outbox entries (a day's queue figures) carried over. */
      otherEntries: z.number().int().nonnegative(),
    })
    .nullable(),
  /** The highest number printed today per prefix (kept outside the database): numbering goes on after it. */
  numbering: z.array(z.object({ prefix: z.string(), highest: z.string() })),
});
export type RestorePreview = z.infer<typeof RestorePreview>;

export const RestoreRequest = z.object({
  /**
   * The technician read that the current database cannot be read, so what it holds since the
   * backup stays only in the kept file. Required then, ignored otherwise.
   */
  acceptUnreadableCurrent: z.boolean().default(false),
});
export type RestoreRequest = z.infer<typeof RestoreRequest>;

/** 202: the restore is staged; the host restarts on it now (pages reconnect and reload). */
export const RestoreStarted = z.object({
  restarting: z.literal(true),
  /** Where the current database will be kept. */
  keptAs: z.string(),
});
export type RestoreStarted = z.infer<typeof RestoreStarted>;
