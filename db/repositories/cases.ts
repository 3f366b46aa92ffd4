import type { CaseMaterial, CaseStatus, StatusHistoryEntry } from '../../contracts/central-api';
import type { TicketStatus } from '../../contracts/queue';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * Local cases (table `cases`) and the cached catalog (table `catalog_cache`).
 * Personal columns (applicant, form, keyed hash, masks) are nulled by `purgeCases`
 * once a case is delivered and its retention has passed; the rest stays as the
 * hall's record of what it handled. A case that never reached the central API is
 * deleted whole by `deleteUndeliveredCases` after the hall's retention period.
 */

export interface CachedCatalog {
  etag: string;
  json: string;
  fetchedAt: string;
}

export function readCatalogCache(db: Db): CachedCatalog | undefined {
  return prepared(db, 'SELECT etag, json, fetched_at AS fetchedAt FROM catalog_cache WHERE id = 1').get() as
    CachedCatalog | undefined;
}

export function writeCatalogCache(db: Db, entry: CachedCatalog): void {
  prepared(
    db,
    `INSERT INTO catalog_cache (id, etag, json, fetched_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET etag = excluded.etag, json = excluded.json, fetched_at = excluded.fetched_at`,
  ).run(entry.etag, entry.json, entry.fetchedAt);
}

/** A revalidation (304) only moves the time of the last contact. */
export function touchCatalogCache(db: Db, fetchedAt: string): void {
  prepared(db, 'UPDATE catalog_cache SET fetched_at = ? WHERE id = 1').run(fetchedAt);
}

export interface NewCaseRow {
  id: string;
  itemCode: string;
  itemName: string;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string | null;
  applicantKey: string;
  maskedName: string;
  maskedIdNumber: string;
  form: Record<string, string>;
  materials: CaseMaterial[];
  submittedAt: string;
  status: CaseStatus;
  statusHistory: StatusHistoryEntry[];
  stewardRequested: boolean;
}

/** A case without its personal columns: what the host hands on. */
export interface CaseRow {
  id: string;
  itemCode: string;
  itemName: string;
  maskedName: string | null;
  maskedIdNumber: string | null;
  materials: CaseMaterial[];
  submittedAt: string;
  caseNumber: string | null;
  deliveredAt: string | null;
  status: CaseStatus;
  statusHistory: StatusHistoryEntry[];
  stewardRequested: boolean;
  /** The steward request's ticket (首席服务管家), once issued. */
  stewardTicketId: number | null;
  /** Keyed hash of the applicant's ID number; null once purged. */
  applicantKey: string | null;
  updatedAt: string;
  purgedAt: string | null;
}

interface RawCaseRow extends Omit<CaseRow, 'materials' | 'statusHistory' | 'stewardRequested'> {
  materials: string;
  statusHistory: string;
  stewardRequested: number;
}

const columns = `id, item_code AS itemCode, item_name AS itemName, masked_name AS maskedName,
  masked_id_number AS maskedIdNumber, materials, submitted_at AS submittedAt, case_number AS caseNumber,
  delivered_at AS deliveredAt, status, status_history AS statusHistory, steward_requested AS stewardRequested,
  steward_ticket_id AS stewardTicketId, applicant_key AS applicantKey, updated_at AS updatedAt, purged_at AS purgedAt`;

function toRow(raw: RawCaseRow): CaseRow {
  return {
    ...raw,
    materials: JSON.parse(raw.materials) as CaseMaterial[],
    statusHistory: JSON.parse(raw.statusHistory) as StatusHistoryEntry[],
    stewardRequested: raw.stewardRequested === 1,
  };
}

export function insertCase(db: Db, c: NewCaseRow): void {
  prepared(
    db,
    `INSERT INTO cases (id, item_code, item_name, applicant_name, applicant_id_number, applicant_phone, applicant_key,
       masked_name, masked_id_number, form, materials, submitted_at, status, status_history, steward_requested, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.itemCode,
    c.itemName,
    c.applicantName,
    c.applicantIdNumber,
    c.applicantPhone,
    c.applicantKey,
    c.maskedName,
    c.maskedIdNumber,
    JSON.stringify(c.form),
    JSON.stringify(c.materials),
    c.submittedAt,
    c.status,
    JSON.stringify(c.statusHistory),
    c.stewardRequested ? 1 : 0,
    c.submittedAt,
  );
}

export function caseById(db: Db, id: string): CaseRow | undefined {
  const raw = prepared(db, `SELECT ${columns} FROM cases WHERE id = ?`).get(id) as RawCaseRow | undefined;
  return raw && toRow(raw);
}

export function caseByNumber(db: Db, caseNumber: string): CaseRow | undefined {
  const raw = prepared(db, `SELECT ${columns} FROM cases WHERE case_number = ?`).get(caseNumber) as RawCaseRow | undefined;
  return raw && toRow(raw);
}

/** Cases submitted with a card (by keyed hash) since an instant, newest first. */
export function casesByApplicantKey(db: Db, applicantKey: string, since: string, limit: number): CaseRow[] {
  const rows = prepared(
    db,
    `SELECT ${columns} FROM cases WHERE applicant_key = ? AND submitted_at >= ? ORDER BY submitted_at DESC, id LIMIT ?`,
  ).all(applicantKey, since, limit) as RawCaseRow[];
  return rows.map(toRow);
}

/** Stores the central case number once; a repeat with the same number is a no-op. */
export function setCaseNumber(
  db: Db,
  id: string,
  delivered: { caseNumber: string; status: CaseStatus; statusHistory: StatusHistoryEntry[]; at: string },
): boolean {
  return (
    prepared(
      db,
      `UPDATE cases SET case_number = ?, delivered_at = ?, status = ?, status_history = ?, updated_at = ?
       WHERE id = ? AND case_number IS NULL`,
    ).run(delivered.caseNumber, delivered.at, delivered.status, JSON.stringify(delivered.statusHistory), delivered.at, id)
      .changes === 1
  );
}

export function updateCaseStatus(
  db: Db,
  id: string,
  update: { status: CaseStatus; statusHistory: StatusHistoryEntry[]; at: string },
): void {
  prepared(db, 'UPDATE cases SET status = ?, status_history = ?, updated_at = ? WHERE id = ?').run(
    update.status,
    JSON.stringify(update.statusHistory),
    update.at,
    id,
  );
}

/** Clears the personal columns of cases delivered before `deliveredBefore`; returns how many. */
export function purgeCases(db: Db, deliveredBefore: string, now: string): number {
  return prepared(
    db,
    `UPDATE cases SET applicant_name = NULL, applicant_id_number = NULL, applicant_phone = NULL, applicant_key = NULL,
       masked_name = NULL, masked_id_number = NULL, form = NULL, purged_at = ?
     WHERE purged_at IS NULL AND case_number IS NOT NULL AND delivered_at < ?`,
  ).run(now, deliveredBefore).changes;
}

/**
 * Deletes the cases submitted before `submittedBefore` that never reached the central API
 * (still pending or failed for good), with their outbox entries and material pages; returns how many cases. The
 * row goes whole: a case without a central number cannot keep a row without its personal
 * data (the table's CHECK), and its payload, the only copy of what the citizen filed, is the
 * personal data itself.
 */
export function deleteUndeliveredCases(db: Db, submittedBefore: string): number {
  prepared(
    db,
    `DELETE FROM outbox WHERE kind = 'case' AND state <> 'delivered'
       AND record_id IN (SELECT id FROM cases WHERE case_number IS NULL AND submitted_at < ?)`,
  ).run(submittedBefore);
  // Its pages' chunks too; the pages themselves go with the case row (ON DELETE CASCADE).
  prepared(
    db,
    `DELETE FROM outbox WHERE kind = 'case-page-chunk' AND state <> 'delivered'
       AND record_id IN (SELECT p.id FROM material_pages p JOIN cases c ON c.id = p.case_id
                          WHERE c.case_number IS NULL AND c.submitted_at < ?)`,
  ).run(submittedBefore);
  return prepared(db, 'DELETE FROM cases WHERE case_number IS NULL AND submitted_at < ?').run(submittedBefore).changes;
}

export interface EarlyChange {
  cursor: string;
  caseNumber: string;
  status: CaseStatus;
  at: string;
  /** As the feed gave it (a change may come without one). */
  note?: string | undefined;
}

/** Keeps a pulled change of a case number not known here yet (see migration 005). */
export function bufferEarlyChange(db: Db, change: EarlyChange, receivedAt: string): void {
  prepared(
    db,
    `INSERT INTO early_case_changes (case_number, cursor, status, at, note, received_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (case_number, cursor) DO NOTHING`,
  ).run(change.caseNumber, Number(change.cursor), change.status, change.at, change.note ?? null, receivedAt);
}

/** Removes and returns the buffered changes of a case number, in feed order. */
export function takeEarlyChanges(db: Db, caseNumber: string): EarlyChange[] {
  const rows = prepared(
    db,
    'SELECT case_number AS caseNumber, cursor, status, at, note FROM early_case_changes WHERE case_number = ? ORDER BY cursor',
  ).all(caseNumber) as { caseNumber: string; cursor: number; status: CaseStatus; at: string; note: string | null }[];
  if (rows.length > 0) prepared(db, 'DELETE FROM early_case_changes WHERE case_number = ?').run(caseNumber);
  return rows.map((r) => ({
    caseNumber: r.caseNumber,
    cursor: String(r.cursor),
    status: r.status,
    at: r.at,
    ...(r.note === null ? {} : { note: r.note }),
  }));
}

/** Drops buffered changes received before `olderThan` (other halls' cases, long-lost ones). */
export function purgeEarlyChanges(db: Db, olderThan: string): number {
  return prepared(db, 'DELETE FROM early_case_changes WHERE received_at < ?').run(olderThan).changes;
}

/** Links a case to the ticket its steward request put in the steward's queue. */
export function setStewardTicket(db: Db, id: string, ticketId: number): void {
  prepared(db, 'UPDATE cases SET steward_ticket_id = ? WHERE id = ?').run(ticketId, id);
}

export interface StewardRow {
  ticketNumber: string;
  ticketStatus: TicketStatus;
  /** Null until a steward called the ticket. */
  name: string | null;
  phone: string | null;
  windowNumber: number | null;
}

/**
 * The steward of a steward ticket: whoever made its latest call (a transfer to another
 * steward hands the case over), with their work phone.
 */
export function stewardOfTicket(db: Db, ticketId: number): StewardRow | undefined {
  return prepared(
    db,
    `SELECT t.number AS ticketNumber, t.status AS ticketStatus, s.name AS name, s.steward_phone AS phone, w.number AS windowNumber
       FROM tickets t
       LEFT JOIN calls c ON c.id = (SELECT MAX(id) FROM calls WHERE ticket_id = t.id)
       LEFT JOIN staff s ON s.id = c.staff_id
       LEFT JOIN windows w ON w.id = c.window_id
      WHERE t.id = ?`,
  ).get(ticketId) as StewardRow | undefined;
}
