import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { mayReprint, type TicketPrinting } from '../printing/ticket-printing';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';
import type { Actor, QueueService } from '../queue/queue-service';
import { optionalStaff, staffAtWindow } from './auth-guard';
import { router } from './route';

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

export function queueRoutes(deps: QueueRouteDeps): FastifyPluginAsyncZod {
  const { queue, identity, auth, printing } = deps;

  /** Staff act at the window they signed in at; supervisors at any window. */
  const actorAt = (req: FastifyRequest, windowId: number): Actor => ({ staffId: staffAtWindow(req, windowId).id });

  return async (app) => {
    const route = router(app, { auth });

    route(operations.services, async () => ({ services: queue.services() }));

    route(operations.windows, async () => ({ windows: queue.windows() }));

    route(operations.window, async (req) => queue.window(req.params.windowId));

    route(operations.waiting, async (req) => ({ tickets: queue.waitingFor(req.params.windowId) }));

    route(operations.issueTicket, async (req, reply) => {
      let grantedBy: { staffId: number; windowId: number | null } | undefined;
      if (req.body.priority !== undefined) {
        // Disabled and green-channel tickets are granted by hall staff, never self-declared.
        const staff = optionalStaff(auth, req);
        if (!staff || staff.role === 'technician') throw new HostError('forbidden', '优先号须由工作人员办理');
        grantedBy = { staffId: staff.id, windowId: staff.windowId };
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
        ...(grantedBy ? { grantedBy } : {}),
      });
      // Printed only after the ticket committed; a failed print is recorded and the
      // kiosk shows the ticket on screen instead. The number is never lost.
      const ticket = await printing.print(issued);
      return reply.code(201).send({ ticket, progressUrl: printing.progressUrl(ticket) });
    });

    route(operations.reprint, async (req) => {
      const ticket = queue.ticket(req.params.ticketId);
      if (!mayReprint(ticket, optionalStaff(auth, req) !== null)) throw new HostError('invalid_state', '该号码不能补打');
      const reprinted = await printing.print(ticket);
      return { ticket: reprinted, progressUrl: printing.progressUrl(reprinted) };
    });

    route(operations.reprintMine, async (req) => {
      const holder = identity.queueCaller();
      if (holder === null) throw new HostError('no_identity', '请先刷身份证');
      const reprinted = await printing.print(queue.mineFor(req.body.serviceCode, holder.key));
      return { ticket: reprinted, progressUrl: printing.progressUrl(reprinted) };
    });

    route(operations.ticketProgress, async (req) => {
      const expected = deps.ticketTag(req.params.ticketId);
      if (!timingSafeEqualStrings(req.query.k, expected)) throw new HostError('ticket_unknown', '没有这个号码');
      return { ticket: queue.ticket(req.params.ticketId) };
    });

    route(operations.callNext, async (req) => ({
      call: queue.callNext(req.params.windowId, actorAt(req, req.params.windowId)),
    }));

    route(operations.callTicket, async (req) => ({
      call: queue.callTicket(req.params.windowId, req.params.ticketId, actorAt(req, req.params.windowId)),
    }));

    route(operations.recall, async (req) => ({
      call: queue.recall(req.params.windowId, actorAt(req, req.params.windowId)),
    }));

    route(operations.skip, async (req) => ({
      ticket: queue.skip(req.params.windowId, actorAt(req, req.params.windowId)),
    }));

    route(operations.hold, async (req) => ({
      ticket: queue.hold(req.params.windowId, actorAt(req, req.params.windowId)),
    }));

    route(operations.resume, async (req) => ({
      call: queue.resume(req.params.windowId, req.params.ticketId, actorAt(req, req.params.windowId)),
    }));

    route(operations.transfer, async (req) => ({
      ticket: queue.transfer(
        req.params.windowId,
        {
          ...(req.body.toService !== undefined ? { toService: req.body.toService } : {}),
          ...(req.body.toWindowId !== undefined ? { toWindowId: req.body.toWindowId } : {}),
        },
        actorAt(req, req.params.windowId),
      ),
    }));

    route(operations.finish, async (req) => ({
      ticket: queue.finish(req.params.windowId, req.body.outcome, actorAt(req, req.params.windowId)),
    }));

    route(operations.requestEvaluation, async (req) =>
      queue.requestEvaluation(req.params.windowId, actorAt(req, req.params.windowId)),
    );

    route(operations.pause, async (req) =>
      queue.setPaused(req.params.windowId, req.body.paused, actorAt(req, req.params.windowId)),
    );

    route(operations.recentCalls, async (req) => ({ calls: queue.recentCalls(req.query.limit) }));
  };
}
