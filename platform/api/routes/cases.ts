import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseParams,
  CaseStatusRecord,
  CentralErrorBody,
  ChangesQuery,
  ChangesResponse,
  CreateCaseBatchRequest,
  CreateCaseBatchResponse,
  CreateCaseHeaders,
  CreateCaseRequest,
  CreateCaseResponse,
} from '../../../contracts/central-api';
import type { CaseService } from '../../services/case-service';
import { deliverIdempotent } from '../duplicate-delivery';
import { ApiError } from '../errors';
import { callerHall } from '../hall-scope';
import type { FaultInjector } from '../faults';

export interface CaseRoutesOptions {
  cases: CaseService;
  faults: FaultInjector;
}

const security = [{ terminalToken: [] }];

/**
 * Terminal-facing routes: submit a case, read its status, pull status changes; each for the hall of
 * the request's credential (a body naming another hall is refused before the handler: api/hall-scope.ts).
 */
export const caseRoutes: FastifyPluginAsyncZod<CaseRoutesOptions> = async (app, { cases, faults }) => {
  app.post(
    '/v1/cases',
    {
      config: { access: 'terminal' },
      schema: {
        summary: 'Submit a case (idempotent on the Idempotency-Key header)',
        tags: ['cases'],
        security,
        headers: CreateCaseHeaders,
        body: CreateCaseRequest,
        response: {
          200: CreateCaseResponse.describe('The case this key already created'),
          201: CreateCaseResponse.describe('A new case'),
          400: CentralErrorBody,
          401: CentralErrorBody,
          403: CentralErrorBody,
          409: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const outcome = await deliverIdempotent(faults, () => cases.createCase(key, request.body));
      if (outcome.kind === 'created' && faults.shouldDropAfterCommit()) {
        // The case is committed; the client never hears so. Only a retry with the same key
        // tells it the case number, which is exactly what the sync outbox must cope with.
        reply.hijack();
        reply.raw.destroy();
        return reply;
      }
      return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.result);
    },
  );

  app.post(
    '/v1/cases/batch',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "Submit up to 100 of the hall's cases at once, each idempotent on its own key",
        tags: ['cases'],
        security,
        body: CreateCaseBatchRequest,
        response: {
          200: CreateCaseBatchResponse.describe("Each case's outcome, in the batch's order"),
          400: CentralErrorBody,
          401: CentralErrorBody,
          403: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request, reply) => {
      const outcome = await deliverIdempotent(faults, () => cases.createCases(request.body));
      if (outcome.kind === 'created' && faults.shouldDropAfterCommit()) {
        // As for one case: committed, never answered; the retry's replays tell the numbers.
        reply.hijack();
        reply.raw.destroy();
        return reply;
      }
      return reply.code(200).send(outcome.body);
    },
  );

  // Registered before /v1/cases/:caseNumber for readability; the router prefers static paths anyway.
  app.get(
    '/v1/cases/changes',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "The calling hall's status changes after a cursor, oldest first",
        tags: ['cases'],
        security,
        querystring: ChangesQuery,
        response: { 200: ChangesResponse, 400: CentralErrorBody, 401: CentralErrorBody, 503: CentralErrorBody },
      },
    },
    async (request) => {
      const { since, limit } = request.query;
      const changes = await cases.changesSince(callerHall(request).hallId, Number(since), limit);
      return { changes, nextCursor: changes.at(-1)?.cursor ?? since };
    },
  );

  app.get(
    '/v1/cases/:caseNumber',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "A case's status and history (the calling hall's cases only; another's is unknown)",
        tags: ['cases'],
        security,
        params: CaseParams,
        response: {
          200: CaseStatusRecord,
          400: CentralErrorBody,
          401: CentralErrorBody,
          404: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request) => {
      const record = await cases.getCase(callerHall(request).hallId, request.params.caseNumber);
      if (!record) throw new ApiError(404, 'case_not_found', `no case ${request.params.caseNumber}`);
      return record;
    },
  );
};
