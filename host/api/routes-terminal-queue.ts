import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CheckInResponse } from '../../contracts/appointments';
import { ApiError } from '../../contracts/errors';
import {
  TerminalCheckInRequest,
  TerminalIssueTicketRequest,
  TerminalMyTicketRequest,
  TerminalPrintReport,
  TerminalStewardRequest,
} from '../../contracts/hall-link';
import { IssueTicketResponse, TicketIdParams, TicketResponse } from '../../contracts/queue';
import type { AppointmentBook } from '../appointments/appointment-book';
import type { StewardDesk } from '../cases/steward-desk';
import { HostError } from '../errors/host-error';
import { terminalToken } from '../lan/lan-guard';
import type { Pairing } from '../lan/pairing';
import type { QueueService } from '../queue/queue-service';

export interface TerminalQueueDeps {
  pairing: Pairing;
  queue: QueueService;
  steward: StewardDesk;
  appointments: AppointmentBook;
  /** The progress link a ticket's QR carries (the hall's address: the citizen's phone opens it). */
  progressUrl: (ticketId: number) => string;
}

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/**
 * Only a paired host terminal, whatever its address (loopback included): these routes take a
 * queue key and age as given, which only a kiosk holding the hall's queue keyer can compute.
 */
function requireHostTerminal(pairing: Pairing): preHandlerHookHandler {
  return (req, _reply, done) => {
    const token = terminalToken(req);
    const terminal = token === undefined ? undefined : pairing.verify(token);
    if (terminal === undefined || terminal.kind !== 'host') {
      done(new HostError('terminal_unpaired', '此终端尚未与大厅配对'));
      return;
    }
    done();
  };
}

/**
 * The hall's side of secondary kiosks: tickets issued without printing (the kiosk prints them
 * on its own printer and reports the outcome), steward requests and appointment check-ins.
 */
export function terminalQueueRoutes(deps: TerminalQueueDeps): FastifyPluginAsyncZod {
  const { queue } = deps;
  const terminal = requireHostTerminal(deps.pairing);
  const issued = (ticket: TicketResponse['ticket']) => ({ ticket, progressUrl: deps.progressUrl(ticket.id) });
  return async (app) => {
    app.post(
      '/terminal/tickets',
      {
        preHandler: terminal,
        schema: { tags: ['terminal'], body: TerminalIssueTicketRequest, response: { 201: IssueTicketResponse, ...errors } },
      },
      async (req, reply) =>
        reply.code(201).send(issued(queue.issue({ serviceCode: req.body.serviceCode, identity: req.body.caller }))),
    );

    app.get(
      '/terminal/tickets/:ticketId',
      {
        preHandler: terminal,
        schema: { tags: ['terminal'], params: TicketIdParams, response: { 200: IssueTicketResponse, ...errors } },
      },
      async (req) => issued(queue.ticket(req.params.ticketId)),
    );

    app.post(
      '/terminal/tickets/mine',
      {
        preHandler: terminal,
        schema: { tags: ['terminal'], body: TerminalMyTicketRequest, response: { 200: IssueTicketResponse, ...errors } },
      },
      async (req) => issued(queue.mineFor(req.body.serviceCode, req.body.caller.key)),
    );

    app.post(
      '/terminal/tickets/:ticketId/printed',
      {
        preHandler: terminal,
        schema: {
          tags: ['terminal'],
          params: TicketIdParams,
          body: TerminalPrintReport,
          response: { 200: TicketResponse, ...errors },
        },
      },
      async (req) => ({ ticket: queue.markPrinted(queue.ticket(req.params.ticketId).id, req.body.printed) }),
    );

    app.post(
      '/terminal/steward-requests',
      {
        preHandler: terminal,
        schema: {
          tags: ['terminal'],
          body: TerminalStewardRequest,
          response: { 201: IssueTicketResponse.extend({ existing: z.boolean() }), ...errors },
        },
      },
      async (req, reply) => {
        const { ticket, existing } = deps.steward.issue(req.body.caller);
        return reply.code(201).send({ ...issued(ticket), existing });
      },
    );

    app.post(
      '/terminal/appointments/check-in',
      {
        preHandler: terminal,
        schema: {
          tags: ['terminal'],
          body: TerminalCheckInRequest,
          response: { 200: CheckInResponse, 201: CheckInResponse, ...errors },
        },
      },
      async (req, reply) => {
        const result = await deps.appointments.checkInHolder(req.body.request, req.body.holder);
        return reply
          .code(result.alreadyCheckedIn ? 200 : 201)
          .send({ ...result, progressUrl: deps.progressUrl(result.ticket.id) });
      },
    );
  };
}
