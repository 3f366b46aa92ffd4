/**
 * A case's material pages (材料页) on their way from a hall host to the district platform, and on
 * the district console. A page is a JPEG of at most `MATERIAL_PAGE_MAX_BYTES` the kiosk captured
 * (contracts/cases.ts); the host sends it after its case, in the case's ordering key, as binary
 * chunks of `PAGE_CHUNK_BYTES` (one outbox entry each: host/sync/enqueue-pages.ts says why), and
 * the platform assembles them in order and verifies the page's SHA-256 before it keeps it.
 */
import { z } from 'zod';
import { CaseNumber } from './central-api';
import { MATERIAL_PAGE_MAX_BYTES, MATERIAL_PAGES_PER_CASE_MAX } from './cases';
import { centralErrors, definePlatformOperations } from './platform-operation';

/** One chunk's size: every chunk but a page's last is exactly this long. */
export const PAGE_CHUNK_BYTES = 256 * 1024;
/** A chunk's body: its bytes as they are. */
export const PAGE_CHUNK_MEDIA_TYPE = 'application/octet-stream';
/** The most chunks a page has (a page at the size limit). */
export const PAGE_CHUNKS_MAX = Math.ceil(MATERIAL_PAGE_MAX_BYTES / PAGE_CHUNK_BYTES);

/** How many chunks a page of `byteLength` bytes travels in. */
export function pageChunkCount(byteLength: number): number {
  return Math.ceil(byteLength / PAGE_CHUNK_BYTES);
}

/** Where chunk `index` of a page of `byteLength` bytes starts, and how long it is. */
export function pageChunkSpan(byteLength: number, index: number): { offset: number; length: number } {
  const offset = index * PAGE_CHUNK_BYTES;
  return { offset, length: Math.max(0, Math.min(PAGE_CHUNK_BYTES, byteLength - offset)) };
}

/** Lower-case hex SHA-256. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256');

export const PageChunkParams = z.object({
  caseNumber: CaseNumber,
  pageId: z.uuid(),
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(PAGE_CHUNKS_MAX - 1),
});
export type PageChunkParams = z.infer<typeof PageChunkParams>;

/**
 * What every chunk says of its page: the same on each (a chunk saying otherwise is 409
 * `page_mismatch`), so any chunk may be the first the platform sees after a lost reply.
 */
export const PageChunkQuery = z.object({
  materialCode: z.string().trim().min(1).max(64),
  position: z.coerce
    .number()
    .int()
    .min(0)
    .max(MATERIAL_PAGES_PER_CASE_MAX - 1),
  byteLength: z.coerce.number().int().min(1).max(MATERIAL_PAGE_MAX_BYTES),
  sha256: Sha256Hex,
});
export type PageChunkQuery = z.infer<typeof PageChunkQuery>;

/** The chunk's body. */
export const PageChunkBytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the chunk’s bytes')
  .meta({ type: 'string', format: 'binary' });

/**
 * What the platform holds of the page after this chunk: `complete` once the last chunk came and
 * the page's bytes hashed to its checksum. A chunk sent again is answered the same (idempotent).
 */
export const PageChunkReceipt = z.object({
  pageId: z.uuid(),
  chunksReceived: z.number().int().min(0),
  chunkCount: z.number().int().min(1),
  complete: z.boolean(),
});
export type PageChunkReceipt = z.infer<typeof PageChunkReceipt>;

/** A page of a case as the district console lists it (the bytes on request). */
export const CasePageView = z.object({
  pageId: z.uuid(),
  materialCode: z.string(),
  position: z.number().int().min(0),
  byteLength: z.number().int().min(1),
  sha256: Sha256Hex,
  /** When its last chunk came and it verified. */
  receivedAt: z.iso.datetime(),
  /** When its bytes were purged with the case's personal data; null while they are kept. */
  purgedAt: z.iso.datetime().nullable(),
});
export type CasePageView = z.infer<typeof CasePageView>;

export const CasePagesView = z.object({ pages: z.array(CasePageView) });
export type CasePagesView = z.infer<typeof CasePagesView>;

export const CasePageParams = z.object({ caseNumber: CaseNumber, pageId: z.uuid() });
export type CasePageParams = z.infer<typeof CasePageParams>;

/** A page's JPEG as the console reads it, sent as it is (`image/jpeg`), never as JSON. */
export const CasePageImage = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the page’s bytes')
  .meta({ type: 'string', format: 'binary' });

const tags = ['cases'];

/** The chunk's route is a hall's: its credential, a case of its hall. */
export const casePageOperations = definePlatformOperations({
  receivePageChunk: {
    method: 'PUT',
    path: '/v1/cases/:caseNumber/pages/:pageId/chunks/:index',
    summary: 'One chunk of a material page of the case (its bytes as the body), idempotent; the last one verifies the page',
    tags,
    access: 'terminal',
    params: PageChunkParams,
    query: PageChunkQuery,
    body: PageChunkBytes,
    responses: { 200: PageChunkReceipt, ...centralErrors(400, 401, 403, 404, 409, 413, 415, 422) },
  },
});

export type CasePageOperationName = keyof typeof casePageOperations;
