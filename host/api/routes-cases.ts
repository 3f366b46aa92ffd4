import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { CaseService } from '../cases/case-service';
import type { CaseSubmission } from '../cases/case-submission';
import type { CatalogCache } from '../cases/catalog-cache';
import type { EvaluationService } from '../cases/evaluation-service';
import type { CaseReceiptPrinting } from '../printing/case-receipt-printing';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';
import { callerOf } from '../lan/caller';
import { router } from './route';

export interface CaseRouteDeps {
  cases: CaseService;
  /** A case with the steward ticket it may ask for (host/cases/case-submission.ts). */
  submission: CaseSubmission;
  evaluations: EvaluationService;
  catalog: CatalogCache;
  identity: IdentitySessions;
  receipts: CaseReceiptPrinting;
}

/**
 * Cases, their progress and evaluations. Responses carry masked personal data only; the
 * card's unmasked data goes from the identity session into the case, never into a reply.
 */
export function caseRoutes(deps: CaseRouteDeps): FastifyPluginAsyncZod {
  const { cases, submission, evaluations, catalog, identity, receipts } = deps;
  return async (app) => {
    const route = router(app);

    route(operations.catalog, async () => catalog.view());

    route(operations.submitCase, async (req, reply) => reply.code(201).send(await submission.submit(req.body)));

    route(operations.uploadMaterialPage, async (req, reply) => reply.code(201).send(submission.uploadPage(req.body)));

    route(operations.requestSteward, async (_req, reply) => reply.code(201).send(await submission.requestSteward()));

    route(operations.localCaseProgress, async (req) => cases.progressById(req.params.caseId));

    route(operations.printReceipt, async (req) => receipts.print(cases.localCase(req.params.caseId)));

    // Registered before /cases/:caseNumber/... so "mine" is never read as a case number.
    route(operations.myCases, async () => {
      const key = identity.identityKey();
      if (key === null) throw new HostError('no_identity', '请先刷身份证');
      return { cases: cases.casesForCard(key) };
    });

    route(operations.caseProgress, async (req) => cases.progress(req.params.caseNumber));

    route(operations.submitEvaluation, async (req, reply) => {
      // The card on the reader proves a case only to the kiosk page it belongs to, never to a rating pad.
      const caller = callerOf(req);
      const atReader = caller.terminal === 'kioskShell' && caller.holdsCitizen;
      return reply.code(201).send(evaluations.submit(req.body, { atReader }));
    });
  };
}
