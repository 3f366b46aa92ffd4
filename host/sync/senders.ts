import { CreateCaseRequest } from '../../contracts/central-api';
import type { ChangesResponse, CreateCaseResponse } from '../../contracts/central-api';
import type { OutboxEntry } from '../../db/repositories/outbox';
import type { CentralResult } from './central-client';

/** The calls the sync engine makes; CentralClient implements it, tests may stub it. */
export interface CentralApiClient {
  submitCase(idempotencyKey: string, request: CreateCaseRequest): Promise<CentralResult<CreateCaseResponse>>;
  changes(since: string, limit?: number): Promise<CentralResult<ChangesResponse>>;
}

/** Sends one outbox entry of a kind; the result's body is stored as the entry's response. */
export type Sender = (client: CentralApiClient, entry: OutboxEntry) => Promise<CentralResult<unknown>>;

/**
 * One sender per kind the central API accepts today. Evaluations and queue statistics get
 * theirs when the central API grows those routes; until then their entries wait (see the engine).
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
