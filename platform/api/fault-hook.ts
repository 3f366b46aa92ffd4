import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';
import type { FaultInjector } from './faults';

export interface FaultHookOptions {
  /** How long a `timeoutRate` request holds its socket if the client never gives up (default 30 s). */
  holdMs?: number;
}

/**
 * Latency, injected failures, resets and hangs for terminal routes, after authentication and
 * before validation or any handler: none of them has touched anything. `slowMs` is the
 * exception: it delays the answer after the handler ran, so the commit has already happened.
 * Admin routes are exempt so an operator can always switch faults off again.
 */
export function installFaultHook(app: FastifyInstance, faults: FaultInjector, options: FaultHookOptions = {}): void {
  const holdMs = options.holdMs ?? 30_000;
  const held = new Set<Socket>();

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.access !== 'terminal') return;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.shouldFail()) throw new ApiError(503, 'injected_failure', 'injected failure (fault injection)');
    if (faults.shouldReset()) {
      // A connection reset as a flaky link or a crashing proxy produces it: no status, no body.
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (faults.shouldTimeout()) {
      // Accepted, never answered: the client must time out on its own. The socket is released
      // when the client closes it, after holdMs, or when the server closes.
      reply.hijack();
      const socket = request.raw.socket;
      held.add(socket);
      const timer = setTimeout(() => socket.destroy(), holdMs);
      timer.unref();
      socket.once('close', () => {
        clearTimeout(timer);
        held.delete(socket);
      });
      return reply;
    }
    return undefined;
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.routeOptions.config?.access === 'terminal' && faults.slowMs > 0) await sleep(faults.slowMs);
    return payload;
  });

  // Held sockets are not idle, so the HTTP server's close would wait for them: end them first.
  app.addHook('preClose', async () => {
    for (const socket of held) socket.destroy();
    held.clear();
  });
}
