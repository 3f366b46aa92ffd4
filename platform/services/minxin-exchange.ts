import type { ComplaintActor } from '../../contracts/complaint-actions';
import type { MinxinFileError, MinxinFileKind, MinxinReply } from '../../contracts/minxin';
import type { MinxinExportRequest, MinxinImportResult, MinxinPendingReplies } from '../../contracts/platform-minxin-api';
import { sqlState, type Sql } from '../db/sql';
import { allUnits } from '../store/complaint-directory';
import { insertAudit } from '../store/district-audit';
import {
  complaintRowsByNumber,
  exportedReplyKeys,
  lastReplyExportAt,
  minxinComplaintRowsToAnswer,
  minxinNumbersByRef,
  recordExportedReplies,
} from '../store/minxin-exchange';
import type { ComplaintRegistration } from './complaint-registration';
import { complaintsOf } from './complaint-records';
import { parseMinxinBatch, splitAlreadyImported } from './minxin-import';
import { minxinReplies, minxinRepliesCsv, minxinRepliesJson, minxinRepliesXlsx } from './minxin-export';

/** Who may exchange files with 民心网: a 营商局 person with `intake`, as for the hotline form. */
type Refusal = { kind: 'not_a_person' } | { kind: 'wrong_role' };

export type MinxinImportOutcome =
  Refusal | { kind: 'file_refused'; error: MinxinFileError } | { kind: 'ok'; result: MinxinImportResult };

export type MinxinExportOutcome = Refusal | { kind: 'ok'; file: Uint8Array; count: number };

function refusalOf(actor: ComplaintActor | undefined): Refusal | null {
  if (actor === undefined || actor.kind !== 'staff') return { kind: 'not_a_person' };
  return actor.bureauRoles.includes('intake') ? null : { kind: 'wrong_role' };
}

/** A unique violation of the 民心网编号 index: another import registered one of the refs in between. */
const UNIQUE_VIOLATION = '23505';

/**
 * The 民心网 exchange on the platform (docs/minxin-format.md): a batch file imported row by row,
 * each 民心网编号 registered once however often the file comes, and the replies exported back,
 * each record once unless asked for again.
 */
export class MinxinExchange {
  constructor(
    private readonly sql: Sql,
    private readonly registration: ComplaintRegistration,
    private readonly now: () => Date,
  ) {}

  /**
   * Reads the file and registers its fresh rows (as the platform, audited under `by`). Two
   * imports of one batch at once: the unique index on the 民心网编号 refuses the later writer's
   * transaction whole, and the import is read again, finding those rows registered; its
   * reserved numbers stay unused, a gap as a case not written leaves one.
   */
  async importBatch(
    actor: ComplaintActor | undefined,
    by: string,
    bytes: Uint8Array,
    kind: MinxinFileKind,
  ): Promise<MinxinImportOutcome> {
    const refusal = refusalOf(actor);
    if (refusal !== null) return refusal;
    const areas = (await allUnits(this.sql)).filter((u) => u.kind !== 'department');
    const parsed = await parseMinxinBatch(bytes, kind, { areas });
    if (!parsed.ok) return { kind: 'file_refused', error: parsed.error };
    const { batch } = parsed;
    const refs = batch.accepted.flatMap((row) => (row.complaint.externalRef === null ? [] : [row.complaint.externalRef]));

    for (let attempt = 1; ; attempt += 1) {
      const known = await minxinNumbersByRef(this.sql, refs);
      const { fresh, alreadyImported } = splitAlreadyImported(batch, new Set(known.keys()));
      try {
        const registered = await this.registration.registerImported(
          fresh.map((row) => row.complaint),
          {
            at: this.now(),
            actor: by,
            action: 'minxin.import',
            subject: `minxin-batch:${batch.batchId ?? kind}`,
            // Counts only: the rows carry enterprises' contacts.
            detail: { kind, imported: fresh.length, alreadyImported: alreadyImported.length, refused: batch.refused.length },
          },
        );
        return {
          kind: 'ok',
          result: {
            kind,
            batchId: batch.batchId,
            imported: fresh.map((row, index) => {
              const complaint = registered[index];
              if (complaint === undefined) throw new Error('a 民心网 row was not registered');
              return {
                line: row.line,
                row: row.row,
                externalRef: row.complaint.externalRef ?? '',
                number: complaint.number,
                closeDueAt: complaint.closeDueAt,
                duplicates: complaint.duplicates,
                warnings: row.warnings,
              };
            }),
            alreadyImported: alreadyImported.map((row) => {
              const ref = row.complaint.externalRef ?? '';
              return { line: row.line, row: row.row, externalRef: ref, number: known.get(ref) ?? '' };
            }),
            refused: batch.refused,
          },
        };
      } catch (error) {
        if (attempt >= 2 || sqlState(error) !== UNIQUE_VIOLATION) throw error;
      }
    }
  }

  /** The reply records not exported yet, oldest first, and when the last export was. */
  async pendingReplies(): Promise<MinxinPendingReplies> {
    const replies = await this.allReplies();
    const exported = await exportedReplyKeys(
      this.sql,
      replies.map((r) => r.key),
    );
    const lastExportAt = await lastReplyExportAt(this.sql);
    return { replies: replies.filter((r) => !exported.has(r.key)), lastExportAt: lastExportAt?.toISOString() ?? null };
  }

  /** The file of the records asked for; they are recorded as exported in the same transaction as the audit. */
  async exportReplies(actor: ComplaintActor | undefined, by: string, request: MinxinExportRequest): Promise<MinxinExportOutcome> {
    const refusal = refusalOf(actor);
    if (refusal !== null) return refusal;
    const replies = request.scope === 'all' ? await this.allReplies() : (await this.pendingReplies()).replies;
    const now = this.now();
    const file = await fileOf(replies, request.format, now.toISOString());
    await this.sql.transaction(async (tx) => {
      await recordExportedReplies(
        tx,
        replies.map((r) => r.key),
        now,
        by,
      );
      await insertAudit(tx, {
        at: now,
        actor: by,
        action: 'minxin.export',
        subject: `minxin-replies:${request.format}`,
        detail: { scope: request.scope, records: replies.length },
      });
    });
    return { kind: 'ok', file, count: replies.length };
  }

  /** Every record 民心网 must hear of: its complaints' answered steps, and those of the complaints they were merged into. */
  private async allReplies(): Promise<MinxinReply[]> {
    const rows = await minxinComplaintRowsToAnswer(this.sql);
    const loaded = new Map(rows.map((row) => [row.number, row]));
    // Follow merges: the complaint handled in its place answers for it (a chain, each link read once).
    let missing = rows.flatMap((row) => (row.mergedInto !== null && !loaded.has(row.mergedInto) ? [row.mergedInto] : []));
    while (missing.length > 0) {
      const targets = await complaintRowsByNumber(this.sql, [...new Set(missing)]);
      for (const row of targets) loaded.set(row.number, row);
      missing = targets.flatMap((row) => (row.mergedInto !== null && !loaded.has(row.mergedInto) ? [row.mergedInto] : []));
    }
    const complaints = await complaintsOf(this.sql, [...loaded.values()]);
    return minxinReplies(complaints, await allUnits(this.sql));
  }
}

async function fileOf(replies: readonly MinxinReply[], format: MinxinFileKind, exportedAt: string): Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return Buffer.from(minxinRepliesJson(replies, exportedAt), 'utf8');
    case 'csv':
      return Buffer.from(minxinRepliesCsv(replies), 'utf8');
    case 'xlsx':
      return minxinRepliesXlsx(replies, exportedAt);
  }
}
