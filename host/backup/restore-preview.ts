import type { BackupCheck, RestorePreview, RestoreRefusal } from '../../contracts/backups';
import type { DatabaseFileCheck } from '../../db/backup-file';
import { openReadOnly } from '../../db/backup-file';
import type { Db } from '../../db/open';
import {
  caseCount,
  casesSince,
  evaluationsSince,
  hasCase,
  hasEvaluation,
  hasOutboxEntry,
  ticketsOn,
  undeliveredEntries,
  type SubmittedRecord,
} from '../../db/repositories/restore-figures';
import { readSetting } from '../../db/repositories/settings';
import type { HighWaterEntry } from '../queue/number-high-water';
import { HALL_IDENTITY_KEY, HallIdentity } from './hall-identity';

export interface PreviewInput {
  name: string;
  createdAt: string;
  /** The backup copied into the data folder (SQLite never reads the backup folder itself). */
  candidate: string;
  check: DatabaseFileCheck;
  checkedAt: string;
  /** False when the copy differs from the checksum its manifest recorded (the file changed in the folder). */
  intact: boolean;
  madeHere: boolean;
  live: Db;
  hallId: string;
  buildVersion: number;
  businessDay: string;
  numbering: readonly HighWaterEntry[];
}

/** How far back the current database is searched for records the backup lacks: a day before it, for clocks that disagree. */
const SEARCH_MARGIN_MS = 86_400_000;

/** A figure of a database that may not read (a damaged file): null when SQLite refuses; any other error is a bug and goes on. */
function readable<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_'))
      return null;
    throw error;
  }
}

function compare(records: SubmittedRecord[], inBackup: (id: string) => boolean, carriedIds: Set<string>) {
  const missing = records.filter((r) => !inBackup(r.id));
  return {
    missing: missing.length,
    delivered: missing.filter((r) => r.delivered).length,
    carried: missing.filter((r) => carriedIds.has(r.id)).length,
  };
}

/**
 * The dry run of a restore: the backup's check, whether it may be restored (intact, not newer than
 * this build, this hall's), and what restoring it would change, read from both databases: today's
 * tickets and the cases in each; the cases and ratings made since that the backup lacks, how many
 * of them the central API already has, and how many are still owed to it (those are carried into
 * the restored database with their outbox entries, pending-restore.ts); the numbering that goes on.
 */
export function previewRestore(o: PreviewInput): RestorePreview {
  const check: BackupCheck = {
    result: o.intact ? o.check.result : 'corrupt',
    schemaVersion: o.check.schemaVersion,
    checkedAt: o.checkedAt,
  };
  const refusals: RestoreRefusal[] = [];
  if (check.result !== 'ok') refusals.push(check.result);
  if (check.schemaVersion !== null && check.schemaVersion > o.buildVersion) refusals.push('newer');

  let backup: Db | null = null;
  try {
    backup = o.check.result === 'unreadable' ? null : readable(() => openReadOnly(o.candidate));
    const from = backup;
    const identity = from === null ? null : readable(() => HallIdentity.safeParse(readSetting(from, HALL_IDENTITY_KEY)));
    const backupHallId = identity?.success ? identity.data.hallId : null;
    if (backupHallId !== o.hallId && check.result !== 'unreadable') refusals.push('other-hall');

    const since = new Date(Date.parse(o.createdAt) - SEARCH_MARGIN_MS).toISOString();
    const live = o.live;
    const sinceFigures =
      from === null
        ? null
        : readable(() => {
            const owed = undeliveredEntries(live).filter((e) => !hasOutboxEntry(from, e.idempotencyKey));
            const carriedOf = (kind: string) => new Set(owed.filter((e) => e.kind === kind).map((e) => e.recordId));
            return {
              cases: compare(casesSince(live, since), (id) => hasCase(from, id), carriedOf('case')),
              evaluations: compare(evaluationsSince(live, since), (id) => hasEvaluation(from, id), carriedOf('evaluation')),
              otherEntries: owed.filter((e) => e.kind !== 'case' && e.kind !== 'evaluation').length,
            };
          });
    const currentReadable = readable(() => caseCount(live)) !== null && (from === null || sinceFigures !== null);
    return {
      name: o.name,
      createdAt: o.createdAt,
      check,
      refusals,
      schema: { backup: check.schemaVersion, build: o.buildVersion },
      hallId: { backup: backupHallId, here: o.hallId },
      madeHere: o.madeHere,
      businessDay: o.businessDay,
      ticketsToday: {
        backup: from === null ? null : readable(() => ticketsOn(from, o.businessDay)),
        now: readable(() => ticketsOn(live, o.businessDay)),
      },
      cases: { backup: from === null ? null : readable(() => caseCount(from)), now: readable(() => caseCount(live)) },
      currentReadable,
      since: currentReadable ? sinceFigures : null,
      numbering: o.numbering
        .filter((e) => e.businessDay === o.businessDay)
        .sort((a, b) => a.prefix.localeCompare(b.prefix))
        .map((e) => ({ prefix: e.prefix, highest: `${e.prefix}${String(e.number).padStart(3, '0')}` })),
    };
  } finally {
    backup?.close();
  }
}
