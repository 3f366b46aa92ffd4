import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CheckInRequest } from '../../contracts/appointments';
import { IssueTicketRequest, ReprintMineRequest, TicketIdParams, TicketProgressQuery, WindowParams } from '../../contracts/queue';
import { z } from 'zod';
import { HostError } from '../errors/host-error';
import type { HallLink } from './hall-link';
import type { RemoteQueue } from './remote-queue';

type Relayed = (req: FastifyRequest, remote: RemoteQueue) => Promise<{ status: number; body: unknown }>;

const ok = async (body: Promise<unknown>) => ({ status: 200, body: await body });
const created = async (body: Promise<unknown>) => ({ status: 201, body: await body });
const RecentQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

/**
 * The routes a secondary kiosk answers from its hall, by route pattern. The local route has
 * already validated the request with the same contract and serializes the answer with it,
 * so the kiosk screens cannot tell the difference (except the hall link's state).
 */
const RELAYED: Record<string, Relayed> = {
  'GET /api/v1/hall/info': (_req, remote) => ok(remote.hallInfo()),
  'GET /api/v1/services': (_req, remote) => ok(remote.services()),
  'GET /api/v1/windows': (_req, remote) => ok(remote.windows()),
  'GET /api/v1/windows/:windowId': (req, remote) => ok(remote.window(WindowParams.parse(req.params).windowId)),
  'GET /api/v1/calls/recent': (req, remote) => ok(remote.recentCalls(RecentQuery.parse(req.query).limit)),
  'GET /api/v1/tickets/:ticketId/progress': (req, remote) =>
    ok(remote.ticketProgress(TicketIdParams.parse(req.params).ticketId, TicketProgressQuery.parse(req.query).k)),
  'POST /api/v1/tickets': (req, remote) => {
    const body = IssueTicketRequest.parse(req.body);
    // Priority tickets are granted by staff at the hall's counters, not at a secondary kiosk.
    if (body.priority !== undefined) throw new HostError('forbidden', '优先号请到大厅窗口办理');
    return created(remote.issue(body.serviceCode, body.withIdentity ?? true));
  },
  'POST /api/v1/tickets/:ticketId/reprint': (req, remote) => ok(remote.reprint(TicketIdParams.parse(req.params).ticketId)),
  'POST /api/v1/tickets/mine/reprint': (req, remote) => ok(remote.reprintMine(ReprintMineRequest.parse(req.body).serviceCode)),
  'POST /api/v1/steward-requests': (_req, remote) => created(remote.steward()),
  'POST /api/v1/appointments/check-in': async (req, remote) => remote.checkIn(CheckInRequest.parse(req.body)),
};

/** Queue work this terminal leaves to the hall: counters, statistics and staff lists act there. */
const HALL_ONLY_TAGS = new Set(['counter', 'stats']);

/**
 * On a secondary terminal (terminal settings `hallUrl`), the queue routes answer from the hall;
 * decided per request, so setting or clearing the hall address takes effect without a restart.
 * Register on the API instance before its routes.
 */
export function installHallRelay(api: FastifyInstance, deps: { link: HallLink; remote: RemoteQueue }): void {
  api.addHook('preHandler', async (req, reply) => {
    if (!deps.link.linked()) return;
    const relayed = RELAYED[`${req.method} ${req.routeOptions.url ?? ''}`];
    if (relayed) {
      deps.link.client(); // refuses (hall_unpaired) before any local check when not paired yet
      const { status, body } = await relayed(req, deps.remote);
      return reply.code(status).send(body);
    }
    const tags = req.routeOptions.schema?.tags ?? [];
    if (tags.some((tag) => HALL_ONLY_TAGS.has(tag)) || req.routeOptions.url === '/api/v1/appointments/today') {
      throw new HostError('served_by_hall', '本终端使用大厅主机的排队，请在大厅主机上操作');
    }
    return undefined;
  });
}
