import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { IssueTicketResponse } from '../../contracts/queue';
import type { CaseService } from '../cases/case-service';
import type { CatalogCache } from '../cases/catalog-cache';
import type { EvaluationService } from '../cases/evaluation-service';
import type { StewardCaller } from '../cases/steward-desk';
import type { CaseReceiptPrinting } from '../printing/case-receipt-printing';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';
import { router } from './route';

export interface CaseRouteDeps {
  cases: CaseService;
  evaluations: EvaluationService;
  catalog: CatalogCache;
  identity: IdentitySessions;
  /** Steward tickets: the hall's desk, or the hall's through the link on a secondary kiosk. */
  steward: StewardRequests;
  receipts: CaseReceiptPrinting;
}

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
    const route = router(app);

    route(operations.catalog, async () => catalog.view());

    route(operations.submitCase, async (req, reply) => {
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
    });

    // 首席服务管家 without a case: an enterprise asks for help before it knows what to file.
    route(operations.requestSteward, async (_req, reply) => reply.code(201).send(await steward.request(callerOf(identity))));

    route(operations.localCaseProgress, async (req) => cases.progressById(req.params.caseId));

    route(operations.printReceipt, async (req) => receipts.print(cases.localCase(req.params.caseId)));

    // Registered before /cases/:caseNumber/... so "mine" is never read as a case number.
    route(operations.myCases, async () => {
      const key = identity.identityKey();
      if (key === null) throw new HostError('no_identity', '请先刷身份证');
      return { cases: cases.casesForCard(key) };
    });

    route(operations.caseProgress, async (req) => cases.progress(req.params.caseNumber));

    route(operations.submitEvaluation, async (req, reply) => reply.code(201).send(evaluations.submit(req.body)));
  };
}
