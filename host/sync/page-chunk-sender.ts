import { pageChunkSpan } from '../../contracts/central-pages';
import type { Db } from '../../db/open';
import { caseById } from '../../db/repositories/cases';
import { pageBytes } from '../../db/repositories/material-pages';
import { PageChunkEntry } from './enqueue-pages';
import type { Sender } from './senders';

/**
 * Sends one chunk of a material page (an outbox entry of kind `case-page-chunk`): its bytes read
 * from the pages table at this attempt, to the case's central number. It runs after the case's
 * own entry (same ordering key), so the number is known; a case the central API refused for good
 * never got one, and its chunks are refused too (permanent: the central API was not asked, so the
 * circuit breaker hears nothing of it). A page purged before its chunks went is permanent as well.
 */
export function pageChunkSender(db: Db): Sender {
  return async (client, entry) => {
    if (!client.submitPageChunk) return { ok: false, kind: 'retryable', message: 'client cannot send material pages' };
    const parsed = PageChunkEntry.safeParse(entry.payload === null ? undefined : JSON.parse(entry.payload));
    if (!parsed.success) return { ok: false, kind: 'permanent', message: 'payload is not a valid page chunk' };
    const chunk = parsed.data;
    const caseNumber = caseById(db, chunk.caseId)?.caseNumber ?? null;
    if (caseNumber === null) return { ok: false, kind: 'permanent', message: 'the case has no central number' };
    const span = pageChunkSpan(chunk.byteLength, chunk.index);
    const bytes = pageBytes(db, chunk.pageId, span.offset, span.length);
    if (bytes?.length !== span.length) return { ok: false, kind: 'permanent', message: 'the page’s bytes are gone' };
    return client.submitPageChunk(entry.idempotencyKey, {
      caseNumber,
      pageId: chunk.pageId,
      index: chunk.index,
      materialCode: chunk.materialCode,
      position: chunk.position,
      byteLength: chunk.byteLength,
      sha256: chunk.sha256,
      bytes,
    });
  };
}
