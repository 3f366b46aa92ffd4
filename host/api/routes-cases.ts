import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseIdParams,
  CaseNumberParams,
  CaseProgress,
  CaseReceiptResponse,
  LocalCaseProgress,
  CatalogView,
  MyCases,
  SubmitCaseRequest,
  SubmitCaseResponse,
  SubmitEvaluationRequest,
  SubmitEvaluationResponse,
} from '../../contracts/cases';
import { ApiError } from '../../contracts/errors';
import { IssueTicketResponse } from '../../contracts/queue';
import type { CaseService } from '../cases/case-service';
import type { CatalogCache } from '../cases/catalog-cache';
import type { EvaluationService } from '../cases/evaluation-service';
import type { StewardCaller } from '../cases/steward-desk';
import type { CaseReceiptPrinting } from '../printing/case-receipt-printing';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';

export interface CaseRouteDeps {
  cases: CaseService;
  evaluations: EvaluationService;
  catalog: CatalogCache;
  identity: IdentitySessions;
  /** Steward tickets: the hall's desk, or the hall's through the link on a secondary kiosk. */
  steward: StewardRequests;
  receipts: CaseReceiptPrinting;
}

const errors = { 400: ApiError, 404: ApiError, 409: ApiError };

/** Steward tickets: the hall's own desk, or the hall's through the link on a secondary kiosk. */
export interface StewardRequests {
  request(caller: StewardCaller): Promise<IssueTicketResponse>;
  /**
   * Whether the tickets are this host's (then the case links its ticket, and its progress page
   * names the steward who called it); a secondary kiosk's are the hall's, in another database.
   */
  ticketsAreLocal(): boolean;
}

/** The card on the reader as the queue sees it (queue key and age), or null. */
function callerOf(identity: IdentitySessions): StewardCaller {
  return identity.queueCaller();
}

/**
 * Cases, their progress and evaluations. Responses carry masked personal data only; the
 * card's unmasked data goes from the identity session into the case, never into a reply.
 */
export function caseRoutes(deps: CaseRouteDeps): FastifyPluginAsyncZod {
  const { cases, evaluations, catalog, identity, steward, receipts } = deps;
  return async (app) => {
    app.get('/catalog', { schema: { tags: ['cases'], response: { 200: CatalogView } } }, async () => catalog.view());

    app.post(
      '/cases',
      { schema: { tags: ['cases'], body: SubmitCaseRequest, response: { 201: SubmitCaseResponse, ...errors } } },
      async (req, reply) => {
        const card = identity.currentCard();
        if (card === null) throw new HostError('no_identity', '请先刷身份证');
        const saved = cases.submit(req.body, card);
        if (!saved.stewardRequested) return reply.code(201).send({ case: saved, stewardTicket: null, stewardProblem: null });
        // The case is saved whatever happens here: a steward ticket that cannot be issued now
        // (closed hours, no steward service) is reported, and staff see the flag on the case.
        try {
          const stewardTicket = await steward.request(callerOf(identity));
          if (steward.ticketsAreLocal()) cases.linkStewardTicket(saved.id, stewardTicket.ticket.id);
          return reply.code(201).send({ case: cases.localCase(saved.id), stewardTicket, stewardProblem: null });
        } catch (error) {
          if (!(error instanceof HostError)) throw error;
          return reply.code(201).send({ case: saved, stewardTicket: null, stewardProblem: error.code });
        }
      },
    );

    // 首席服务管家 without a case: an enterprise asks for help before it knows what to file.
    app.post(
      '/steward-requests',
      { schema: { tags: ['cases'], response: { 201: IssueTicketResponse, ...errors } } },
      async (_req, reply) => reply.code(201).send(await steward.request(callerOf(identity))),
    );

    app.get(
      '/cases/local/:caseId/progress',
      { schema: { tags: ['cases'], params: CaseIdParams, response: { 200: LocalCaseProgress, ...errors } } },
      async (req) => cases.progressById(req.params.caseId),
    );

    app.post(
      '/cases/local/:caseId/receipt',
      { schema: { tags: ['cases'], params: CaseIdParams, response: { 200: CaseReceiptResponse, ...errors } } },
      async (req) => receipts.print(cases.localCase(req.params.caseId)),
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
