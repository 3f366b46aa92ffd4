import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';
import type { FaultInjector } from './faults';

/**
 * Latency and injected failures for terminal routes, after authentication and before
 * validation or any handler: an injected 503 has touched nothing. Admin routes are exempt so
 * an operator can always switch faults off again.
 */
export function installFaultHook(app: FastifyInstance, faults: FaultInjector): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.access !== 'terminal') return;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.shouldFail()) throw new ApiError(503, 'injected_failure', 'injected failure (fault injection)');
  });
}
