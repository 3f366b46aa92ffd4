import type { Sql } from '../db/sql';

/**
 * A case's material pages (`case_pages`, `case_page_chunks`: migration 013). Bytes travel to and
 * from the database as base64 text decoded and encoded in SQL (`decode`, `encode`), so neither
 * driver's own bytea conversion is relied on (db/sql.ts: parameters are text, numbers, null).
 */

/** What a page is, without its bytes. */
export interface CasePageRow {
  pageId: string;
  caseNumber: string;
  materialCode: string;
  position: number;
  byteLength: number;
  sha256: string;
  chunkCount: number;
  createdAt: Date;
  completedAt: Date | null;
  purgedAt: Date | null;
}

const PAGE_COLUMNS = `page_id AS "pageId", case_number AS "caseNumber", material_code AS "materialCode", position,
  byte_length AS "byteLength", sha256, chunk_count AS "chunkCount", created_at AS "createdAt",
  completed_at AS "completedAt", purged_at AS "purgedAt"`;

/** A page as its first chunk announces it; `at` becomes its creation time. */
export type NewCasePage = Pick<
  CasePageRow,
  'pageId' | 'caseNumber' | 'materialCode' | 'position' | 'byteLength' | 'sha256' | 'chunkCount'
> & { at: Date };

/**
 * The page's row, created by its first chunk if need be, and locked (`FOR UPDATE`) to the end
 * of the transaction: two deliveries of one page's chunks (a retry beside a request still under
 * way, on another instance) take turns. The row as it is, which may say other facts than `page`
 * (the caller compares them).
 */
export async function lockCasePage(sql: Sql, page: NewCasePage): Promise<CasePageRow> {
  await sql.query(
    `INSERT INTO case_pages (page_id, case_number, material_code, position, byte_length, sha256, chunk_count, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (page_id) DO NOTHING`,
    [
      page.pageId,
      page.caseNumber,
      page.materialCode,
      page.position,
      page.byteLength,
      page.sha256,
      page.chunkCount,
      page.at.toISOString(),
    ],
  );
  const [row] = await sql.query<CasePageRow>(`SELECT ${PAGE_COLUMNS} FROM case_pages WHERE page_id = $1 FOR UPDATE`, [
    page.pageId,
  ]);
  if (row === undefined) throw new Error(`page ${page.pageId} vanished under its lock`);
  return row;
}

/** How many chunks of an incomplete page are held (they are always 0 … n-1: see `addChunk`). */
export async function heldChunkCount(sql: Sql, pageId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>('SELECT count(*)::integer AS n FROM case_page_chunks WHERE page_id = $1', [
    pageId,
  ]);
  return row?.n ?? 0;
}

/** Whether `bytes` (base64) are exactly chunk `index` as held, or of the complete page at `offset`. */
export async function chunkMatches(
  sql: Sql,
  pageId: string,
  index: number,
  span: { offset: number; length: number },
  base64: string,
): Promise<boolean> {
  const [row] = await sql.query<{ same: boolean | null }>(
    `SELECT coalesce(
       (SELECT bytes = decode($3, 'base64') FROM case_page_chunks WHERE page_id = $1 AND chunk_index = $2),
       (SELECT substring(bytes FROM $4 FOR $5) = decode($3, 'base64') FROM case_pages WHERE page_id = $1 AND bytes IS NOT NULL)
     ) AS same`,
    [pageId, index, base64, span.offset + 1, span.length],
  );
  return row?.same === true;
}

export async function addChunk(sql: Sql, pageId: string, index: number, base64: string): Promise<void> {
  await sql.query(`INSERT INTO case_page_chunks (page_id, chunk_index, bytes) VALUES ($1, $2, decode($3, 'base64'))`, [
    pageId,
    index,
    base64,
  ]);
}

/**
 * Joins the held chunks in order into the page, if they hash to `sha256` and are `byteLength`
 * long: then the page keeps them as its bytes, its chunks are deleted, and `true`. Otherwise
 * nothing is kept (the chunks are deleted, so the host's next delivery starts the page afresh)
 * and `false`.
 */
export async function assemblePage(sql: Sql, pageId: string, at: Date): Promise<boolean> {
  const [row] = await sql.query<{ verified: boolean }>(
    `WITH joined AS (
       SELECT string_agg(bytes, ''::bytea ORDER BY chunk_index) AS bytes FROM case_page_chunks WHERE page_id = $1
     ), kept AS (
       UPDATE case_pages p SET bytes = joined.bytes, completed_at = $2
         FROM joined
        WHERE p.page_id = $1 AND length(joined.bytes) = p.byte_length AND encode(sha256(joined.bytes), 'hex') = p.sha256
       RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM kept) AS verified`,
    [pageId, at.toISOString()],
  );
  await sql.query('DELETE FROM case_page_chunks WHERE page_id = $1', [pageId]);
  return row?.verified === true;
}

/** The case's hall, or undefined for a case number the platform does not have. */
export async function caseHall(sql: Sql, caseNumber: string): Promise<string | undefined> {
  const [row] = await sql.query<{ hallId: string }>('SELECT hall_id AS "hallId" FROM cases WHERE case_number = $1', [caseNumber]);
  return row?.hallId;
}

/** The case's complete pages, in their order (a page still arriving is not listed). */
export async function pagesOfCase(sql: Sql, caseNumber: string): Promise<CasePageRow[]> {
  return sql.query<CasePageRow>(
    `SELECT ${PAGE_COLUMNS} FROM case_pages WHERE case_number = $1 AND completed_at IS NOT NULL ORDER BY position, page_id`,
    [caseNumber],
  );
}

/** A complete page's bytes (base64), or undefined when it is unknown, still arriving or purged. */
export async function pageBytes(sql: Sql, caseNumber: string, pageId: string): Promise<string | undefined> {
  const [row] = await sql.query<{ bytes: string }>(
    `SELECT encode(bytes, 'base64') AS bytes FROM case_pages WHERE case_number = $1 AND page_id = $2 AND bytes IS NOT NULL`,
    [caseNumber, pageId],
  );
  return row?.bytes;
}

/**
 * Clears the bytes of the pages of `caseNumbers` (and drops any chunk still held for them): the
 * page purge that goes with the case's personal data. What each page was stays (material,
 * place, size, checksum). Returns how many pages lost their bytes.
 */
export async function purgeCasePages(sql: Sql, caseNumbers: readonly string[], at: Date): Promise<number> {
  await sql.query(
    `DELETE FROM case_page_chunks WHERE page_id IN (SELECT page_id FROM case_pages WHERE case_number = ANY($1::text[]))`,
    [caseNumbers],
  );
  const rows = await sql.query<{ pageId: string }>(
    `UPDATE case_pages SET bytes = NULL, purged_at = $2,
       completed_at = coalesce(completed_at, $2)
      WHERE case_number = ANY($1::text[]) AND purged_at IS NULL
      RETURNING page_id AS "pageId"`,
    [caseNumbers, at.toISOString()],
  );
  return rows.length;
}

/**
 * The cases closed (办结 or 不予受理) before `closedBefore` whose pages still hold bytes: those
 * the retention purge clears.
 */
export async function casesWithPagesClosedBefore(sql: Sql, closedBefore: Date): Promise<string[]> {
  const rows = await sql.query<{ caseNumber: string }>(
    `SELECT DISTINCT p.case_number AS "caseNumber"
       FROM case_pages p JOIN cases c ON c.case_number = p.case_number
      WHERE p.purged_at IS NULL AND c.status IN ('completed', 'rejected')
        AND (SELECT max(at) FROM case_status_changes s WHERE s.case_number = c.case_number) < $1`,
    [closedBefore.toISOString()],
  );
  return rows.map((row) => row.caseNumber);
}
