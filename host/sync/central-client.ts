import type { z } from 'zod';
import { CentralErrorBody, ChangesResponse, CreateCaseBatchResponse, CreateCaseResponse } from '../../contracts/central-api';
import type { CaseBatchItem, CentralErrorCode, CreateCaseRequest } from '../../contracts/central-api';
import { PAGE_CHUNK_MEDIA_TYPE, PageChunkReceipt, type PageChunkQuery } from '../../contracts/central-pages';
import { readBoundedJson, ReplyTooLargeError } from '../net/read-bounded';

export type CentralResult<T> =
  | { ok: true; status: number; body: T }
  | {
      ok: false;
      /** retryable: try again later with the same Idempotency-Key; permanent: it will never succeed as is. */
      kind: 'retryable' | 'permanent';
      status?: number;
      code?: CentralErrorCode;
      /** Status and error code only: safe to store and show, never echoes a body. */
      message: string;
    };

/** What a request carries besides its method and path: a JSON body, or raw bytes, and headers. */
interface RequestExtra {
  body?: unknown;
  /** Sent as they are (`application/octet-stream`): a material page's chunk. */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
}

/** One chunk of a material page as it is sent: where it goes, what its page is, its bytes. */
export interface PageChunk extends PageChunkQuery {
  caseNumber: string;
  pageId: string;
  index: number;
  bytes: Uint8Array;
}

export interface CentralClientOptions {
  /** e.g. http://127.0.0.1:7310 (no trailing /v1). */
  baseUrl: string;
  /** This terminal's bearer token. */
  token: string;
  /** Per request, connect to last byte. Default 10 s. */
  timeoutMs?: number;
  /** Injected for tests; the global (undici) fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * Which failures are worth retrying. Unreachable, timed out, overloaded (429, 5xx) will
 * pass; a 401/403 means a token a technician must fix, and the hall must keep its entries
 * until then, so it is retryable too. Other 4xx (validation, unknown route, a key reused
 * with a different body) will fail the same way every time: permanent.
 */
function isRetryableStatus(status: number): boolean {
  return status === 401 || status === 403 || status === 408 || status === 429 || status >= 500;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The most each kind of central reply may hold, read from the wire (host/net/read-bounded.ts).
 * Each is many times a real reply (an acknowledgement is under 1 KiB, a page of 100 changes
 * about 30 KiB, a province's catalog a few hundred KiB), and far below what would hurt a kiosk.
 */
export const CENTRAL_REPLY_LIMITS = {
  /** A created case, evaluation or day's figures, and any error body. */
  ack: 64 * KiB,
  /** The outcomes of a batch of at most 100 cases (about 150 bytes each). */
  batch: 256 * KiB,
  changes: 1 * MiB,
  catalog: 4 * MiB,
  appointments: 4 * MiB,
  notices: 1 * MiB,
  /** The other halls' waiting for one service: at most 20 short rows. */
  nearby: 64 * KiB,
} as const;

/** Typed client of the central API (contracts/central-api.ts); every reply is validated. */
export class CentralClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: CentralClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** POST /v1/cases. The same key with the same body answers with the original case. */
  submitCase(idempotencyKey: string, request: CreateCaseRequest): Promise<CentralResult<CreateCaseResponse>> {
    return this.request(
      'POST',
      '/v1/cases',
      CreateCaseResponse,
      {
        body: request,
        headers: { 'idempotency-key': idempotencyKey },
      },
      CENTRAL_REPLY_LIMITS.ack,
    );
  }

  /**
   * POST /v1/cases/batch: the hall's waiting cases at once, each under its own key, answered item
   * by item (created, replayed, or that item's key conflict) in the batch's order.
   */
  submitCases(hallId: string, items: readonly CaseBatchItem[]): Promise<CentralResult<CreateCaseBatchResponse>> {
    return this.request(
      'POST',
      '/v1/cases/batch',
      CreateCaseBatchResponse,
      { body: { hallId, cases: items } },
      CENTRAL_REPLY_LIMITS.batch,
    );
  }

  /**
   * PUT /v1/cases/:caseNumber/pages/:pageId/chunks/:index: one chunk of a material page, its bytes
   * as the body. Idempotent by the chunk's place: the same chunk again is answered the same.
   */
  submitPageChunk(idempotencyKey: string, chunk: PageChunk): Promise<CentralResult<PageChunkReceipt>> {
    const path = `/v1/cases/${encodeURIComponent(chunk.caseNumber)}/pages/${encodeURIComponent(chunk.pageId)}/chunks/${chunk.index}`;
    const query = new URLSearchParams({
      materialCode: chunk.materialCode,
      position: String(chunk.position),
      byteLength: String(chunk.byteLength),
      sha256: chunk.sha256,
    });
    return this.request(
      'PUT',
      `${path}?${query.toString()}`,
      PageChunkReceipt,
      { bytes: chunk.bytes, headers: { 'idempotency-key': idempotencyKey } },
      CENTRAL_REPLY_LIMITS.ack,
    );
  }

  /** GET /v1/cases/changes: status changes after `since`, oldest first. */
  changes(since: string, limit = 100): Promise<CentralResult<ChangesResponse>> {
    const query = new URLSearchParams({ since, limit: String(limit) });
    return this.request('GET', `/v1/cases/changes?${query.toString()}`, ChangesResponse, {}, CENTRAL_REPLY_LIMITS.changes);
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    extra: RequestExtra,
    limitBytes: number,
  ): Promise<CentralResult<z.infer<S>>> {
    const sent = await this.send(method, path, extra);
    return sent.ok ? this.read(sent.response, schema, limitBytes) : sent;
  }

  /** Sends a request with the terminal's token and timeout; a network failure is retryable. */
  protected async send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    extra: RequestExtra = {},
  ): Promise<{ ok: true; response: Response } | { ok: false; kind: 'retryable'; message: string }> {
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: 'application/json',
          ...(extra.bytes !== undefined
            ? { 'content-type': PAGE_CHUNK_MEDIA_TYPE }
            : extra.body === undefined
              ? {}
              : { 'content-type': 'application/json' }),
          ...extra.headers,
        },
        ...(extra.bytes !== undefined
          ? // A copy on its own ArrayBuffer (what fetch's body type takes; a Buffer may share a pool's): one chunk, 256 kB at most.
            { body: new Uint8Array(extra.bytes) }
          : extra.body === undefined
            ? {}
            : { body: JSON.stringify(extra.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return { ok: true, response };
    } catch (error) {
      return { ok: false, kind: 'retryable', message: networkMessage(error) };
    }
  }

  /**
   * Reads a reply of at most `limitBytes`: the body parsed with `schema`, or a retryable/permanent
   * failure. A reply over its cap is retryable like an unreachable server: the outbox entry stays.
   */
  protected async read<S extends z.ZodType>(
    response: Response,
    schema: S,
    limitBytes: number,
  ): Promise<CentralResult<z.infer<S>>> {
    let json: unknown;
    try {
      json = await readBoundedJson(response, limitBytes);
    } catch (error) {
      // A reply cut off mid-body is a network failure; a non-JSON or oversized one is treated the same.
      return {
        ok: false,
        kind: 'retryable',
        status: response.status,
        message: `HTTP ${response.status}: ${networkMessage(error)}`,
      };
    }

    if (response.ok) {
      const parsed = schema.safeParse(json);
      // A 2xx we cannot read is a contract mismatch an upgrade fixes: keep the entry and retry,
      // never drop it (the key makes the retry answer with the same case).
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
    return {
      ok: false,
      kind: isRetryableStatus(response.status) ? 'retryable' : 'permanent',
      status: response.status,
      ...(code === undefined ? {} : { code }),
      message: `HTTP ${response.status}${code === undefined ? '' : ` ${code}`}`,
    };
  }
}

/** Names the failure without its message text, which could quote a URL or a body. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  if (error instanceof ReplyTooLargeError) return error.message;
  if (error.name === 'TimeoutError') return 'timed out';
  const cause: unknown = error.cause;
  const code = cause !== null && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
  return code === undefined ? `network error (${error.name})` : `network error (${code})`;
}
