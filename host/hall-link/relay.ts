import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  operations,
  parseRequest,
  type Operation,
  type OperationName,
  type OperationRequest,
  type Operations,
  type RelayedOperationName,
} from '../../contracts/api';
import { HostError } from '../errors/host-error';
import type { HallLink } from './hall-link';
import type { RemoteQueue } from './remote-queue';

interface RelayedReply {
  status: number;
  body: unknown;
}

type Relay<O extends Operations[RelayedOperationName]> = (req: OperationRequest<O>, remote: RemoteQueue) => Promise<RelayedReply>;

const ok = async (body: Promise<unknown>) => ({ status: 200, body: await body });
const created = async (body: Promise<unknown>) => ({ status: 201, body: await body });

/**
 * How a secondary kiosk answers each operation the table marks `secondary: 'relay'`: from its
 * hall. The local route has already validated the request with the same contract and serializes
 * the answer with it, so the kiosk screens cannot tell the difference (except the hall link's state).
 */
const RELAYED: { readonly [N in RelayedOperationName]: Relay<Operations[N]> } = {
  hallInfo: (_req, remote) => ok(remote.hallInfo()),
  services: (_req, remote) => ok(remote.services()),
  windows: (_req, remote) => ok(remote.windows()),
  window: (req, remote) => ok(remote.window(req.params.windowId)),
  recentCalls: (req, remote) => ok(remote.recentCalls(req.query.limit)),
  ticketProgress: (req, remote) => ok(remote.ticketProgress(req.params.ticketId, req.query.k)),
  issueTicket: (req, remote) => {
    // Priority tickets are granted by staff at the hall's counters, not at a secondary kiosk.
    if (req.body.priority !== undefined) throw new HostError('forbidden', '优先号请到大厅窗口办理');
    return created(remote.issue(req.body.serviceCode, req.body.withIdentity));
  },
  reprint: (req, remote) => ok(remote.reprint(req.params.ticketId)),
  reprintMine: (req, remote) => ok(remote.reprintMine(req.body.serviceCode)),
  requestSteward: (_req, remote) => created(remote.steward()),
  checkIn: async (req, remote) => remote.checkIn(req.body),
};

/** The operations answered from the hall (the relay's own list, checked against the table by a test). */
export const relayedOperations = (): readonly OperationName[] => Object.keys(RELAYED).filter(isRelayed);

function isRelayed(name: string): name is RelayedOperationName {
  return Object.hasOwn(RELAYED, name);
}

/** Answers `req` (a request to the relayed operation `name`) from the hall. */
function relay<N extends RelayedOperationName>(name: N, req: FastifyRequest, remote: RemoteQueue): Promise<RelayedReply> {
  const op: Operations[N] = operations[name];
  const handler: Relay<Operations[N]> = RELAYED[name];
  // Parsed again with the operation's schemas: typed parts, and the same values the route validated.
  return handler(parseRequest(op, { params: req.params, query: req.query, body: req.body }), remote);
}

/**
 * On a secondary terminal (terminal settings `hallUrl`), the operations the table marks `relay`
 * answer from the hall and those marked `hallOnly` are refused; decided per request, so setting
 * or clearing the hall address takes effect without a restart. Register on the API instance
 * before its routes.
 */
export function installHallRelay(api: FastifyInstance, deps: { link: HallLink; remote: RemoteQueue }): void {
  api.addHook('preHandler', async (req, reply) => {
    if (!deps.link.linked()) return;
    const name = req.routeOptions.config.operation;
    if (name === undefined) return undefined;
    // HEAD, Fastify's automatic twin of a GET, shares its route config but is not relayed.
    if (isRelayed(name) && req.method === operations[name].method) {
      deps.link.client(); // refuses (hall_unpaired) before any local check when not paired yet
      const { status, body } = await relay(name, req, deps.remote);
      return reply.code(status).send(body);
    }
    const op: Operation = operations[name];
    if (op.secondary === 'hallOnly') {
      throw new HostError('served_by_hall', '本终端使用大厅主机的排队，请在大厅主机上操作');
    }
    return undefined;
  });
}
