import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { TicketPrinting } from '../printing/ticket-printing';
import type { QueueService } from '../queue/queue-service';
import { staffAtWindow } from './auth-guard';
import { router } from './route';

/**
 * Priority tickets a clerk issues at the counter (残疾人, 绿色通道). Printed, after the commit, on
 * this host's printer (the hall kiosk's) only when the clerk asks: by default the clerk tells the
 * number or writes it down, because the paper would come out at the kiosk, away from the citizen,
 * for anyone to take (its QR is the key to the ticket's progress and its rating).
 */
export function counterTicketRoutes(deps: {
  queue: QueueService;
  auth: StaffAuth;
  printing: TicketPrinting;
}): FastifyPluginAsyncZod {
  const { queue, printing } = deps;
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.issueCounterTicket, async (req, reply) => {
      const { windowId } = req.params;
      const staff = staffAtWindow(req, windowId);
      // The window must exist (a supervisor may name any): the audit row names it.
      queue.window(windowId);
      const { serviceCode, priority, note, print } = req.body;
      const issued = queue.issue({
        serviceCode,
        identity: null,
        priority,
        grantedBy: { staffId: staff.id, windowId, ...(note === undefined ? {} : { note }) },
      });
      const ticket = print ? await printing.print(issued) : issued;
      return reply.code(201).send({ ticket, progressUrl: printing.progressUrl(ticket) });
    });
  };
}
