import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CallerHall } from '../services/hall-credential-service';
import { ApiError } from './errors';

/**
 * The hall of a `terminal` request: its credential's (api/auth.ts), never one the request names.
 * A terminal route that finds none is a wiring mistake (its access is not `terminal`): a 500.
 */
export function callerHall(request: FastifyRequest): CallerHall {
  if (request.hall === null) throw new Error(`${request.method} ${request.routeOptions.url ?? ''}: no signed-in hall`);
  return request.hall;
}

/** The halls a request names: a body's `hallId`, a query's `hall` (what hosts send today). */
function namedHalls(request: FastifyRequest): string[] {
  const named: string[] = [];
  const { body, query } = request;
  if (typeof body === 'object' && body !== null && 'hallId' in body && typeof body.hallId === 'string') named.push(body.hallId);
  if (typeof query === 'object' && query !== null && 'hall' in query && typeof query.hall === 'string') named.push(query.hall);
  return named;
}

/**
 * Every `terminal` route, present and future, refuses a request that names another hall than its
 * credential's, with 403 `hall_mismatch`, after validation and before the handler: a write is never
 * recorded under a hall the credential does not sign for, and a read never answers for one.
 * Handlers then take the hall from `callerHall`, which the names have been checked against.
 */
export function installHallScope(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config?.access !== 'terminal') return;
    const hall = callerHall(request);
    const other = namedHalls(request).find((named) => named !== hall.hallId);
    if (other !== undefined) {
      throw new ApiError(403, 'hall_mismatch', `this credential is hall ${hall.hallId}'s; the request names hall ${other}`);
    }
  });
}
