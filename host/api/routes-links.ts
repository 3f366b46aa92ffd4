import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { PrintedLinks } from '../lan/printed-links';
import { router } from './route';

/** What a printed QR code opens on a citizen's phone, with no pairing: the link's tag is the key. */
export function linkRoutes(links: PrintedLinks): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app);

    route(operations.ticketLink, async (req) => links.ticket(req.params.ticketId, req.query.k, req.ip));

    route(operations.caseLink, async (req) => links.case(req.params.caseId, req.query.k, req.ip));
  };
}
