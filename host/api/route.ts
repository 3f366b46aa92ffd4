import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  preHandlerHookHandler,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access, Operation, OperationName, RouteSchemaOf } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { Pairing } from '../lan/pairing';
import { requireHostTerminal, requireStaff } from './auth-guard';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route table's name of the operation a route serves (set by `routeOptions`). */
    operation?: OperationName;
  }
}

/** A route plugin's instance (the zod type provider: requests and replies typed by their schemas). */
export type ApiInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The one thing written per route: its handler, typed by the operation's schemas. */
export type OperationHandler<O extends Operation> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  RouteSchemaOf<O>,
  ZodTypeProvider,
  FastifyBaseLogger
>;

/** What enforces an operation's declared access; a route file passes the ones its operations need. */
export interface AccessGuards {
  /** Staff sessions: `{ staff: roles }` operations. */
  auth?: StaffAuth;
  /** Paired terminals: `hostTerminal` operations. */
  pairing?: Pairing;
}

/** The preHandler that enforces `access`, or none where anyone may call. */
function guardFor(op: Operation, guards: AccessGuards): preHandlerHookHandler | undefined {
  const access: Access = op.access;
  // A guard missing here is a wiring mistake: refuse to start rather than serve the route open.
  const missing = (what: string) => new Error(`route ${op.name}: access ${JSON.stringify(access)} needs ${what}`);
  switch (access) {
    // optionalStaff: the handler reads a token itself, only where it matters (a priority ticket, a
    // staff reprint), so a stale token costs nothing on the citizen's ordinary requests.
    case 'public':
    case 'simulator':
    case 'optionalStaff':
      return undefined;
    case 'hostTerminal':
      if (!guards.pairing) throw missing('the pairing guard');
      return requireHostTerminal(guards.pairing);
    default:
      if (!guards.auth) throw missing('staff auth');
      return requireStaff(guards.auth, access.staff === 'any' ? undefined : access.staff);
  }
}

/**
 * Fastify's options for `op` (method, url, schema with tags and replies, the access guard, the
 * operation's name in the route config), all from the table. `hide` keeps it out of OpenAPI.
 */
export function routeOptions<O extends Operation>(op: O, guards: AccessGuards) {
  const preHandler = guardFor(op, guards);
  const schema = {
    ...(op.hide ? { hide: true } : { operationId: op.name }),
    ...(op.tags ? { tags: op.tags } : {}),
    ...(op.params ? { params: op.params } : {}),
    ...(op.query ? { querystring: op.query } : {}),
    ...(op.body ? { body: op.body } : {}),
    ...(Object.keys(op.responses).length > 0 ? { response: op.responses } : {}),
    // The parts present are `op`'s own schemas, which is what RouteSchemaOf<O> describes; TypeScript
    // cannot follow optional fields of a generic operation into the conditional types.
  } as RouteSchemaOf<O>;
  return {
    method: op.method,
    url: op.path,
    schema,
    config: { operation: op.name as OperationName },
    ...(preHandler ? { preHandler } : {}),
  };
}

/**
 * Registers `op` on `app` with `handler`. Usage, in a route plugin:
 *
 *     const route = router(app, { auth });
 *     route(operations.issueTicket, async (req, reply) => …);
 */
export function router(app: ApiInstance, guards: AccessGuards = {}) {
  return <O extends Operation>(op: O, handler: OperationHandler<O>): void => {
    app.route<RouteGenericInterface, ContextConfigDefault, RouteSchemaOf<O>>({ ...routeOptions(op, guards), handler });
  };
}
