import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { HallInfo, HallSettings } from '../../contracts/hall-settings';
import type { StaffAuth } from '../auth/staff-auth';
import type { HallSettingsStore } from '../settings/hall-settings';
import { requireStaff, staffOf } from './auth-guard';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

/**
 * The hall's settings: technicians change them (whole document, applied live, audited),
 * supervisors may read them. `/hall/info` is the little every screen needs before anyone signs in.
 */
export function hallSettingsRoutes(deps: { store: HallSettingsStore; auth: StaffAuth }): FastifyPluginAsyncZod {
  const technician = requireStaff(deps.auth, ['technician']);
  const readers = requireStaff(deps.auth, ['technician', 'supervisor']);
  return async (app) => {
    app.get('/hall/info', { schema: { tags: ['settings'], response: { 200: HallInfo } } }, async () => {
      const settings = deps.store.get();
      return {
        hallName: settings.hallName,
        kioskIdleSeconds: settings.timeouts.kioskIdleSeconds,
        elderAge: settings.queue.elderAge,
      };
    });

    app.get(
      '/hall/settings',
      { preHandler: readers, schema: { tags: ['settings'], response: { 200: HallSettings, ...errors } } },
      async () => deps.store.get(),
    );

    app.put(
      '/hall/settings',
      {
        preHandler: technician,
        schema: { tags: ['settings'], body: HallSettings, response: { 200: HallSettings, ...errors } },
      },
      async (req) => deps.store.update(req.body, staffOf(req).id),
    );
  };
}
