import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError } from '../../contracts/errors';
import type { StorageHealth } from '../../contracts/health';
import { HostError } from '../errors/host-error';

/** Where the error handler reports a database that refused a write (host/storage/storage-monitor.ts). */
export interface StorageFailureSink {
  /** True when `error` was a storage failure (disk full, read-only, I/O error), now recorded. */
  observe(error: unknown): boolean;
  current(): StorageHealth;
}

/** Every failure leaves the API as `{ error: { code, message, details? } }` with a stable code. */
export function installErrorHandling(app: FastifyInstance, options: { storage?: StorageFailureSink } = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // One place for every write of every route: a SQLite error that says the storage is gone
    // becomes a typed 503 (the transaction was rolled back, nothing of the request was saved).
    if (options.storage?.observe(err)) {
      const state = options.storage.current().state;
      req.log.error({ code: err.code, state, url: req.url.split('?')[0] }, 'storage unavailable');
      const body: ApiError = {
        error: {
          code: 'storage_unavailable',
          message: '本机暂时无法保存数据（存储不可用），请稍后再试或到人工窗口办理',
          details: { state },
        },
      };
      return reply.code(503).send(body);
    }
    if (err instanceof HostError) {
      const body: ApiError = { error: { code: err.code, message: err.message, details: err.details } };
      return reply.code(err.httpStatus).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const body: ApiError = { error: { code: 'invalid_request', message: '请求内容不正确', details: err.validation } };
      return reply.code(400).send(body);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const body: ApiError = { error: { code: 'body_too_large', message: '上传的内容太大' } };
      return reply.code(413).send(body);
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

/**
 * Fastify's `frameworkErrors` option: a URL its router cannot read (bad percent-encoding, a
 * parameter over `maxParamLength`) is answered before any hook or error handler runs, with
 * Fastify's own body; this puts those replies in the envelope too.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  const body: ApiError = { error: { code: 'invalid_request', message: err.message } };
  void reply.code(status).send(body);
}

export function notFoundBody(url: string): ApiError {
  return { error: { code: 'not_found', message: `没有这个接口: ${url.split('?')[0] ?? ''}` } };
}
