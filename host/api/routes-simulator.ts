import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { DeviceManager } from '../devices/device-manager';
import { KeypadDevice } from '../devices/keypad-device';
import { PrinterDevice } from '../devices/printer-device';
import { ScannerDevice } from '../devices/scanner-device';
import { HostError } from '../errors/host-error';
import { router } from './route';

/**
 * Demo controls for simulated devices. Registered only when a device runs
 * simulated, so a hall with real readers has no such routes at all.
 */
export function simulatorRoutes(devices: DeviceManager): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app);

    route(operations.simulatedCards, async () => ({
      cards: devices.simulatedCards().map((c) => ({ id: c.id, label: c.label, cardKind: c.card.kind })),
    }));

    route(operations.placeSimulatedCard, async (req, reply) => {
      if (!devices.placeSimulatedCard(req.body.cardId)) throw new HostError('not_found', `no simulated card ${req.body.cardId}`);
      return reply.code(204).send(null);
    });

    route(operations.simulateScan, async (req, reply) => {
      const scanners = devices.simulatorsOf(ScannerDevice);
      if (scanners.length === 0) throw new HostError('not_found', 'no simulated scanner');
      for (const s of scanners) s.simulator?.scan(req.body.code);
      return reply.code(204).send(null);
    });

    route(operations.pressSimulatedKey, async (req, reply) => {
      const keypads = devices.simulatorsOf(KeypadDevice);
      if (keypads.length === 0) throw new HostError('not_found', 'no simulated keypad');
      for (const k of keypads) k.simulator?.press(req.body.address, req.body.key);
      return reply.code(204).send(null);
    });

    route(operations.removeSimulatedCard, async (_req, reply) => {
      devices.placeSimulatedCard(null);
      return reply.code(204).send(null);
    });

    route(operations.setSimulatedPrinterFault, async (req, reply) => {
      const printers = devices.simulatorsOf(PrinterDevice);
      if (printers.length === 0) throw new HostError('not_found', 'no simulated printer');
      for (const p of printers) p.virtualPrinter?.setFault(req.body.fault);
      return reply.code(204).send(null);
    });
  };
}
