import { BACKUP_NAME_PATTERN } from '../../contracts/backups';
import { wallDateTime } from '../../contracts/wall-clock';

/** `YYYYMMDD-HHmmss` of an instant on the hall's clock (never UTC: a 02:30 backup is named 023000). */
export function localStamp(instant: Date, timeZone: string): string {
  return wallDateTime(instant, timeZone).replace(/[-:]/g, '').replace('T', '-');
}

/** A backup's file name: the hall id and the hall-local date-time, `-<n>` for a second one in the same second. */
export function backupFileName(hallId: string, instant: Date, timeZone: string, attempt = 0): string {
  return `hall-kiosk-${hallId}-${localStamp(instant, timeZone)}${attempt > 0 ? `-${attempt}` : ''}.sqlite`;
}

/** The hall id a backup's name carries, or null for a name that is not a backup's. */
export function hallIdOfName(name: string): string | null {
  return BACKUP_NAME_PATTERN.exec(name)?.[1] ?? null;
}

/** The small manifest beside each backup: its size, checksum and check result, made by whom. */
export const manifestNameOf = (backupName: string) => `${backupName}.json`;

/** The name a backup is written under until it is complete (never listed, never restored). */
export const partialNameOf = (backupName: string) => `${backupName}.partial`;

/** Where the replaced database is kept after a restore, beside it in the data folder. */
export function keptNameOf(databaseName: string, instant: Date, timeZone: string): string {
  return `${databaseName}-before-restore-${localStamp(instant, timeZone)}`;
}
