import { CreateCaseRequest, CreateEvaluationRequest, QueueStatsRequest, ReviewOutcomeRequest } from '../../contracts/central-api';
import type {
  CaseBatchItem,
  ChangesResponse,
  CreateCaseBatchResponse,
  CreateCaseResponse,
  EvaluationRecord,
  QueueStatsResponse,
  ReviewOutcomeRecord,
} from '../../contracts/central-api';
import type { OutboxEntry } from '../../db/repositories/outbox';
import type { PageChunkReceipt } from '../../contracts/central-pages';
import type { CentralResult, PageChunk } from './central-client';

/** The calls the sync engine makes; CentralClient implements it, tests may stub it. */
export interface CentralApiClient {
  submitCase(idempotencyKey: string, request: CreateCaseRequest): Promise<CentralResult<CreateCaseResponse>>;
  /** POST /v1/cases/batch. Optional: a client without it sends cases one by one. */
  submitCases?(hallId: string, items: readonly CaseBatchItem[]): Promise<CentralResult<CreateCaseBatchResponse>>;
  changes(since: string, limit?: number): Promise<CentralResult<ChangesResponse>>;
  /** PUT …/pages/:pageId/chunks/:index (central-client.ts): a material page's chunk. Optional: older stubs only send cases. */
  submitPageChunk?(idempotencyKey: string, chunk: PageChunk): Promise<CentralResult<PageChunkReceipt>>;
  /** POST /v1/evaluations (host/cases/central-extras.ts). Optional: older stubs only send cases. */
  submitEvaluation?(idempotencyKey: string, request: CreateEvaluationRequest): Promise<CentralResult<EvaluationRecord>>;
  /** POST /v1/queue-stats (host/cases/central-extras.ts). Optional like evaluations. */
  submitQueueStats?(idempotencyKey: string, request: QueueStatsRequest): Promise<CentralResult<QueueStatsResponse>>;
  /** POST /v1/evaluations/outcomes (host/cases/central-extras.ts): a 差评's follow-up. Optional like evaluations. */
  submitReviewOutcome?(idempotencyKey: string, request: ReviewOutcomeRequest): Promise<CentralResult<ReviewOutcomeRecord>>;
}

/** Sends one outbox entry of a kind; the result's body is stored as the entry's response. */
export type Sender = (client: CentralApiClient, entry: OutboxEntry) => Promise<CentralResult<unknown>>;

/** What a batch send answered: a failure of the whole request, or one result per entry, in order. */
export type BatchResult = { ok: true; results: CentralResult<unknown>[] } | Extract<CentralResult<unknown>, { ok: false }>;

/**
 * Sends several outbox entries of one kind in one request. `null` when this client cannot (the
 * engine then sends them one by one): decided before anything is sent.
 */
export interface BatchSender {
  canSend(client: CentralApiClient): boolean;
  send(client: CentralApiClient, entries: readonly OutboxEntry[]): Promise<BatchResult>;
}

/**
 * Cases in one POST /v1/cases/batch, each under its entry's Idempotency-Key: what one case alone
 * would be answered (created or replayed: its case; a key reused with another body: that entry's
 * permanent failure, as the 409 alone). A payload that no longer parses is that entry's permanent
 * failure and stays out of the request; the hall is the cases' own (one hall per host).
 */
export const caseBatchSender: BatchSender = {
  canSend: (client) => client.submitCases !== undefined,
  async send(client, entries) {
    const parsed = entries.map((entry) =>
      CreateCaseRequest.safeParse(entry.payload === null ? undefined : JSON.parse(entry.payload)),
    );
    const valid: CaseBatchItem[] = [];
    parsed.forEach((request, index) => {
      const entry = entries[index];
      if (request.success && entry !== undefined) valid.push({ idempotencyKey: entry.idempotencyKey, case: request.data });
    });
    // One hall per batch: a case filed under an earlier hall id waits for a pass of its own.
    const hallId = valid[0]?.case.hallId;
    const items = valid.filter((item) => item.case.hallId === hallId);
    const answered = new Map<string, CentralResult<unknown>>();
    if (hallId !== undefined && client.submitCases !== undefined) {
      const reply = await client.submitCases(hallId, items);
      if (!reply.ok) return reply;
      for (const result of reply.body.results) {
        answered.set(
          result.idempotencyKey,
          result.outcome === 'conflict'
            ? {
                ok: false,
                kind: 'permanent',
                status: 409,
                code: 'idempotency_conflict',
                message: 'HTTP 409 idempotency_conflict',
              }
            : { ok: true, status: result.outcome === 'created' ? 201 : 200, body: result.case },
        );
      }
    }
    return {
      ok: true,
      results: entries.map((entry, index): CentralResult<unknown> => {
        if (parsed[index]?.success !== true) return { ok: false, kind: 'permanent', message: 'payload is not a valid case' };
        // The platform answers every case it was sent; one missing is a reply to retry, never to drop.
        return (
          answered.get(entry.idempotencyKey) ?? { ok: false, kind: 'retryable', message: 'the batch reply left this case out' }
        );
      }),
    };
  },
};

/** Kinds sent in batches when the client can: cases. */
export const defaultBatchSenders: Readonly<Record<string, BatchSender>> = { case: caseBatchSender };

/**
 * The engine's default: cases only. Kinds without a sender wait (see the engine); the hall
 * passes `hallSenders` below once its client can send evaluations too.
 */
export const defaultSenders: Readonly<Record<string, Sender>> = {
  case: async (client, entry) => {
    const request = CreateCaseRequest.safeParse(entry.payload === null ? undefined : JSON.parse(entry.payload));
    // Validated at enqueue, so this means a schema change between enqueue and send: it
    // would be refused the same way by the central API, so it is permanent, not retried.
    if (!request.success) return { ok: false, kind: 'permanent', message: 'payload is not a valid case' };
    return client.submitCase(entry.idempotencyKey, request.data);
  },
};

/**
 * Evaluations (好差评): POST /v1/evaluations with the entry's own Idempotency-Key, so a
 * re-send after a lost reply is answered with the original record (delivered once).
 */
export const evaluationSender: Sender = async (client, entry) => {
  // A client without the call cannot send it yet: keep the entry, never drop it.
  if (!client.submitEvaluation) return { ok: false, kind: 'retryable', message: 'client cannot send evaluations' };
  const request = CreateEvaluationRequest.safeParse(entry.payload === null ? undefined : JSON.parse(entry.payload));
  if (!request.success) return { ok: false, kind: 'permanent', message: 'payload is not a valid evaluation' };
  return client.submitEvaluation(entry.idempotencyKey, request.data);
};

/** A finished business day's queue figures; the key names hall and day, so a re-send is a replay. */
export const queueStatsSender: Sender = async (client, entry) => {
  if (!client.submitQueueStats) return { ok: false, kind: 'retryable', message: 'client cannot send queue statistics' };
  const request = QueueStatsRequest.safeParse(entry.payload === null ? undefined : JSON.parse(entry.payload));
  if (!request.success) return { ok: false, kind: 'permanent', message: 'payload is not valid queue statistics' };
  return client.submitQueueStats(entry.idempotencyKey, request.data);
};

/**
 * A 差评's follow-up when its appeal is decided or it is closed (host/reviews). Its ordering key is
 * the evaluation's, so the central API has the rating before its outcome.
 */
export const reviewOutcomeSender: Sender = async (client, entry) => {
  if (!client.submitReviewOutcome) return { ok: false, kind: 'retryable', message: 'client cannot send review outcomes' };
  const request = ReviewOutcomeRequest.safeParse(entry.payload === null ? undefined : JSON.parse(entry.payload));
  if (!request.success) return { ok: false, kind: 'permanent', message: 'payload is not a valid review outcome' };
  return client.submitReviewOutcome(entry.idempotencyKey, request.data);
};

/**
 * What the hall host sends: cases, evaluations, queue statistics and 差评 outcomes. Kept apart from `defaultSenders` because an
 * engine built with a client that only knows cases must leave evaluations waiting untouched.
 */
export const hallSenders: Readonly<Record<string, Sender>> = {
  ...defaultSenders,
  evaluation: evaluationSender,
  'queue-stats': queueStatsSender,
  'review-outcome': reviewOutcomeSender,
};
