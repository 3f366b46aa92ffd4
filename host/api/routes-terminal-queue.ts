import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { TicketResponse } from '../../contracts/queue';
import type { AppointmentBook } from '../appointments/appointment-book';
import type { StewardDesk } from '../cases/steward-desk';
import type { QueueService } from '../queue/queue-service';
import { router } from './route';

export interface TerminalQueueDeps {
  queue: QueueService;
  steward: StewardDesk;
  appointments: AppointmentBook;
  /** The progress link a ticket's QR carries (the hall's address: the citizen's phone opens it). */
  progressUrl: (ticketId: number) => string;
}

/**
 * The hall's side of secondary kiosks (paired host terminals only, see the table): tickets issued
 * without printing (the kiosk prints them on its own printer and reports the outcome), steward
 * requests and appointment check-ins.
 */
export function terminalQueueRoutes(deps: TerminalQueueDeps): FastifyPluginAsyncZod {
  const { queue } = deps;
  const issued = (ticket: TicketResponse['ticket']) => ({ ticket, progressUrl: deps.progressUrl(ticket.id) });
  return async (app) => {
    const route = router(app);

    route(operations.terminalIssueTicket, async (req, reply) =>
      reply.code(201).send(issued(queue.issue({ serviceCode: req.body.serviceCode, identity: req.body.caller }))),
    );

    route(operations.terminalTicket, async (req) => issued(queue.ticket(req.params.ticketId)));

    route(operations.terminalMyTicket, async (req) => issued(queue.mineFor(req.body.serviceCode, req.body.caller.key)));

    route(operations.terminalTicketPrinted, async (req) => ({
      ticket: queue.markPrinted(queue.ticket(req.params.ticketId).id, req.body.printed),
    }));

    route(operations.terminalStewardRequest, async (req, reply) => {
      const { ticket, existing } = deps.steward.issue(req.body.caller);
      return reply.code(201).send({ ...issued(ticket), existing });
    });

    route(operations.terminalCheckIn, async (req, reply) => {
      const result = await deps.appointments.checkInHolder(req.body.request, req.body.holder);
      return reply.code(result.alreadyCheckedIn ? 200 : 201).send({ ...result, progressUrl: deps.progressUrl(result.ticket.id) });
    });
  };
}
