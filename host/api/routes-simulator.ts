import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/errors';
import { PlaceCardRequest, SimulatedCardList } from '../../contracts/simulator';
import type { DeviceManager } from '../devices/device-manager';
import { KeypadDevice } from '../devices/keypad-device';
import { ScannerDevice } from '../devices/scanner-device';
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
        if (!devices.placeSimulatedCard(req.body.cardId))
          throw new HostError('not_found', `no simulated card ${req.body.cardId}`);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/simulator/scanner/scan',
      {
        schema: {
          tags: ['simulator'],
          body: z.object({ code: z.string().min(1).max(512) }),
          response: { 204: z.null(), 404: ApiError },
        },
      },
      async (req, reply) => {
        const scanners = devices.simulatorsOf(ScannerDevice);
        if (scanners.length === 0) throw new HostError('not_found', 'no simulated scanner');
        for (const s of scanners) s.simulator?.scan(req.body.code);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/simulator/keypad/press',
      {
        schema: {
          tags: ['simulator'],
          body: z.object({
            address: z.number().int().min(0).max(255),
            key: z.enum(['call', 'recall', 'evaluate', 'skip', 'hold', 'resume', 'pause', 'transfer']),
          }),
          response: { 204: z.null(), 404: ApiError },
        },
      },
      async (req, reply) => {
        const keypads = devices.simulatorsOf(KeypadDevice);
        if (keypads.length === 0) throw new HostError('not_found', 'no simulated keypad');
        for (const k of keypads) k.simulator?.press(req.body.address, req.body.key);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/simulator/idcard/remove',
      { schema: { tags: ['simulator'], response: { 204: z.null() } } },
      async (_req, reply) => {
        devices.placeSimulatedCard(null);
        return reply.code(204).send(null);
      },
    );
  };
}
