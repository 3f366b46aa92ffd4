import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseNumberParams,
  CaseProgress,
  CatalogView,
  MyCases,
  SubmitCaseRequest,
  SubmitCaseResponse,
  SubmitEvaluationRequest,
  SubmitEvaluationResponse,
} from '../../contracts/cases';
import { ApiError } from '../../contracts/errors';
import type { CaseService } from '../cases/case-service';
import type { CatalogCache } from '../cases/catalog-cache';
import type { EvaluationService } from '../cases/evaluation-service';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';

export interface CaseRouteDeps {
  cases: CaseService;
  evaluations: EvaluationService;
  catalog: CatalogCache;
  identity: IdentitySessions;
}

const errors = { 400: ApiError, 404: ApiError, 409: ApiError };

/**
 * Cases, their progress and evaluations. Responses carry masked personal data only; the
 * card's unmasked data goes from the identity session into the case, never into a reply.
 */
export function caseRoutes(deps: CaseRouteDeps): FastifyPluginAsyncZod {
  const { cases, evaluations, catalog, identity } = deps;
  return async (app) => {
    app.get('/catalog', { schema: { tags: ['cases'], response: { 200: CatalogView } } }, async () => catalog.view());

    app.post(
      '/cases',
      { schema: { tags: ['cases'], body: SubmitCaseRequest, response: { 201: SubmitCaseResponse, ...errors } } },
      async (req, reply) => {
        const card = identity.currentCard();
        if (card === null) throw new HostError('no_identity', '请先刷身份证');
        return reply.code(201).send({ case: cases.submit(req.body, card) });
      },
    );

    // Registered before /cases/:caseNumber/... so "mine" is never read as a case number.
    app.get('/cases/mine', { schema: { tags: ['cases'], response: { 200: MyCases, ...errors } } }, async () => {
      const key = identity.identityKey();
      if (key === null) throw new HostError('no_identity', '请先刷身份证');
      return { cases: cases.casesForCard(key) };
    });

    app.get(
      '/cases/:caseNumber/progress',
      { schema: { tags: ['cases'], params: CaseNumberParams, response: { 200: CaseProgress, ...errors } } },
      async (req) => cases.progress(req.params.caseNumber),
    );

    app.post(
      '/evaluations',
      {
        schema: { tags: ['cases'], body: SubmitEvaluationRequest, response: { 201: SubmitEvaluationResponse, ...errors } },
      },
      async (req, reply) => reply.code(201).send(evaluations.submit(req.body)),
    );
  };
}
