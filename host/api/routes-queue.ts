import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../contracts/errors';
import {
  CallNextResponse,
  FinishRequest,
  IssueTicketRequest,
  IssueTicketResponse,
  PauseRequest,
  RecentCalls,
  ReprintMineRequest,
  ServiceList,
  TicketIdParams,
  TicketParams,
  TicketProgressQuery,
  TicketResponse,
  TransferRequest,
  WaitingList,
  Window,
  WindowList,
  WindowParams,
} from '../../contracts/queue';
import type { StaffAuth } from '../auth/staff-auth';
import { mayReprint, type TicketPrinting } from '../printing/ticket-printing';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';
import type { Actor, QueueService } from '../queue/queue-service';
import { optionalStaff, requireStaff, staffOf } from './auth-guard';

function timingSafeEqualStrings(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface QueueRouteDeps {
  queue: QueueService;
  identity: IdentitySessions;
  auth: StaffAuth;
  printing: TicketPrinting;
  /** The unguessable tag in a ticket's progress link. */
  ticketTag: (ticketId: number) => string;
}

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

export function queueRoutes(deps: QueueRouteDeps): FastifyPluginAsyncZod {
  const { queue, identity, auth, printing } = deps;
  const staffOnly = requireStaff(auth, ['staff', 'supervisor']);

  /** Staff act at the window they signed in at; supervisors at any window. */
  const actorAt = (req: FastifyRequest, windowId: number): Actor => {
    const staff = staffOf(req);
    if (staff.role !== 'supervisor' && staff.windowId !== windowId) {
      throw new HostError('forbidden', `您没有在 ${windowId} 号窗口签到`);
    }
    return { staffId: staff.id };
  };

  return async (app) => {
    app.get('/services', { schema: { tags: ['queue'], response: { 200: ServiceList } } }, async () => ({
      services: queue.services(),
    }));

    app.get('/windows', { schema: { tags: ['queue'], response: { 200: WindowList } } }, async () => ({
      windows: queue.windows(),
    }));

    app.get(
      '/windows/:windowId',
      { schema: { tags: ['queue'], params: WindowParams, response: { 200: Window, ...errors } } },
      async (req) => queue.window(req.params.windowId),
    );

    app.get(
      '/windows/:windowId/waiting',
      { preHandler: staffOnly, schema: { tags: ['counter'], params: WindowParams, response: { 200: WaitingList, ...errors } } },
      async (req) => ({ tickets: queue.waitingFor(req.params.windowId) }),
    );

    app.post(
      '/tickets',
      { schema: { tags: ['queue'], body: IssueTicketRequest, response: { 201: IssueTicketResponse, ...errors } } },
      async (req, reply) => {
        if (req.body.priority !== undefined) {
          // Disabled and green-channel tickets are granted by hall staff, never self-declared.
          const staff = optionalStaff(auth, req);
          if (!staff || staff.role === 'technician') throw new HostError('forbidden', '优先号须由工作人员办理');
        }
        let who: { key: string; age: number } | null = null;
        if (req.body.withIdentity) {
          who = identity.queueCaller();
          if (who === null) throw new HostError('no_identity', '请先刷身份证');
        }
        const issued = queue.issue({
          serviceCode: req.body.serviceCode,
          identity: who,
          ...(req.body.priority ? { priority: req.body.priority } : {}),
        });
        // Printed only after the ticket committed; a failed print is recorded and the
        // kiosk shows the ticket on screen instead. The number is never lost.
        const ticket = await printing.print(issued);
        return reply.code(201).send({ ticket, progressUrl: printing.progressUrl(ticket) });
      },
    );

    app.post(
      '/tickets/:ticketId/reprint',
      { schema: { tags: ['queue'], params: TicketIdParams, response: { 200: IssueTicketResponse, ...errors } } },
      async (req) => {
        const ticket = queue.ticket(req.params.ticketId);
        if (!mayReprint(ticket, optionalStaff(auth, req) !== null)) throw new HostError('invalid_state', '该号码不能补打');
        const reprinted = await printing.print(ticket);
        return { ticket: reprinted, progressUrl: printing.progressUrl(reprinted) };
      },
    );

    app.post(
      '/tickets/mine/reprint',
      { schema: { tags: ['queue'], body: ReprintMineRequest, response: { 200: IssueTicketResponse, ...errors } } },
      async (req) => {
        const holder = identity.queueCaller();
        if (holder === null) throw new HostError('no_identity', '请先刷身份证');
        const reprinted = await printing.print(queue.mineFor(req.body.serviceCode, holder.key));
        return { ticket: reprinted, progressUrl: printing.progressUrl(reprinted) };
      },
    );

    app.get(
      '/tickets/:ticketId/progress',
      {
        schema: {
          tags: ['queue'],
          params: TicketIdParams,
          querystring: TicketProgressQuery,
          response: { 200: TicketResponse, ...errors },
        },
      },
      async (req) => {
        const expected = deps.ticketTag(req.params.ticketId);
        if (!timingSafeEqualStrings(req.query.k, expected)) throw new HostError('ticket_unknown', '没有这个号码');
        return { ticket: queue.ticket(req.params.ticketId) };
      },
    );

    const windowAction = { preHandler: staffOnly, schema: { tags: ['counter'], params: WindowParams } };

    app.post(
      '/windows/:windowId/call-next',
      { ...windowAction, schema: { ...windowAction.schema, response: { 200: CallNextResponse, ...errors } } },
      async (req) => ({
        call: queue.callNext(req.params.windowId, actorAt(req, req.params.windowId)),
      }),
    );

    app.post(
      '/windows/:windowId/tickets/:ticketId/call',
      {
        preHandler: staffOnly,
        schema: { tags: ['counter'], params: TicketParams, response: { 200: CallNextResponse, ...errors } },
      },
      async (req) => ({ call: queue.callTicket(req.params.windowId, req.params.ticketId, actorAt(req, req.params.windowId)) }),
    );

    app.post(
      '/windows/:windowId/recall',
      { ...windowAction, schema: { ...windowAction.schema, response: { 200: CallNextResponse, ...errors } } },
      async (req) => ({
        call: queue.recall(req.params.windowId, actorAt(req, req.params.windowId)),
      }),
    );

    app.post(
      '/windows/:windowId/skip',
      { ...windowAction, schema: { ...windowAction.schema, response: { 200: TicketResponse, ...errors } } },
      async (req) => ({
        ticket: queue.skip(req.params.windowId, actorAt(req, req.params.windowId)),
      }),
    );

    app.post(
      '/windows/:windowId/hold',
      { ...windowAction, schema: { ...windowAction.schema, response: { 200: TicketResponse, ...errors } } },
      async (req) => ({
        ticket: queue.hold(req.params.windowId, actorAt(req, req.params.windowId)),
      }),
    );

    app.post(
      '/windows/:windowId/tickets/:ticketId/resume',
      {
        preHandler: staffOnly,
        schema: { tags: ['counter'], params: TicketParams, response: { 200: CallNextResponse, ...errors } },
      },
      async (req) => ({ call: queue.resume(req.params.windowId, req.params.ticketId, actorAt(req, req.params.windowId)) }),
    );

    app.post(
      '/windows/:windowId/transfer',
      {
        ...windowAction,
        schema: { ...windowAction.schema, body: TransferRequest, response: { 200: TicketResponse, ...errors } },
      },
      async (req) => ({
        ticket: queue.transfer(
          req.params.windowId,
          {
            ...(req.body.toService !== undefined ? { toService: req.body.toService } : {}),
            ...(req.body.toWindowId !== undefined ? { toWindowId: req.body.toWindowId } : {}),
          },
          actorAt(req, req.params.windowId),
        ),
      }),
    );

    app.post(
      '/windows/:windowId/finish',
      { ...windowAction, schema: { ...windowAction.schema, body: FinishRequest, response: { 200: TicketResponse, ...errors } } },
      async (req) => ({ ticket: queue.finish(req.params.windowId, req.body.outcome, actorAt(req, req.params.windowId)) }),
    );

    app.post(
      '/windows/:windowId/evaluation-request',
      {
        ...windowAction,
        schema: { ...windowAction.schema, response: { 200: z.object({ ticketId: z.number().int() }), ...errors } },
      },
      async (req) => queue.requestEvaluation(req.params.windowId, actorAt(req, req.params.windowId)),
    );

    app.post(
      '/windows/:windowId/pause',
      { ...windowAction, schema: { ...windowAction.schema, body: PauseRequest, response: { 200: Window, ...errors } } },
      async (req) => queue.setPaused(req.params.windowId, req.body.paused, actorAt(req, req.params.windowId)),
    );

    app.get(
      '/calls/recent',
      {
        schema: {
          tags: ['queue'],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
          response: { 200: RecentCalls },
        },
      },
      async (req) => ({ calls: queue.recentCalls(req.query.limit) }),
    );
  };
}
