import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { DeviceAdministration } from '../devices/device-administration';
import type { DeviceManager } from '../devices/device-manager';
import { HostError } from '../errors/host-error';
import { staffOf } from './auth-guard';
import { router } from './route';

export interface DeviceRouteDeps {
  devices: DeviceManager;
  /** Saves, removals and tests, each audited (host/devices/device-administration.ts). */
  admin: DeviceAdministration;
  auth: StaffAuth;
}

/** The technician's device console: list, discover, configure, test. */
export function deviceRoutes({ devices, admin, auth }: DeviceRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth });

    route(operations.devices, async () => devices.list());

    route(operations.discoverDevices, async () => devices.discover());

    route(operations.saveDevice, async (req) => {
      if (req.body.id !== req.params.id) throw new HostError('invalid_request', 'the body id must match the path');
      await admin.save(req.body, staffOf(req).id);
      return devices.list();
    });

    route(operations.removeDevice, async (req) => {
      await admin.remove(req.params.id, staffOf(req).id);
      return devices.list();
    });

    route(operations.testDevice, async (req) => admin.test(req.params.id, req.body.action, req.body.text, staffOf(req).id));

    route(operations.devicePreview, async (req) => ({ pages: devices.previews(req.params.id).slice(-req.query.last) }));
  };
}
