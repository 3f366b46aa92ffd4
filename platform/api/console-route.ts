import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ConsoleOperation, ConsoleRouteSchema } from '../../contracts/platform-console-api';

/** A route plugin's instance with the zod type provider: requests and replies typed by their schemas. */
export type ConsoleInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The one thing written per console route: its handler, typed by the operation's schemas. */
export type ConsoleHandler<O extends ConsoleOperation> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  ConsoleRouteSchema<O>,
  ZodTypeProvider,
  FastifyBaseLogger
>;

/**
 * Registers console operations from their one declaration (contracts/platform-console-api.ts):
 * method, path, schemas, replies, the OpenAPI entry and `config.access`, which the auth hook
 * (api/auth.ts) enforces before anything else. Usage, in a route plugin:
 *
 *     const route = consoleRouter(app);
 *     route(consoleOperations.searchCases, async (request) => …);
 */
export function consoleRouter(app: ConsoleInstance) {
  return <O extends ConsoleOperation>(op: O, handler: ConsoleHandler<O>): void => {
    const schema = {
      operationId: op.name,
      summary: op.summary,
      tags: ['console'],
      ...(op.access === 'public' ? {} : { security: [{ consoleSession: [] }, { adminToken: [] }] }),
      ...(op.params ? { params: op.params } : {}),
      ...(op.query ? { querystring: op.query } : {}),
      ...(op.body ? { body: op.body } : {}),
      response: op.responses,
      // The parts present are `op`'s own schemas, which is what ConsoleRouteSchema<O> describes;
      // TypeScript cannot follow optional fields of a generic operation into conditional types.
    } as unknown as ConsoleRouteSchema<O>;
    app.route<RouteGenericInterface, ContextConfigDefault, ConsoleRouteSchema<O>>({
      method: op.method,
      url: op.path,
      config: { consoleAccess: op.access },
      schema,
      handler,
    });
  };
}
