import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * Material pages (table `material_pages`, migration 030): the JPEGs the kiosk captured, held for
 * the card session that took them until a case attaches them. Personal data: the bytes are read
 * only to be sent to the central API, and cleared with the case's personal data by `purgePages`.
 */

export interface NewHeldPage {
  id: string;
  sessionId: string;
  bytes: Uint8Array;
  sha256: string;
  uploadedAt: string;
}

/** A page without its bytes: what the host knows of it. */
export interface PageRow {
  id: string;
  sessionId: string | null;
  caseId: string | null;
  materialCode: string | null;
  position: number | null;
  byteLength: number;
  sha256: string;
  uploadedAt: string;
  purgedAt: string | null;
}

const columns = `id, session_id AS sessionId, case_id AS caseId, material_code AS materialCode, position,
  byte_length AS byteLength, sha256, uploaded_at AS uploadedAt, purged_at AS purgedAt`;

export function insertHeldPage(db: Db, page: NewHeldPage): void {
  prepared(
    db,
    `INSERT INTO material_pages (id, session_id, bytes, byte_length, sha256, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(page.id, page.sessionId, page.bytes, page.bytes.length, page.sha256, page.uploadedAt);
}

/** How many pages a card session holds (not yet attached). */
export function countHeldPages(db: Db, sessionId: string): number {
  const row = prepared(db, 'SELECT count(*) AS n FROM material_pages WHERE session_id = ?').get(sessionId) as { n: number };
  return row.n;
}

export function pageById(db: Db, id: string): PageRow | undefined {
  return prepared(db, `SELECT ${columns} FROM material_pages WHERE id = ?`).get(id) as PageRow | undefined;
}

/** Attaches a page its session holds to a case; false when the session holds no such page. */
export function attachPage(
  db: Db,
  page: { id: string; sessionId: string; caseId: string; materialCode: string; position: number },
): boolean {
  return (
    prepared(
      db,
      `UPDATE material_pages SET session_id = NULL, case_id = ?, material_code = ?, position = ?
       WHERE id = ? AND session_id = ?`,
    ).run(page.caseId, page.materialCode, page.position, page.id, page.sessionId).changes === 1
  );
}

/** The pages of a case in their order, without bytes. */
export function pagesOfCase(db: Db, caseId: string): PageRow[] {
  return prepared(db, `SELECT ${columns} FROM material_pages WHERE case_id = ? ORDER BY position`).all(caseId) as PageRow[];
}

/**
 * `length` bytes of a page from `offset` (a chunk to send); undefined when the page is gone or
 * its bytes were purged.
 */
export function pageBytes(db: Db, id: string, offset: number, length: number): Buffer | undefined {
  const row = prepared(db, 'SELECT substr(bytes, ?, ?) AS chunk FROM material_pages WHERE id = ? AND bytes IS NOT NULL').get(
    offset + 1,
    length,
    id,
  ) as { chunk: Buffer } | undefined;
  return row?.chunk;
}

/** Deletes the pages a card session holds (its visit ended without a case taking them); returns how many. */
export function deleteHeldPages(db: Db, sessionId: string): number {
  return prepared(db, 'DELETE FROM material_pages WHERE session_id = ?').run(sessionId).changes;
}

/** Deletes every page no case took: at startup, when no card session can be alive. */
export function deleteAllHeldPages(db: Db): number {
  return prepared(db, 'DELETE FROM material_pages WHERE session_id IS NOT NULL').run().changes;
}

/** Clears the bytes of the pages of cases whose personal data was purged; returns how many. */
export function purgePages(db: Db, now: string): number {
  return prepared(
    db,
    `UPDATE material_pages SET bytes = NULL, purged_at = ?
     WHERE bytes IS NOT NULL AND case_id IN (SELECT id FROM cases WHERE purged_at IS NOT NULL)`,
  ).run(now).changes;
}
