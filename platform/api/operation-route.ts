import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformOperation, PlatformReply, PlatformRequest } from '../../contracts/platform-operation';

/** The OpenAPI security scheme of each access (server.ts declares the schemes). */
const SECURITY: Readonly<Record<PlatformOperation['access'], readonly Record<string, string[]>[]>> = {
  public: [],
  terminal: [{ terminalToken: [] }],
  admin: [{ adminToken: [] }],
  any: [{ terminalToken: [] }, { adminToken: [] }],
};

/** What a route answers: its status (one of the operation's 2xx) and body. */
export interface Answer<O extends PlatformOperation> {
  status: number;
  body: PlatformReply<O>;
}

/** The one thing written per route: the validated request in, the answer out (or an ApiError thrown). */
export type PlatformHandler<O extends PlatformOperation> = (
  input: PlatformRequest<O>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<Answer<O>>;

/**
 * Registers `op` (contracts/platform-*.ts) with `handler`: method, path, schemas, replies, OpenAPI
 * summary, tags and security, and `config.access` (with `config.consoleAccess` when district staff
 * may call it too), which api/auth.ts checks first: everything
 * but the handler comes from the declaration, the same one a client calls by.
 */
export function platformRoute<O extends PlatformOperation>(app: FastifyInstance, op: O, handler: PlatformHandler<O>): void {
  app.route({
    method: op.method,
    url: op.path,
    config: { access: op.access, ...(op.consoleAccess === undefined ? {} : { consoleAccess: op.consoleAccess }) },
    schema: {
      operationId: op.name,
      summary: op.summary,
      tags: [...op.tags],
      security: [...SECURITY[op.access], ...(op.consoleAccess === undefined ? [] : [{ consoleSession: [] }])].map((scheme) => ({
        ...scheme,
      })),
      ...(op.params ? { params: op.params } : {}),
      ...(op.query ? { querystring: op.query } : {}),
      ...(op.body ? { body: op.body } : {}),
      ...(op.bodyMediaType === undefined ? {} : { consumes: [op.bodyMediaType] }),
      response: op.responses,
    },
    handler: async (request, reply) => {
      // Fastify validated each part with the schema `op` declares for it (fastify-type-provider-zod
      // replaces the raw part with the parsed one), which is what PlatformRequest<O> describes;
      // TypeScript cannot follow a generic operation's optional schemas into the request's types.
      const input = { params: request.params, query: request.query, body: request.body } as PlatformRequest<O>;
      const answer = await handler(input, request, reply);
      return reply.code(answer.status).send(answer.body);
    },
  });
}
