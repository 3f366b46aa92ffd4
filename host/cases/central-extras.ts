import { CatalogResponse, EvaluationRecord } from '../../contracts/central-api';
import type { CreateEvaluationRequest } from '../../contracts/central-api';
import { CentralClient, type CentralResult } from '../sync/central-client';
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
    const parsed = await this.read(response, CatalogResponse);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      status: response.status,
      body: { notModified: false, etag: response.headers.get('etag'), catalog: parsed.body },
    };
  }

  /** POST /v1/evaluations; the same key with the same body answers with the original record. */
  async submitEvaluation(idempotencyKey: string, request: CreateEvaluationRequest): Promise<CentralResult<EvaluationRecord>> {
    const sent = await this.send('POST', '/v1/evaluations', { body: request, headers: { 'idempotency-key': idempotencyKey } });
    return sent.ok ? this.read(sent.response, EvaluationRecord) : sent;
  }
}

/** The sync engine's client with evaluations: cases and changes from CentralClient, the rest from here. */
export function hallCentralClient(central: CentralClient, extras: CentralExtrasClient): CentralApiClient {
  return {
    submitCase: (key, request) => central.submitCase(key, request),
    changes: (since, limit) => central.changes(since, limit),
    submitEvaluation: (key, request) => extras.submitEvaluation(key, request),
  };
}
