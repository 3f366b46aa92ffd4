import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { ApiError } from '../../contracts/errors';
import type { EventStreamMessage, HallEvent } from '../../contracts/events';
import { withoutEvaluatorPart, type EventBus } from '../events/event-bus';
import type { KioskSeat } from '../identity/kiosk-seat';
import { callerOf } from '../lan/caller';
import { routeOptions } from './route';

/**
 * `/events` WebSocket: `hello` with the current seq, then the events after
 * `?since=` (or `resync` when they have left the buffer), then live events.
 * Replay and subscribe happen in one synchronous turn, so no event published
 * in between can be lost or sent twice.
 *
 * A scanned code (`scanner.scanned`) is the citizen's: it goes only, live, to the stream of the
 * kiosk page holding the seat, never to displays, paired browsers or a second kiosk page, and is
 * never replayed (a scan is for now). Only a page on this machine may hold the seat: the kiosk's
 * screen is always its own host's, and a page from the LAN naming itself a kiosk page would
 * otherwise take the seat, and the scans, whenever the kiosk's page reloads.
 *
 * The evaluation token of `evaluation.requested` proves a service for a rating (POST /evaluations
 * `serviceToken`): it goes only, live, to the streams of the window evaluators bound to that
 * window (`evaluatorWindow`, asked at each request, so a pad moved or revoked stops at once), with
 * the service the pad shows. Other windows' pads, displays, counters, kiosk pages and the hall
 * link of a secondary kiosk get the event without them, and a replay never carries them (a
 * reconnecting evaluator rates the next service, or the citizen scans the paper).
 */
export function eventRoutes(
  bus: EventBus,
  seat: KioskSeat,
  /** The window a live evaluator terminal is bound to, or null (host/lan/evaluator-binding.ts). */
  evaluatorWindow: (terminalId: string) => number | null,
): FastifyPluginAsyncZod {
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
          else missed.filter((event) => event.type !== 'scanner.scanned').forEach((event) => send(withoutEvaluatorPart(event)));
        }
        // A kiosk page holds the seat while its stream is open (a closed page frees it at once).
        // Only this machine's pages are kiosk pages: a paired TV or a page on another machine naming
        // a page must not take the seat, nor hear the scanner.
        const pageId = req.query.kioskPage;
        const seatable = pageId !== undefined && callerOf(req).terminal === 'kioskShell';
        const holdsSeat = () => seatable && !seat.heldByOther(pageId);
        const caller = callerOf(req);
        const evaluatorId = caller.terminal === 'evaluator' ? caller.terminalId : null;
        /** The rating request with its token and service for this window's evaluators only. */
        const forThisStream = (event: HallEvent): HallEvent =>
          event.type === 'evaluation.requested' && evaluatorId !== null && evaluatorWindow(evaluatorId) === event.windowNumber
            ? event
            : withoutEvaluatorPart(event);
        const unsubscribe = bus.subscribe((event: HallEvent) => {
          if (event.type !== 'scanner.scanned' || holdsSeat()) send(forThisStream(event));
        });
        let leave: (() => void) | undefined;
        if (seatable) leave = seat.join(pageId, (granted) => send({ type: 'seat', granted }));
        else if (pageId !== undefined) send({ type: 'seat', granted: false });
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
