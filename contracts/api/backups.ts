import { BackupList, BackupNameParams, RestorePreview, RestoreRequest, RestoreStarted } from '../backups';
import { access, defineOperations, errorReplies } from './operation';

const technician = access.staff(['technician']);
/** Supervisors see that the hall's data is kept safe; only technicians back up and restore. */
const viewers = access.staff(['technician', 'supervisor']);

/**
 * Backups of this host's own database (each host keeps its own: a secondary kiosk's cases and
 * ratings live in its database, so nothing here is relayed to the hall). docs/backup.md.
 */
export const backupOperations = defineOperations({
  /** The backups in the configured folder, the last backup's state and the last restore. */
  backups: {
    method: 'GET',
    path: '/backups',
    tags: ['backups'],
    access: viewers,
    responses: { 200: BackupList, ...errorReplies(401, 403) },
  },
  /** A backup now (the nightly one, on demand); answers when it is written and checked. */
  backUpNow: {
    method: 'POST',
    path: '/backups',
    tags: ['backups'],
    access: technician,
    responses: { 200: BackupList, ...errorReplies(401, 403, 409, 503) },
  },
  /** The dry run of a restore: checks the backup and says what would change. Changes nothing. */
  previewRestore: {
    method: 'POST',
    path: '/backups/:name/restore-preview',
    tags: ['backups'],
    access: technician,
    params: BackupNameParams,
    responses: { 200: RestorePreview, ...errorReplies(400, 401, 403, 404, 409, 503) },
  },
  /**
   * Restores the backup: checked again, staged beside the database, then the host restarts on it
   * (undelivered submissions carried over, the current file kept as `…-before-restore-<time>`).
   */
  restoreBackup: {
    method: 'POST',
    path: '/backups/:name/restore',
    tags: ['backups'],
    access: technician,
    params: BackupNameParams,
    body: RestoreRequest,
    responses: { 202: RestoreStarted, ...errorReplies(400, 401, 403, 404, 409, 503) },
  },
});
