import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { HallSettingsStore } from '../settings/hall-settings';
import { staffOf } from './auth-guard';
import { router } from './route';

/**
 * The hall's settings: technicians change them (whole document, applied live, audited),
 * supervisors may read them. `/hall/info` is the little every screen needs before anyone signs in.
 */
export function hallSettingsRoutes(deps: { store: HallSettingsStore; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.hallInfo, async () => {
      const settings = deps.store.get();
      return {
        hallName: settings.hallName,
        kioskIdleSeconds: settings.timeouts.kioskIdleSeconds,
        elderAge: settings.queue.elderAge,
        evaluatorIdleSeconds: settings.timeouts.evaluatorIdleSeconds,
        kioskVoiceVolume: settings.kioskVoice.volumePercent,
      };
    });

    route(operations.hallSettings, async () => deps.store.get());

    route(operations.saveHallSettings, async (req) => deps.store.update(req.body, staffOf(req).id));
  };
}
