import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { CameraChoiceStore } from '../settings/camera-choice';
import { staffOf } from './auth-guard';
import { router } from './route';

/** The kiosk's document camera: read by the kiosk page, chosen by a technician (contracts/api/camera.ts). */
export function cameraRoutes(deps: { store: CameraChoiceStore; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });
    route(operations.cameraChoice, async () => deps.store.get());
    route(operations.saveCameraChoice, async (req) => deps.store.update(req.body, { staffId: staffOf(req).id }));
  };
}
