import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { ApiError } from '../../contracts/errors';
import type { EventStreamMessage } from '../../contracts/events';
import type { EventBus } from '../events/event-bus';
import type { KioskSeat } from '../identity/kiosk-seat';
import { callerOf } from '../lan/caller';
import { routeOptions } from './route';

/**
 * `/events` WebSocket: `hello` with the current seq, then the events after
 * `?since=` (or `resync` when they have left the buffer), then live events.
 * Replay and subscribe happen in one synchronous turn, so no event published
 * in between can be lost or sent twice.
 */
export function eventRoutes(bus: EventBus, seat: KioskSeat): FastifyPluginAsyncZod {
  return async (app) => {
    // Declared in the table like every route; registered here because of its WebSocket handler.
    app.route({
      ...routeOptions(operations.events, {}),
      // A plain GET (no upgrade) gets the error envelope, not an empty 404.
      handler: async (_req, reply) => {
        const body: ApiError = { error: { code: 'invalid_request', message: '事件流只能通过 WebSocket 连接' } };
        return reply.code(426).header('upgrade', 'websocket').send(body);
      },
      wsHandler: (socket, req) => {
        const send = (message: EventStreamMessage) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
        };
        send({ type: 'hello', seq: bus.lastSeq, bootId: bus.bootId });
        const since = req.query.since;
        if (since !== undefined && req.query.bootId !== bus.bootId) send({ type: 'resync', seq: bus.lastSeq });
        else if (since !== undefined) {
          const missed = bus.since(since);
          if (missed === null) send({ type: 'resync', seq: bus.lastSeq });
          else missed.forEach(send);
        }
        const unsubscribe = bus.subscribe(send);
        // A kiosk page holds the seat while its stream is open (a closed page frees it at once).
        // Only this machine's pages are kiosk pages: a paired TV naming a page must not take the seat.
        const pageId = callerOf(req).terminal === 'kioskShell' ? req.query.kioskPage : undefined;
        const leave = pageId === undefined ? undefined : seat.join(pageId, (granted) => send({ type: 'seat', granted }));
        const close = () => {
          unsubscribe();
          leave?.();
        };
        socket.on('close', close);
        socket.on('error', close);
      },
    });
  };
}
