import {
  pageChunkCount,
  pageChunkSpan,
  type PageChunkParams,
  type PageChunkQuery,
  type PageChunkReceipt,
} from '../../contracts/central-pages';
import type { CasePagesView } from '../../contracts/central-pages';
import type { Sql } from '../db/sql';
import {
  addChunk,
  assemblePage,
  caseHall,
  casesWithPagesClosedBefore,
  chunkMatches,
  heldChunkCount,
  lockCasePage,
  pageBytes,
  pagesOfCase,
  purgeCasePages,
} from '../store/case-pages';

/** What a chunk's delivery did; every kind but `ok` is a refusal the route answers with its status. */
export type ChunkOutcome =
  | { kind: 'ok'; receipt: PageChunkReceipt }
  /** No case of this number in the credential's hall (another hall's is unknown too): 404. */
  | { kind: 'case_not_found' }
  /** The chunk's length is not its place's in the page: 400. */
  | { kind: 'chunk_size_wrong'; expected: number }
  /** Facts or bytes other than those the platform holds for the page: 409. */
  | { kind: 'page_mismatch' }
  /** A chunk after a missing one: 409, with the index expected next. */
  | { kind: 'chunk_out_of_order'; expected: number }
  /** The page's last chunk came, and the whole does not hash to its checksum: 422 (its chunks are dropped). */
  | { kind: 'checksum_mismatch' };

/**
 * A case's material pages (contracts/central-pages.ts): the chunks a hall's host sends, each
 * after the one before, joined and verified (length and SHA-256) when the last one comes; the
 * console's list and bytes; the page purge. A chunk delivered again (a lost reply, a duplicate)
 * is answered as it was the first time when its bytes are the same, so the host's retries are
 * harmless; anything else about the page changing is refused.
 */
export class CasePageService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async receiveChunk(hallId: string, params: PageChunkParams, query: PageChunkQuery, bytes: Uint8Array): Promise<ChunkOutcome> {
    const chunkCount = pageChunkCount(query.byteLength);
    const span = pageChunkSpan(query.byteLength, params.index);
    if (params.index >= chunkCount || bytes.length !== span.length) return { kind: 'chunk_size_wrong', expected: span.length };
    const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    const at = this.now();
    return this.sql.transaction(async (tx): Promise<ChunkOutcome> => {
      if ((await caseHall(tx, params.caseNumber)) !== hallId) return { kind: 'case_not_found' };
      const page = await lockCasePage(tx, { ...params, ...query, chunkCount, at });
      const sameFacts =
        page.caseNumber === params.caseNumber &&
        page.materialCode === query.materialCode &&
        page.position === query.position &&
        page.byteLength === query.byteLength &&
        page.sha256 === query.sha256;
      if (!sameFacts) return { kind: 'page_mismatch' };
      const receipt = (chunksReceived: number, complete: boolean): ChunkOutcome => ({
        kind: 'ok',
        receipt: { pageId: params.pageId, chunksReceived, chunkCount, complete },
      });
      if (page.completedAt !== null) {
        // Kept and verified: a chunk sent again is answered as before (after a purge, without comparing).
        if (page.purgedAt !== null || (await chunkMatches(tx, params.pageId, params.index, span, base64))) {
          return receipt(chunkCount, true);
        }
        return { kind: 'page_mismatch' };
      }
      const held = await heldChunkCount(tx, params.pageId);
      if (params.index < held) {
        return (await chunkMatches(tx, params.pageId, params.index, span, base64))
          ? receipt(held, false)
          : { kind: 'page_mismatch' };
      }
      if (params.index > held) return { kind: 'chunk_out_of_order', expected: held };
      await addChunk(tx, params.pageId, params.index, base64);
      if (held + 1 < chunkCount) return receipt(held + 1, false);
      return (await assemblePage(tx, params.pageId, at)) ? receipt(chunkCount, true) : { kind: 'checksum_mismatch' };
    });
  }

  /** The case's complete pages for the console, or undefined for a case the platform does not have. */
  async pagesOf(caseNumber: string): Promise<CasePagesView | undefined> {
    if ((await caseHall(this.sql, caseNumber)) === undefined) return undefined;
    const rows = await pagesOfCase(this.sql, caseNumber);
    return {
      pages: rows.map((row) => ({
        pageId: row.pageId,
        materialCode: row.materialCode,
        position: row.position,
        byteLength: row.byteLength,
        sha256: row.sha256,
        receivedAt: (row.completedAt ?? row.createdAt).toISOString(),
        purgedAt: row.purgedAt?.toISOString() ?? null,
      })),
    };
  }

  /** A page's JPEG, or undefined when it is unknown, still arriving or purged. */
  async pageImage(caseNumber: string, pageId: string): Promise<Buffer | undefined> {
    const base64 = await pageBytes(this.sql, caseNumber, pageId);
    return base64 === undefined ? undefined : Buffer.from(base64, 'base64');
  }

  /**
   * The page purge: clears the bytes of the pages of `caseNumbers`, with the case's personal data
   * (what each page was stays). Then a VACUUM of the table, outside any transaction, so the old
   * row versions are gone from what PostgreSQL can read back (docs/material-pages.md: the disk
   * blocks are reused, not zeroed). Returns how many pages lost their bytes.
   */
  async purgePages(caseNumbers: readonly string[]): Promise<number> {
    if (caseNumbers.length === 0) return 0;
    const purged = await this.sql.transaction((tx) => purgeCasePages(tx, caseNumbers, this.now()));
    if (purged > 0) await this.sql.query('VACUUM case_pages, case_page_chunks');
    return purged;
  }

  /**
   * The platform keeps no other personal data of cases on a clock (the applicant stays with the
   * case): the pages go `retentionDays` after their case was closed (办结, 不予受理).
   */
  async purgeClosedCasePages(retentionDays: number): Promise<number> {
    const before = new Date(this.now().getTime() - retentionDays * 86_400_000);
    return this.purgePages(await casesWithPagesClosedBefore(this.sql, before));
  }
}
