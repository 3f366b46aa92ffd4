import { ConsoleErrorBody } from '../../contracts/platform-console';
import { complaintOperations } from '../../contracts/platform-complaints-api';
import { WebComplaintReceipt, type WebComplaintRequest } from '../../contracts/platform-complaints';
import {
  PublicComplaintAreas,
  PublicComplaintProgress,
  publicComplaintOperations,
  type ProgressLookupRequest,
} from '../../contracts/platform-public-complaints';
import type { z } from 'zod';

/** What a public call came to: its answer, or why not (the platform's code, its wait when limited, or no network). */
export type PublicAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; retryAfterSeconds: number | null }
  | { ok: false; code: 'network'; retryAfterSeconds: null };

/**
 * The public page's only way to the platform: the three public operations, on the page's own
 * origin, every answer parsed with the schema its declaration names. No token, no cookie.
 */
export function createPublicClient(baseUrl = '') {
  async function call<T>(method: string, path: string, body: unknown, schema: z.ZodType<T>): Promise<PublicAnswer<T>> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      return { ok: false, code: 'network', retryAfterSeconds: null };
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = ConsoleErrorBody.safeParse(json);
      const retry = Number(response.headers.get('retry-after'));
      return {
        ok: false,
        code: error.success ? error.data.error.code : 'bad_response',
        retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
      };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'bad_response', retryAfterSeconds: null };
  }

  return {
    areas: () => call('GET', publicComplaintOperations.publicComplaintAreas.path, undefined, PublicComplaintAreas),
    submit: (request: WebComplaintRequest) =>
      call('POST', complaintOperations.submitWebComplaint.path, request, WebComplaintReceipt),
    progress: (request: ProgressLookupRequest) =>
      call('POST', publicComplaintOperations.lookupComplaintProgress.path, request, PublicComplaintProgress),
  };
}

export type PublicClient = ReturnType<typeof createPublicClient>;
