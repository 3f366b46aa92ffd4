import { CatalogResponse, CentralErrorBody, EvaluationRecord } from '../../contracts/central-api';
import type { CreateEvaluationRequest } from '../../contracts/central-api';
import type { CentralResult } from '../sync/central-client';
import type { CentralClient, CentralClientOptions } from '../sync/central-client';
import type { CentralApiClient } from '../sync/senders';

/** A conditional catalog fetch: a new catalog with its ETag, or "yours is current". */
export type CatalogFetch = { notModified: true } | { notModified: false; etag: string | null; catalog: CatalogResponse };

/**
 * The central API calls of the cases area that host/sync's client does not make: the
 * conditional catalog GET and evaluation POSTs. Same bearer token, timeout and failure
 * classes as CentralClient, so the sync engine treats both alike.
 */
export class CentralExtrasClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: CentralClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** GET /v1/catalog with If-None-Match: a 304 costs the central API no body. */
  async catalog(etag: string | null): Promise<CentralResult<CatalogFetch>> {
    const reply = await this.send('GET', '/v1/catalog', etag === null ? {} : { 'if-none-match': etag });
    if (!reply.ok) return reply;
    const { response } = reply;
    if (response.status === 304) return { ok: true, status: 304, body: { notModified: true } };
    const parsed = await this.json(response, CatalogResponse.safeParse.bind(CatalogResponse));
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      status: response.status,
      body: { notModified: false, etag: response.headers.get('etag'), catalog: parsed.body },
    };
  }

  /** POST /v1/evaluations; the same key with the same body answers with the original record. */
  async submitEvaluation(idempotencyKey: string, request: CreateEvaluationRequest): Promise<CentralResult<EvaluationRecord>> {
    const reply = await this.send('POST', '/v1/evaluations', { 'idempotency-key': idempotencyKey }, request);
    if (!reply.ok) return reply;
    return this.json(reply.response, EvaluationRecord.safeParse.bind(EvaluationRecord));
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ ok: true; response: Response } | { ok: false; kind: 'retryable'; message: string }> {
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return { ok: true, response };
    } catch (error) {
      return { ok: false, kind: 'retryable', message: networkMessage(error) };
    }
  }

  private async json<T>(
    response: Response,
    parse: (value: unknown) => { success: true; data: T } | { success: false },
  ): Promise<CentralResult<T>> {
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      return {
        ok: false,
        kind: 'retryable',
        status: response.status,
        message: `HTTP ${response.status}: ${networkMessage(error)}`,
      };
    }
    if (response.ok) {
      const parsed = parse(json);
      // A 2xx we cannot read is a contract mismatch an upgrade fixes: retry, never drop.
      if (!parsed.success) {
        return {
          ok: false,
          kind: 'retryable',
          status: response.status,
          message: `HTTP ${response.status}: unexpected response shape`,
        };
      }
      return { ok: true, status: response.status, body: parsed.data };
    }
    const error = CentralErrorBody.safeParse(json);
    const code = error.success ? error.data.error.code : undefined;
    // As CentralClient: auth, timeouts, overload and server errors pass; other 4xx never will.
    const retryable = [401, 403, 408, 429].includes(response.status) || response.status >= 500;
    return {
      ok: false,
      kind: retryable ? 'retryable' : 'permanent',
      status: response.status,
      ...(code === undefined ? {} : { code }),
      message: `HTTP ${response.status}${code === undefined ? '' : ` ${code}`}`,
    };
  }
}

/** Names a network failure without its message text, which could quote a URL or a body. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  if (error.name === 'TimeoutError') return 'timed out';
  const cause: unknown = error.cause;
  const code = cause !== null && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
  return code === undefined ? `network error (${error.name})` : `network error (${code})`;
}

/** The sync engine's client with evaluations: cases and changes from CentralClient, the rest from here. */
export function hallCentralClient(central: CentralClient, extras: CentralExtrasClient): CentralApiClient {
  return {
    submitCase: (key, request) => central.submitCase(key, request),
    changes: (since, limit) => central.changes(since, limit),
    submitEvaluation: (key, request) => extras.submitEvaluation(key, request),
  };
}
