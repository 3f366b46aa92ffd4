import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import type { DeviceManager } from '../devices/device-manager';
import { HostError } from '../errors/host-error';
import type { Db } from '../../db/open';
import { staffOf } from './auth-guard';
import { router } from './route';

/** The technician's device console: list, discover, configure, test; every change audited. */
export function deviceRoutes(deps: { devices: DeviceManager; auth: StaffAuth; db: Db; clock: Clock }): FastifyPluginAsyncZod {
  const record = (staffId: number, action: string, details: Record<string, unknown>) =>
    audit(deps.db, deps.clock, action, { staffId, details });

  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.devices, async () => deps.devices.list());

    route(operations.discoverDevices, async () => deps.devices.discover());

    route(operations.saveDevice, async (req) => {
      if (req.body.id !== req.params.id) throw new HostError('invalid_request', 'the body id must match the path');
      await deps.devices.save(req.body);
      record(staffOf(req).id, 'device.save', {
        deviceId: req.body.id,
        kind: req.body.kind,
        transport: req.body.transport.type,
      });
      return deps.devices.list();
    });

    route(operations.removeDevice, async (req) => {
      await deps.devices.remove(req.params.id);
      record(staffOf(req).id, 'device.remove', { deviceId: req.params.id });
      return deps.devices.list();
    });

    route(operations.testDevice, async (req) => {
      const result = await deps.devices.test(req.params.id, req.body.action, req.body.text);
      record(staffOf(req).id, 'device.test', { deviceId: req.params.id, action: req.body.action, ok: result.ok });
      return result;
    });

    route(operations.devicePreview, async (req) => ({ pages: deps.devices.previews(req.params.id).slice(-req.query.last) }));
  };
}
