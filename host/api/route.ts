import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  onRequestHookHandler,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { admitsTerminal, servedReplies, type Operation, type OperationName, type RouteSchemaOf } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { HostError } from '../errors/host-error';
import { callerOf, type Caller } from '../lan/caller';
import { staffRefusal } from './auth-guard';

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

/** What enforces an operation's declared staff roles; a route file passes it when its operations name roles. */
export interface AccessGuards {
  /** Staff sessions: operations declaring `staff` roles. */
  auth?: StaffAuth;
}

/** 401 for a client that is no terminal of the hall, 403 for a terminal the operation does not name. */
function terminalRefusal(op: Operation, caller: Caller): HostError | undefined {
  if (op.access.from === 'anyone') return undefined;
  if (caller.terminal === 'unpaired') {
    return caller.expired
      ? new HostError('terminal_expired', '此终端的配对已过期，请技术人员重新配对')
      : new HostError('terminal_unpaired', '此终端尚未与大厅配对');
  }
  if (!admitsTerminal(op, caller.terminal)) return new HostError('terminal_forbidden', '此终端不能执行此操作');
  // The citizen at the reader belongs to the kiosk page that read the card.
  if (op.access.citizen && (caller.terminal !== 'kioskShell' || !caller.holdsCitizen)) {
    return new HostError('kiosk_seat_taken', '本机自助终端正在另一个页面使用，此页面不能代办');
  }
  return undefined;
}

/**
 * The guard that enforces `op.access` (the route table's declaration, nothing else): the
 * caller's terminal, then the citizen's page, then the staff role. A route hook of `onRequest`,
 * so it runs before anything else of the route, the hall relay included.
 */
function guardFor(op: Operation, guards: AccessGuards): onRequestHookHandler {
  const { staff } = op.access;
  // A guard missing here is a wiring mistake: refuse to start rather than serve the route open.
  if (staff !== undefined && staff !== 'optional' && !guards.auth) {
    throw new Error(`route ${op.name}: access ${JSON.stringify(op.access)} needs staff auth`);
  }
  const auth = staff === undefined || staff === 'optional' ? undefined : guards.auth;
  const roles = staff === 'any' || staff === 'optional' ? undefined : staff;
  return (req, _reply, done) => {
    // optional staff: the handler reads a token itself, only where it matters (a priority ticket,
    // a staff reprint), so a stale token costs nothing on the citizen's ordinary requests.
    const refused = terminalRefusal(op, callerOf(req)) ?? (auth ? staffRefusal(auth, roles, req) : undefined);
    if (refused) done(refused);
    else done();
  };
}

/**
 * Fastify's options for `op` (method, url, schema with tags and replies, the access guard, the
 * operation's name in the route config), all from the table: the only place a route's guard is derived. `hide` keeps it out of OpenAPI.
 */
export function routeOptions<O extends Operation>(op: O, guards: AccessGuards) {
  const onRequest = guardFor(op, guards);
  const schema = {
    ...(op.hide ? { hide: true } : { operationId: op.name }),
    ...(op.tags ? { tags: op.tags } : {}),
    ...(op.params ? { params: op.params } : {}),
    ...(op.query ? { querystring: op.query } : {}),
    ...(op.body ? { body: op.body } : {}),
    ...(Object.keys(op.responses).length > 0 ? { response: servedReplies(op) } : {}),
    // The parts present are `op`'s own schemas, which is what RouteSchemaOf<O> describes; TypeScript
    // cannot follow optional fields of a generic operation into the conditional types.
  } as RouteSchemaOf<O>;
  // A raw body is documented under its media type, not as JSON.
  if (op.rawBody) schema.consumes = [op.rawBody.mediaType];
  return {
    method: op.method,
    url: op.path,
    schema,
    config: { operation: op.name as OperationName },
    onRequest: op.rawBody ? [onRequest, mediaTypeGuard(op.rawBody.mediaType)] : onRequest,
    // A raw body's limit is the route's own (Fastify answers 413 while reading, before the handler).
    ...(op.rawBody ? { bodyLimit: op.rawBody.maxBytes } : {}),
  };
}

/** 415 for a raw-body route sent anything but its media type (Fastify would parse text or JSON). */
function mediaTypeGuard(mediaType: string): onRequestHookHandler {
  return (req, _reply, done) => {
    const sent = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (sent === mediaType) done();
    else done(new HostError('unsupported_media_type', `请以 ${mediaType} 发送`));
  };
}

/**
 * Takes bodies of `mediaType` as their bytes (a Buffer) in `app`'s context, once: an operation
 * declaring `rawBody` needs it, and a context may register a media type's parser only once. The
 * size limit is each route's (`bodyLimit`), so a JSON route keeps Fastify's default.
 */
function acceptRawBodies(app: ApiInstance, mediaType: string): void {
  if (app.hasContentTypeParser(mediaType)) return;
  app.addContentTypeParser(mediaType, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
}

/**
 * Registers `op` on `app` with `handler`. Usage, in a route plugin:
 *
 *     const route = router(app, { auth });
 *     route(operations.issueTicket, async (req, reply) => …);
 */
export function router(app: ApiInstance, guards: AccessGuards = {}) {
  return <O extends Operation>(op: O, handler: OperationHandler<O>): void => {
    if (op.rawBody) acceptRawBodies(app, op.rawBody.mediaType);
    app.route<RouteGenericInterface, ContextConfigDefault, RouteSchemaOf<O>>({ ...routeOptions(op, guards), handler });
  };
}
