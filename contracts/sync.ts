/**
 * Sync of the hall host with the central API: what the outbox holds and the status the
 * technician console and health checks show. The hall works offline first: every record is
 * committed locally with its outbox entry, and delivered when the central API answers
 * (docs/architecture.md, "Offline first").
 */
import { z } from 'zod';

/** What an outbox entry delivers. New kinds append here; the table does not constrain them. */
export const OutboxKind = z.enum(['case', 'evaluation', 'queue-stats', 'review-outcome', 'case-page-chunk']);
export type OutboxKind = z.infer<typeof OutboxKind>;

export const OutboxState = z.enum(['pending', 'delivered', 'failed-permanent']);
export type OutboxState = z.infer<typeof OutboxState>;

/** closed: calls flow; open: the central API is left alone; half-open: one probe decides. */
export const BreakerState = z.enum(['closed', 'open', 'half-open']);
export type BreakerState = z.infer<typeof BreakerState>;

/** One record still owed to the central API (no payload, so no personal data). */
export const SyncRecord = z.object({
  kind: z.string(),
  /** The local record: a case's local id, an evaluation's id, a business day. */
  recordId: z.string(),
  state: z.enum(['pending', 'failed-permanent']),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** When a pending entry is tried next. */
  nextAttemptAt: z.iso.datetime().nullable(),
});
export type SyncRecord = z.infer<typeof SyncRecord>;

export const SyncStatus = z.object({
  /** Entries not yet delivered (including ones waiting for a retry). */
  pending: z.number().int().min(0),
  /** Entries the central API refused for good; kept for a technician to see. */
  failed: z.number().int().min(0),
  /** Last answer from the central API (a delivery or a pull), if any. */
  lastSuccessAt: z.iso.datetime().nullable(),
  /** Status and error code of the last failure since the last success; never personal data. */
  lastError: z.string().nullable(),
  breaker: BreakerState,
  /** The newest records not delivered yet (pending or refused), each with its own state. */
  records: z.array(SyncRecord),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** What one drain pass did. */
export const DrainReport = z.object({
  attempted: z.number().int().min(0),
  delivered: z.number().int().min(0),
  retried: z.number().int().min(0),
  failedPermanent: z.number().int().min(0),
  /** Due entries not attempted because the breaker was open (or its probe was out). */
  heldByBreaker: z.number().int().min(0),
  breaker: BreakerState,
});
export type DrainReport = z.infer<typeof DrainReport>;

/** What one pull of the change feed did. */
export const PullReport = z.object({
  applied: z.number().int().min(0),
  cursor: z.string(),
  /** False when the pull stopped early (central unreachable or the callback threw). */
  complete: z.boolean(),
  error: z.string().optional(),
});
export type PullReport = z.infer<typeof PullReport>;
