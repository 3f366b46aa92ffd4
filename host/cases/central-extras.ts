import { CatalogResponse, EvaluationRecord, NoticesResponse } from '../../contracts/central-api';
import type { CreateEvaluationRequest, QueueStatsRequest, ReviewOutcomeRequest } from '../../contracts/central-api';
import { ReviewOutcomeRecord } from '../../contracts/central-api';
import { QueueStatsResponse } from '../../contracts/central-api';
import { AppointmentsResponse } from '../../contracts/central-api';
import { CENTRAL_REPLY_LIMITS, CentralClient, type CentralResult } from '../sync/central-client';
import type { CentralApiClient } from '../sync/senders';

/** A conditional catalog fetch: a new catalog with its ETag, or "yours is current". */
export type CatalogFetch = { notModified: true } | { notModified: false; etag: string | null; catalog: CatalogResponse };

/**
 * The central API calls of the cases area that host/sync's client does not make: the
 * conditional catalog GET and evaluation POSTs. It is a CentralClient, so the token,
 * timeout and failure classes are the same code, not a copy.
 */
export class CentralExtrasClient extends CentralClient {
  /** GET /v1/catalog with If-None-Match: a 304 costs the central API no body. */
  async catalog(etag: string | null): Promise<CentralResult<CatalogFetch>> {
    const sent = await this.send('GET', '/v1/catalog', etag === null ? {} : { headers: { 'if-none-match': etag } });
    if (!sent.ok) return sent;
    const { response } = sent;
    if (response.status === 304) return { ok: true, status: 304, body: { notModified: true } };
    const parsed = await this.read(response, CatalogResponse, CENTRAL_REPLY_LIMITS.catalog);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      status: response.status,
      body: { notModified: false, etag: response.headers.get('etag'), catalog: parsed.body },
    };
  }

  /** GET /v1/appointments: a hall's appointments on a hall-local date (hashed and masked ID numbers only). */
  async appointments(hallId: string, date: string): Promise<CentralResult<AppointmentsResponse>> {
    const query = new URLSearchParams({ hall: hallId, date });
    const sent = await this.send('GET', `/v1/appointments?${query.toString()}`);
    return sent.ok ? this.read(sent.response, AppointmentsResponse, CENTRAL_REPLY_LIMITS.appointments) : sent;
  }

  /** POST /v1/queue-stats: a day's figures, replaced on the server per (hall, day). */
  async submitQueueStats(idempotencyKey: string, request: QueueStatsRequest): Promise<CentralResult<QueueStatsResponse>> {
    const sent = await this.send('POST', '/v1/queue-stats', { body: request, headers: { 'idempotency-key': idempotencyKey } });
    return sent.ok ? this.read(sent.response, QueueStatsResponse, CENTRAL_REPLY_LIMITS.ack) : sent;
  }

  /** POST /v1/evaluations; the same key with the same body answers with the original record. */
  async submitEvaluation(idempotencyKey: string, request: CreateEvaluationRequest): Promise<CentralResult<EvaluationRecord>> {
    const sent = await this.send('POST', '/v1/evaluations', { body: request, headers: { 'idempotency-key': idempotencyKey } });
    return sent.ok ? this.read(sent.response, EvaluationRecord, CENTRAL_REPLY_LIMITS.ack) : sent;
  }

  /** POST /v1/evaluations/outcomes: a 差评's follow-up (host/reviews); a retried key answers with the original record. */
  async submitReviewOutcome(idempotencyKey: string, request: ReviewOutcomeRequest): Promise<CentralResult<ReviewOutcomeRecord>> {
    const sent = await this.send('POST', '/v1/evaluations/outcomes', {
      body: request,
      headers: { 'idempotency-key': idempotencyKey },
    });
    return sent.ok ? this.read(sent.response, ReviewOutcomeRecord, CENTRAL_REPLY_LIMITS.ack) : sent;
  }

  /**
   * GET /v1/notices for one hall with all=true: future notices too, so the hall has them cached
   * and shows them when they start even if the central API is unreachable by then.
   */
  async notices(hallId: string): Promise<CentralResult<NoticesResponse>> {
    const query = new URLSearchParams({ hall: hallId, all: 'true' });
    const sent = await this.send('GET', `/v1/notices?${query.toString()}`);
    return sent.ok ? this.read(sent.response, NoticesResponse, CENTRAL_REPLY_LIMITS.notices) : sent;
  }
}

/** The sync engine's client with evaluations: cases and changes from CentralClient, the rest from here. */
export function hallCentralClient(central: CentralClient, extras: CentralExtrasClient): CentralApiClient {
  return {
    submitCase: (key, request) => central.submitCase(key, request),
    submitPageChunk: (key, chunk) => central.submitPageChunk(key, chunk),
    changes: (since, limit) => central.changes(since, limit),
    submitEvaluation: (key, request) => extras.submitEvaluation(key, request),
    submitQueueStats: (key, request) => extras.submitQueueStats(key, request),
    submitReviewOutcome: (key, request) => extras.submitReviewOutcome(key, request),
  };
}
