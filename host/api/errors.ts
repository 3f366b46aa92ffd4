import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError } from '../../contracts/errors';
import { HostError } from '../errors/host-error';

/** Every failure leaves the API as `{ error: { code, message, details? } }` with a stable code. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HostError) {
      const body: ApiError = { error: { code: err.code, message: err.message, details: err.details } };
      return reply.code(err.httpStatus).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const body: ApiError = { error: { code: 'invalid_request', message: '请求内容不正确', details: err.validation } };
      return reply.code(400).send(body);
    }
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      const body: ApiError = { error: { code: 'invalid_request', message: err.message } };
      return reply.code(err.statusCode).send(body);
    }
    // Log the failure without the request body: it may hold personal data.
    req.log.error(
      { err: { message: err.message, stack: err.stack }, url: req.url, isSerialization: isResponseSerializationError(err) },
      'request failed',
    );
    const body: ApiError = { error: { code: 'internal', message: '系统繁忙，请稍后再试' } };
    return reply.code(500).send(body);
  });
}

export function notFoundBody(url: string): ApiError {
  return { error: { code: 'not_found', message: `没有这个接口: ${url.split('?')[0] ?? ''}` } };
}
