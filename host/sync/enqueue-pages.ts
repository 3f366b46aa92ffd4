import { z } from 'zod';
import { MATERIAL_PAGE_MAX_BYTES } from '../../contracts/cases';
import { PAGE_CHUNKS_MAX, pageChunkCount, Sha256Hex } from '../../contracts/central-pages';
import type { Db } from '../../db/open';
import type { PageRow } from '../../db/repositories/material-pages';
import { enqueue } from '../../db/repositories/outbox';

/**
 * One chunk of a material page as the outbox holds it: what to send, never the bytes. The bytes
 * stay in `material_pages` (one copy of the personal data, which the case's purge clears) and are
 * read at each attempt.
 */
export const PageChunkEntry = z.object({
  caseId: z.uuid(),
  pageId: z.uuid(),
  materialCode: z.string().min(1).max(64),
  position: z.number().int().min(0),
  byteLength: z.number().int().min(1).max(MATERIAL_PAGE_MAX_BYTES),
  sha256: Sha256Hex,
  index: z
    .number()
    .int()
    .min(0)
    .max(PAGE_CHUNKS_MAX - 1),
});
export type PageChunkEntry = z.infer<typeof PageChunkEntry>;

/**
 * Queues every chunk of a case's pages, after the case: call it inside the case's transaction,
 * after `enqueueCase`. One outbox entry per chunk, in the case's ordering key, so that
 * - the central API has the case (and the host its number) before the first chunk, and a page's
 *   chunks arrive in order, pages in the case's order;
 * - each chunk is retried, backed off, refused for good and shown to a technician like any entry,
 *   with its own Idempotency-Key (`page:<pageId>:<index>`), and a restart resumes at the first
 *   chunk not delivered: the outbox is the resumable offset, no second bookkeeping beside it;
 * - a dropped reply costs one chunk (256 kB) sent again, not the page.
 * A 1 MiB page is four entries of a few hundred bytes each.
 */
export function enqueuePageChunks(
  db: Db,
  submission: { localCaseId: string; pages: readonly { row: PageRow; materialCode: string }[]; now: Date },
): void {
  submission.pages.forEach(({ row: page, materialCode }, position) => {
    const count = pageChunkCount(page.byteLength);
    for (let index = 0; index < count; index += 1) {
      const payload: PageChunkEntry = {
        caseId: submission.localCaseId,
        pageId: page.id,
        materialCode,
        position,
        byteLength: page.byteLength,
        sha256: page.sha256,
        index,
      };
      enqueue(db, {
        kind: 'case-page-chunk',
        recordId: page.id,
        orderingKey: `case:${submission.localCaseId}`,
        idempotencyKey: `page:${page.id}:${index}`,
        payload: PageChunkEntry.parse(payload),
        now: submission.now,
      });
    }
  });
}
