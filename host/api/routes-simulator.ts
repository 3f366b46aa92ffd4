import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/errors';
import { PlaceCardRequest, SimulatedCardList } from '../../contracts/simulator';
import type { DeviceManager } from '../devices/device-manager';
import { HostError } from '../errors/host-error';

/**
 * Demo controls for simulated devices. Registered only when a device runs
 * simulated, so a hall with real readers has no such routes at all.
 */
export function simulatorRoutes(devices: DeviceManager): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/simulator/idcard/cards', { schema: { tags: ['simulator'], response: { 200: SimulatedCardList } } }, async () => ({
      cards: devices.simulatedCards().map((c) => ({ id: c.id, label: c.label, cardKind: c.card.kind })),
    }));

    app.post(
      '/simulator/idcard/place',
      { schema: { tags: ['simulator'], body: PlaceCardRequest, response: { 204: z.null(), 404: ApiError } } },
      async (req, reply) => {
        if (!devices.placeSimulatedCard(req.body.cardId)) throw new HostError('not_found', `no simulated card ${req.body.cardId}`);
        return reply.code(204).send(null);
      },
    );

    app.post('/simulator/idcard/remove', { schema: { tags: ['simulator'], response: { 204: z.null() } } }, async (_req, reply) => {
      devices.placeSimulatedCard(null);
      return reply.code(204).send(null);
    });
  };
}
