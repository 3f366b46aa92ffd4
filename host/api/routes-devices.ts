import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DeviceConfig } from '../../contracts/config';
import {
  DeviceIdParams,
  DeviceList,
  DeviceTestRequest,
  DeviceTestResult,
  DiscoveryResult,
  PrintPreviewList,
} from '../../contracts/devices';
import { ApiError } from '../../contracts/errors';
import type { StaffAuth } from '../auth/staff-auth';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import type { DeviceManager } from '../devices/device-manager';
import { HostError } from '../errors/host-error';
import type { Db } from '../../db/open';
import { requireStaff, staffOf } from './auth-guard';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/** The technician's device console: list, discover, configure, test; every change audited. */
export function deviceRoutes(deps: { devices: DeviceManager; auth: StaffAuth; db: Db; clock: Clock }): FastifyPluginAsyncZod {
  const technician = requireStaff(deps.auth, ['technician']);
  const viewers = requireStaff(deps.auth, ['technician', 'supervisor']);
  const record = (staffId: number, action: string, details: Record<string, unknown>) =>
    audit(deps.db, deps.clock, action, { staffId, details });

  return async (app) => {
    app.get(
      '/devices',
      { preHandler: viewers, schema: { tags: ['devices'], response: { 200: DeviceList, ...errors } } },
      async () => deps.devices.list(),
    );

    app.get(
      '/devices/discover',
      { preHandler: technician, schema: { tags: ['devices'], response: { 200: DiscoveryResult, ...errors } } },
      async () => deps.devices.discover(),
    );

    app.put(
      '/devices/:id',
      {
        preHandler: technician,
        schema: { tags: ['devices'], params: DeviceIdParams, body: DeviceConfig, response: { 200: DeviceList, ...errors } },
      },
      async (req) => {
        if (req.body.id !== req.params.id) throw new HostError('invalid_request', 'the body id must match the path');
        await deps.devices.save(req.body);
        record(staffOf(req).id, 'device.save', {
          deviceId: req.body.id,
          kind: req.body.kind,
          transport: req.body.transport.type,
        });
        return deps.devices.list();
      },
    );

    app.delete(
      '/devices/:id',
      { preHandler: technician, schema: { tags: ['devices'], params: DeviceIdParams, response: { 200: DeviceList, ...errors } } },
      async (req) => {
        await deps.devices.remove(req.params.id);
        record(staffOf(req).id, 'device.remove', { deviceId: req.params.id });
        return deps.devices.list();
      },
    );

    app.post(
      '/devices/:id/test',
      {
        preHandler: technician,
        schema: {
          tags: ['devices'],
          params: DeviceIdParams,
          body: DeviceTestRequest,
          response: { 200: DeviceTestResult, ...errors },
        },
      },
      async (req) => {
        const result = await deps.devices.test(req.params.id, req.body.action, req.body.text);
        record(staffOf(req).id, 'device.test', { deviceId: req.params.id, action: req.body.action, ok: result.ok });
        return result;
      },
    );

    app.get(
      '/devices/:id/preview',
      {
        preHandler: viewers,
        schema: {
          tags: ['devices'],
          params: DeviceIdParams,
          querystring: z.object({ last: z.coerce.number().int().min(1).max(20).default(5) }),
          response: { 200: PrintPreviewList, ...errors },
        },
      },
      async (req) => ({ pages: deps.devices.previews(req.params.id).slice(-req.query.last) }),
    );
  };
}
