import type { FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ConsoleErrorBody, ConsoleErrorCode } from '../../contracts/platform-console';

/** An error a handler or hook throws to answer with a stable code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly statusCode: number,
    /** The central API's codes, or the console's (a superset: contracts/platform-console.ts). */
    readonly code: ConsoleErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function errorBody(code: ConsoleErrorCode, message: string, details?: unknown): ConsoleErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.details));
}

/** Fastify's own 4xx errors (body parsing, content type, size) mapped to our codes. */
function codeForStatus(status: number): ConsoleErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 404) return 'not_found';
  if (status === 401) return 'unauthorized';
  return 'invalid_request';
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  return typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/**
 * Every failure leaves as `{ error: { code, message, details? } }`. Logs carry the code and
 * status only: a message or detail could quote a request body, and bodies hold personal data.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        path: issue.instancePath,
        code: issue.keyword,
        message: issue.message ?? 'invalid',
      }));
      const where = error.validationContext ?? 'request';
      return reply.code(400).send(errorBody('invalid_request', `invalid ${where}`, { in: where, issues }));
    }

    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500) {
      const code = codeForStatus(status);
      request.log.info({ code, statusCode: status }, 'request rejected');
      const message = error instanceof Error ? error.message : 'request rejected';
      return reply.code(status).send(errorBody(code, message));
    }

    // Response-serialization failures land here too (status 500): a bug of ours, not the client's.
    request.log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'internal error');
    return reply.code(500).send(errorBody('internal_error', 'internal error'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`)),
  );
}
